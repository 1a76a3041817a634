import type { ImportHeader } from '../../imports/import-kind.js';
import { cellText, findHeader, type FindHeaderOptions, type HeaderMatch } from './header.js';
import { readRows, type ImportFileKind, type RawRow } from './read-rows.js';

/** How many rows of a file are searched for its header (title rows above it included). */
export const SCAN_ROWS = 30;
/** Rows below the header shown in the mapping step. */
export const PREVIEW_ROWS = 5;

/** The header found, as the import's mapping step shows it, with the first rows below it. */
export const toHeader = (match: HeaderMatch, rows: RawRow[]): ImportHeader => ({
  headerRowNumber: match.headerRowNumber,
  headers: match.headers,
  mapping: match.mapping,
  unmapped: match.unmapped,
  preview: rows
    .filter((r) => r.rowNumber > match.headerRowNumber && r.cells.some((c) => cellText(c) !== ''))
    .slice(0, PREVIEW_ROWS)
    .map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map(cellText) })),
});

/** The first rows of a file: the header found, or (none found) the rows, for the user to pick the header row. */
export async function inspectSheet(
  file: string,
  fileKind: ImportFileKind,
  options: FindHeaderOptions,
): Promise<ImportHeader> {
  const first: RawRow[] = [];
  for await (const row of readRows(file, fileKind)) {
    first.push(row);
    if (first.length >= SCAN_ROWS + PREVIEW_ROWS) break;
  }
  const match = findHeader(first, options);
  if (match) return toHeader(match, first);
  return {
    headerRowNumber: null,
    headers: [],
    mapping: {},
    unmapped: [],
    preview: first.slice(0, 10).map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map(cellText) })),
  };
}

export interface Sheet {
  header: HeaderMatch;
  /** The rows below the header, `size` at a time. */
  batches(size: number): AsyncGenerator<RawRow[]>;
  /** Ends the reading (the file is closed); safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Opens a file for an import that reads it in batches: the first `scanRows` rows are read to find the header in (below
 * any title rows), the rest stream. Null when no header is found (the file is closed then).
 */
export async function openSheet(
  file: string,
  fileKind: ImportFileKind,
  scanRows: number,
  options: FindHeaderOptions,
): Promise<Sheet | null> {
  const iterator = readRows(file, fileKind)[Symbol.asyncIterator]();
  const close = async () => void (await iterator.return?.());
  const first: RawRow[] = [];
  let ended = false;
  try {
    while (first.length < scanRows) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      first.push(next.value);
    }
  } catch (err) {
    await close();
    throw err;
  }
  const header = findHeader(first, options);
  if (!header) {
    await close();
    return null;
  }
  async function* rows() {
    for (const r of first) if (r.rowNumber > header!.headerRowNumber) yield r;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return {
    header,
    close,
    async *batches(size: number) {
      let batch: RawRow[] = [];
      for await (const row of rows()) {
        batch.push(row);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
  };
}
