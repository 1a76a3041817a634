import { foldFullWidth } from '../text.js';

/**
 * Calendar dates as offices write them, to ISO `YYYY-MM-DD`:
 * `2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日`, `20240305` (text or number),
 * the same with a time after them, Excel serial day numbers (45356 → 2024-03-05)
 * and Date objects (read in UTC: ExcelJS gives dates at UTC midnight).
 * Impossible dates (2024-02-30) are refused; blank and `-` mean "no value" (null).
 */

export type DateFailure = 'date-invalid';
export type DateCheck = { ok: true; value: string | null } | { ok: false; reason: DateFailure };

/** Thrown by parseDate for a value that is not blank and not a date. */
export class DateError extends RangeError {
  readonly reason: DateFailure = 'date-invalid';
  constructor(input: unknown) {
    super(`date-invalid: ${input instanceof Date ? 'Invalid Date' : String(input)}`);
    this.name = 'DateError';
  }
}

/** Years accepted; anything outside is almost certainly a typo or a misread number. */
export const DATE_MIN_YEAR = 1800;
export const DATE_MAX_YEAR = 2200;

const BLANKS = new Set(['', '-', '--', '—', '——', '–', '/', '无', '暂无', 'n/a', 'null']);
const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})?)?`;
const SEPARATED = new RegExp(String.raw`^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})${TIME}$`, 'i');
const CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A serial day number written as text: 5 digits, optional time fraction. */
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/** Excel's last day, 9999-12-31. */
const MAX_SERIAL = 2_958_465;
const DAY_MS = 86_400_000;
/** 1899-12-30: day 0 of the serial numbers from 1900-03-01 (serial 61) on. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function ymd(y: number, m: number, d: number): DateCheck {
  if (!Number.isInteger(y) || y < DATE_MIN_YEAR || y > DATE_MAX_YEAR) return { ok: false, reason: 'date-invalid' };
  if (!Number.isInteger(m) || m < 1 || m > 12) return { ok: false, reason: 'date-invalid' };
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based: day 0 of the next month
  if (!Number.isInteger(d) || d < 1 || d > last) return { ok: false, reason: 'date-invalid' };
  return { ok: true, value: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

function fromUtcDate(date: Date): DateCheck {
  const t = date.getTime();
  if (Number.isNaN(t)) return { ok: false, reason: 'date-invalid' };
  return ymd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Excel serial day number (1900 date system) to a date. Excel counts 1900-02-29,
 * which never existed, as day 60: days 1–59 are 1900-01-01 … 1900-02-28, day 60 is
 * refused, and from day 61 (1900-03-01) on the count is days since 1899-12-30.
 * A fraction (the time of day) is dropped.
 */
export function excelSerialToDate(serial: number): string | null {
  const r = fromSerial(serial);
  return r.ok ? r.value : null;
}

function fromSerial(serial: number): DateCheck {
  if (!Number.isFinite(serial)) return { ok: false, reason: 'date-invalid' };
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL || day === 60) return { ok: false, reason: 'date-invalid' };
  const offset = day < 60 ? day + 1 : day;
  return fromUtcDate(new Date(SERIAL_EPOCH + offset * DAY_MS));
}

export function checkDate(input: string | number | Date | null | undefined): DateCheck {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (input instanceof Date) return fromUtcDate(input);
  if (typeof input === 'number') {
    // 20240305 typed into a number cell; serial numbers end at 2,958,465 (7 digits).
    if (Number.isInteger(input) && input >= 10_000_000 && input <= 99_999_999) {
      return ymd(Math.floor(input / 10_000), Math.floor(input / 100) % 100, input % 100);
    }
    return fromSerial(input);
  }
  const s = foldFullWidth(input).trim();
  if (BLANKS.has(s.toLowerCase())) return { ok: true, value: null };
  const sep = SEPARATED.exec(s);
  if (sep) return ymd(Number(sep[1]), Number(sep[3]), Number(sep[4]));
  const m = COMPACT.exec(s) ?? CHINESE.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL_TEXT.test(s)) return fromSerial(Number(s));
  return { ok: false, reason: 'date-invalid' };
}

/**
 * `YYYY-MM-DD`, or null for a blank value; throws DateError for anything that is
 * not a real date. Use checkDate to get the failure as a value instead.
 */
export function parseDate(input: string | number | Date): string | null {
  const r = checkDate(input);
  if (!r.ok) throw new DateError(input);
  return r.value;
}
