import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config.js';
import { AppError } from '../../lib/app-error.js';
import { newId } from '../../lib/ids.js';

/** A multipart file stream: busboy sets `truncated` when the size limit cut it short. */
export type UploadStream = Readable & { truncated?: boolean };

export interface ReceivedFile {
  tempPath: string;
  size: number;
  sha256: string;
}

const rootOf = (config: Config) => path.join(config.dataDir, 'attachments');

/** `<tenant>/<yyyy>/<mm>/<id>`: never the user's file name, which only lives in the database. */
export function storagePathFor(tenantId: string, id: string, now: Date): string {
  const yyyy = String(now.getUTCFullYear());
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  return path.posix.join(tenantId, yyyy, mm, id);
}

function absolutePath(config: Config, storagePath: string): string {
  const root = rootOf(config);
  const full = path.resolve(root, storagePath);
  if (!full.startsWith(root + path.sep)) throw new Error(`storage path outside the attachments folder: ${storagePath}`);
  return full;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Streams the upload to a temporary file, hashing and counting as it goes. */
export async function receiveFile(config: Config, file: UploadStream): Promise<ReceivedFile> {
  const dir = path.join(rootOf(config), '.incoming');
  await fs.promises.mkdir(dir, { recursive: true });
  const tempPath = path.join(dir, newId());
  const hash = crypto.createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(file, measure, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o640 }));
    if (file.truncated)
      throw new AppError('payload-too-large', { params: { limit: formatBytes(config.maxUploadBytes) } });
  } catch (err) {
    await fs.promises.rm(tempPath, { force: true });
    throw err;
  }
  return { tempPath, size, sha256: hash.digest('hex') };
}

export async function discardTemp(received: ReceivedFile): Promise<void> {
  await fs.promises.rm(received.tempPath, { force: true });
}

/** Moves a received file into place (same file system, so the rename is atomic). */
export async function commitFile(config: Config, received: ReceivedFile, storagePath: string): Promise<void> {
  const target = absolutePath(config, storagePath);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  await fs.promises.rename(received.tempPath, target);
}

export async function removeFile(config: Config, storagePath: string): Promise<void> {
  await fs.promises.rm(absolutePath(config, storagePath), { force: true });
}

/** Opens a stored file for reading; null when it is missing on disk. */
export async function openFile(config: Config, storagePath: string): Promise<Readable | null> {
  try {
    const handle = await fs.promises.open(absolutePath(config, storagePath), 'r');
    return handle.createReadStream();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
