import { foldFullWidth } from '../text.js';

/**
 * Money amounts as offices write them, in whole yuan (DESIGN.md §4 stores whole yuan):
 * `500万元` → 5,000,000 · `1.2亿` → 120,000,000 · `3,000,000` · `３００万` ·
 * `300万人民币` · `人民币500万元` · `¥5000` · `5000元` · `500w` · plain numbers.
 * Blank, `-`, `—`, `/`, `无` mean "no value" (null).
 */

/** Why a non-blank amount was refused. */
export type AmountFailure =
  /** Not a number with an optional unit. */
  | 'amount-invalid'
  /** A foreign currency (美元, USD, 港币 …): whole yuan cannot be derived without a rate. */
  | 'amount-currency'
  /** Beyond Number.MAX_SAFE_INTEGER yuan. */
  | 'amount-range';

export type AmountCheck = { ok: true; value: number | null } | { ok: false; reason: AmountFailure };

export interface AmountOptions {
  /**
   * Multiplier for values written without a unit: 10_000 for a column whose header
   * says 万元. A unit in the value itself (`1.2亿`, `5000元`) always wins.
   */
  defaultUnit?: number;
}

/** Thrown by parseAmount for a value that is not blank and not an amount. */
export class AmountError extends RangeError {
  readonly reason: AmountFailure;
  constructor(reason: AmountFailure, input: unknown) {
    super(`${reason}: ${String(input)}`);
    this.name = 'AmountError';
    this.reason = reason;
  }
}

const UNITS: Record<string, number> = {
  '': 1,
  元: 1,
  千: 1_000,
  千元: 1_000,
  k: 1_000,
  万: 10_000,
  万元: 10_000,
  w: 10_000,
  十万: 100_000,
  十万元: 100_000,
  百万: 1_000_000,
  百万元: 1_000_000,
  千万: 10_000_000,
  千万元: 10_000_000,
  亿: 100_000_000,
  亿元: 100_000_000,
  万亿: 1_000_000_000_000,
  万亿元: 1_000_000_000_000,
};

/** Words meaning "none" that offices put in empty cells. */
const BLANKS = new Set(['', '-', '--', '---', '—', '——', '–', '/', '无', '暂无', 'n/a', 'na', 'null', '不详']);
const FOREIGN = /美元|美金|usd|us\$|\$|港币|港元|hkd|欧元|eur|€|日元|jpy|英镑|gbp|£|台币|新台币|twd|澳门元|mop/i;
/** Currency words naming yuan, dropped wherever they stand. */
const YUAN_WORDS = /人民币|rmb|cny|[¥￥]/gi;
const AMOUNT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(.*)$/i;
/**
 * Plain decimals, most cells of a sheet a system exported: nothing to fold, strip or read as a unit, so they skip the
 * steps below (a fifth of checking an import's row, which has a dozen amounts) and come out as those steps would give.
 */
const PLAIN = /^\d{1,15}(?:\.\d{1,6})?$/;

export function checkAmount(input: string | number | null | undefined, options: AmountOptions = {}): AmountCheck {
  const defaultUnit = options.defaultUnit ?? 1;
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'amount-invalid' };
    return whole(input * defaultUnit);
  }
  if (PLAIN.test(input)) return whole(Number(input) * defaultUnit);
  const s = foldFullWidth(input)
    .replace(/[\s\u00a0]+/g, '')
    .toLowerCase();
  if (BLANKS.has(s)) return { ok: true, value: null };
  if (FOREIGN.test(s)) return { ok: false, reason: 'amount-currency' };
  // Thousands separators: only where they separate groups of three digits.
  const text = s.replace(YUAN_WORDS, '').replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  const m = AMOUNT.exec(text);
  if (!m) return { ok: false, reason: 'amount-invalid' };
  const unitText = (m[2] ?? '').replace(/^[(（]|[)）]$/g, '');
  const unit = unitText === '' ? defaultUnit : UNITS[unitText];
  if (unit === undefined) return { ok: false, reason: 'amount-invalid' };
  return whole(Number(m[1]) * unit);
}

function whole(value: number): AmountCheck {
  if (!Number.isFinite(value)) return { ok: false, reason: 'amount-range' };
  const rounded = Math.round(value);
  if (!Number.isSafeInteger(rounded)) return { ok: false, reason: 'amount-range' };
  // Math.round(-0.4) is -0.
  return { ok: true, value: rounded === 0 ? 0 : rounded };
}

/**
 * Whole yuan, or null for a blank value; throws AmountError (with its `reason`)
 * for anything else. Use checkAmount to get the failure as a value instead.
 */
export function parseAmount(input: string | number, options?: AmountOptions): number | null {
  const r = checkAmount(input, options);
  if (!r.ok) throw new AmountError(r.reason, input);
  return r.value;
}
