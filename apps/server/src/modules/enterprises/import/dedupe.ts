import type { RowError, RowResult } from './validate-row.js';

/**
 * In-file duplicates by normalised USCC, for a file read once from top to bottom:
 * remembers the first row of each code (one map entry per distinct code, ~60 bytes,
 * so ~60 MB for a million companies) and nothing else.
 */
export class InFileDuplicates {
  private readonly firstRow = new Map<string, number>();

  /** Records the code of a row; returns the row that had it first, or undefined when this row is the first. */
  see(uscc: string, rowNumber: number): number | undefined {
    const first = this.firstRow.get(uscc);
    if (first !== undefined) return first;
    this.firstRow.set(uscc, rowNumber);
    return undefined;
  }

  get size(): number {
    return this.firstRow.size;
  }
}

export interface DuplicateError extends RowError {
  reason: 'duplicate-in-file';
  /** The row (1-based) where the code first appears. */
  firstRowNumber: number;
}

/**
 * Adds 'duplicate-in-file' to the second and later rows carrying a USCC already
 * seen (every row with a valid code counts, whether or not the rest of it is valid).
 * Blank rows and rows without a valid code pass through unchanged.
 */
export function markDuplicate(
  result: RowResult,
  rowNumber: number,
  seen: InFileDuplicates,
  usccColumn: { header: string; index: number } | null,
): RowResult {
  if (result.skipped || !result.uscc) return result;
  const first = seen.see(result.uscc, rowNumber);
  if (first === undefined) return result;
  const error: DuplicateError = {
    column: usccColumn?.header ?? '',
    columnIndex: usccColumn?.index ?? null,
    field: 'uscc',
    reason: 'duplicate-in-file',
    message: { zh: `与第 ${first} 行的统一社会信用代码重复`, en: `Same USCC as row ${first}` },
    firstRowNumber: first,
  };
  const errors = result.ok ? [error] : [...result.errors, error];
  return { ok: false, errors, uscc: result.uscc };
}
