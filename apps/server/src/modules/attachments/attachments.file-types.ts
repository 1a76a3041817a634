import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { AppError } from '../../lib/app-error.js';

const OOXML = 'application/vnd.openxmlformats-officedocument';
const DOCX = `${OOXML}.wordprocessingml.document`;
const XLSX = `${OOXML}.spreadsheetml.sheet`;
const PPTX = `${OOXML}.presentationml.presentation`;

/**
 * Detected type (file-type's `ext`) → the file-name extensions it may carry → the Content-Type we serve.
 * The bytes decide the type; the name only has to agree with them.
 */
const BINARY: Record<string, Record<string, string>> = {
  pdf: { pdf: 'application/pdf' },
  png: { png: 'image/png' },
  jpg: { jpg: 'image/jpeg', jpeg: 'image/jpeg' },
  gif: { gif: 'image/gif' },
  webp: { webp: 'image/webp' },
  docx: { docx: DOCX },
  xlsx: { xlsx: XLSX },
  pptx: { pptx: PPTX },
  cfb: { doc: 'application/msword', xls: 'application/vnd.ms-excel' },
  // Some office suites write OOXML that only sniffs as a plain zip.
  zip: { zip: 'application/zip', docx: DOCX, xlsx: XLSX, pptx: PPTX },
};
/** Text has no magic bytes: accepted by name when it is valid UTF-8 without NULs. */
const TEXT: Record<string, string> = { txt: 'text/plain; charset=utf-8', csv: 'text/csv; charset=utf-8' };

export const ALLOWED_FILE_TYPES = 'PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX, DOC, XLS, ZIP, TXT, CSV';

const extensionOf = (filename: string) => path.extname(filename).slice(1).toLowerCase();

function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The Content-Type to store for a received file, or 'unsupported-file-type'. */
export async function contentTypeOf(file: string, filename: string): Promise<string> {
  const ext = extensionOf(filename);
  const detected = await fileTypeFromFile(file);
  let type: string | undefined;
  if (detected) type = BINARY[detected.ext]?.[ext];
  else if (TEXT[ext] && isUtf8Text(await fs.readFile(file))) type = TEXT[ext];
  if (!type) {
    throw new AppError('unsupported-file-type', {
      params: { allowed: ALLOWED_FILE_TYPES },
      internal: `declared .${ext}, detected ${detected?.ext ?? 'nothing'}`,
    });
  }
  return type;
}
