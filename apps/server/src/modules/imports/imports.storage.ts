import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config.js';
import { AppError } from '../../lib/app-error.js';
import { newId } from '../../lib/ids.js';
import { formatBytes, type UploadStream } from '../attachments/attachments.storage.js';

/** Uploaded spreadsheets live under the data dir, named by job id, never by the user's file name. */
const rootOf = (config: Config) => path.join(config.dataDir, 'imports');

export const storagePathFor = (tenantId: string, id: string, fileKind: 'csv' | 'xlsx') =>
  path.posix.join(tenantId, `${id}.${fileKind}`);

export function importFilePath(config: Config, storagePath: string): string {
  const root = rootOf(config);
  const full = path.resolve(root, storagePath);
  if (!full.startsWith(root + path.sep)) throw new Error(`import path outside the imports folder: ${storagePath}`);
  return full;
}

export async function removeImportFile(config: Config, storagePath: string | null): Promise<void> {
  if (storagePath) await fs.promises.rm(importFilePath(config, storagePath), { force: true });
}

/** A file's kind from its first bytes: xlsx is a zip ("PK\x03\x04"); anything else must be text to be csv. */
export async function sniffFileKind(file: string): Promise<'csv' | 'xlsx' | null> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (bytesRead >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx';
    // Old binary Excel (.xls, OLE2) and other binaries carry NUL bytes; text files (UTF-8, GBK, UTF-16 with BOM) do not,
    // except UTF-16, which the csv reader decodes.
    const utf16 = bytesRead >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
    if (!utf16 && head.includes(0)) return null;
    return 'csv';
  } finally {
    await handle.close();
  }
}

/** Streams an upload to a temporary file under the imports folder; too large a file is refused and removed. */
export async function receiveImportFile(
  config: Config,
  file: UploadStream,
): Promise<{ tempPath: string; size: number }> {
  const dir = path.join(rootOf(config), '.incoming');
  await fs.promises.mkdir(dir, { recursive: true });
  const tempPath = path.join(dir, newId());
  const tooLarge = () => new AppError('payload-too-large', { params: { limit: formatBytes(config.maxImportBytes) } });
  try {
    await pipeline(file, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o640 }));
    if (file.truncated) throw tooLarge();
  } catch (err) {
    await fs.promises.rm(tempPath, { force: true });
    throw (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : err;
  }
  return { tempPath, size: (await fs.promises.stat(tempPath)).size };
}

/** Moves a received file into place (same file system: an atomic rename). */
export async function keepImportFile(config: Config, tempPath: string, storagePath: string): Promise<void> {
  const target = importFilePath(config, storagePath);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  await fs.promises.rename(tempPath, target);
}
