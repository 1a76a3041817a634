import { findHeader, type FindHeaderOptions, type HeaderMatch } from './header.js';
import { InFileDuplicates, markDuplicate } from './dedupe.js';
import { readRows, type Cell, type ImportFileKind, type RawRow } from './read-rows.js';
import { planColumns, toEnterpriseInput, type ImportDefaults, type RowError, type RowResult } from './validate-row.js';

/**
 * The pure part of an import, end to end: rows → header → validated rows with
 * in-file duplicates marked. Nothing touches the database; the caller writes the
 * good rows, reports the bad ones and streams both, so memory stays bounded.
 */

export interface CheckOptions extends FindHeaderOptions {
  defaults?: ImportDefaults;
}

export interface CheckedRow {
  rowNumber: number;
  cells: Cell[];
  result: RowResult;
}

export interface CheckedFile {
  /** null: no header found among the first rows (ask for headerRowNumber and mapping). */
  header: HeaderMatch | null;
  /** The rows below the header, once. */
  rows: AsyncGenerator<CheckedRow>;
}

export async function checkRows(source: AsyncIterable<RawRow>, options: CheckOptions = {}): Promise<CheckedFile> {
  const iterator = source[Symbol.asyncIterator]();
  const scan = Math.max(options.scanRows ?? 20, options.headerRowNumber ?? 0);
  const first: RawRow[] = [];
  let done = false;
  while (first.length < scan) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    first.push(next.value);
    if (options.headerRowNumber !== undefined && next.value.rowNumber >= options.headerRowNumber) break;
  }
  const header = findHeader(first, options);
  if (!header) {
    await iterator.return?.();
    return { header, rows: (async function* () {})() };
  }
  const plan = planColumns(header);
  const usccColumn = plan.columns.find((c) => c.field === 'uscc') ?? null;
  const seen = new InFileDuplicates();
  const check = (row: RawRow): CheckedRow => ({
    rowNumber: row.rowNumber,
    cells: row.cells,
    result: markDuplicate(toEnterpriseInput(row.cells, plan, options.defaults), row.rowNumber, seen, usccColumn),
  });
  async function* rows(): AsyncGenerator<CheckedRow> {
    try {
      for (const row of first) if (row.rowNumber > header!.headerRowNumber) yield check(row);
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield check(next.value);
    } finally {
      await iterator.return?.();
    }
  }
  return { header, rows: rows() };
}

export function checkFile(file: string, kind: ImportFileKind, options: CheckOptions = {}): Promise<CheckedFile> {
  return checkRows(readRows(file, kind), options);
}

export interface CheckSummary {
  /** Rows below the header, blank ones included. */
  total: number;
  valid: number;
  invalid: number;
  skipped: number;
}

/** Counts a stream of checked rows, handing each bad row to `onError` (nothing is kept). */
export async function summarize(
  rows: AsyncIterable<CheckedRow>,
  onError?: (rowNumber: number, errors: RowError[], cells: Cell[]) => void,
  onValid?: (row: CheckedRow) => void,
): Promise<CheckSummary> {
  const s: CheckSummary = { total: 0, valid: 0, invalid: 0, skipped: 0 };
  for await (const row of rows) {
    s.total++;
    if (row.result.ok) {
      s.valid++;
      onValid?.(row);
    } else if (row.result.skipped) {
      s.skipped++;
    } else {
      s.invalid++;
      onError?.(row.rowNumber, row.result.errors, row.cells);
    }
  }
  return s;
}
