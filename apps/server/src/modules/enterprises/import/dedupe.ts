import type { RowError, RowResult } from './validate-row.js';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_VALUE = new Map([...USCC_ALPHABET].map((c, i) => [c, i]));

/**
 * A USCC as a fresh 9-character key, two of its characters (31 × 31 values) per UTF-16 unit: half the bytes of the
 * code itself, and never a slice that keeps the parser's whole input chunk alive. Anything else stays as it is.
 */
export function packUscc(uscc: string): string {
  if (uscc.length !== 18) return uscc;
  const units: number[] = [];
  for (let i = 0; i < 18; i += 2) {
    const a = USCC_VALUE.get(uscc[i]!);
    const b = USCC_VALUE.get(uscc[i + 1]!);
    if (a === undefined || b === undefined) return uscc;
    units.push(0x4000 + a * 31 + b);
  }
  return String.fromCharCode(...units);
}

/**
 * In-file duplicates by normalised USCC, for a file read once from top to bottom:
 * remembers the first row of each code (one map entry per distinct code, packed: about
 * 60 MB for a million companies) and nothing else.
 */
export class InFileDuplicates {
  private readonly firstRow = new Map<string, number>();

  /** Records the code of a row; returns the row that had it first, or undefined when this row is the first. */
  see(uscc: string, rowNumber: number): number | undefined {
    const key = packUscc(uscc);
    const first = this.firstRow.get(key);
    if (first !== undefined) return first;
    this.firstRow.set(key, rowNumber);
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
