import { foldFullWidth } from '../text.js';

/** GB 32100-2015 code characters, in value order 0–30 (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weight of position i (1-based) is 3^(i-1) mod 31. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

export function normalizeUscc(s: string): string {
  return foldFullWidth(s).trim().toUpperCase();
}

/** The check character for the first 17 characters of a (normalised) USCC. */
export function usccCheckDigit(first17: string): string {
  if (first17.length !== 17) throw new RangeError('USCC body must have 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17.charAt(i));
    if (v < 0) throw new RangeError(`Invalid USCC character '${first17.charAt(i)}'`);
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function isValidUscc(s: string): boolean {
  const u = normalizeUscc(s);
  return USCC_SHAPE.test(u) && usccCheckDigit(u.slice(0, 17)) === u.charAt(17);
}
