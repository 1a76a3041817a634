import { USCC_CHARSET, usccCheckDigit } from '@kaimen/shared';

/**
 * Unified social credit codes (GB 32100-2015) for generated companies: `91` (an enterprise), a GB/T 2260 area code,
 * a 9-character organisation code and the check character.
 *
 * The organisation code is a bijection of the row's index, so codes never repeat within one seed, however many rows:
 * companies founded from 2016 get the new style (`MA` and 7 characters of the code set, as issued since 2015), older
 * ones an old 8-digit organisation code with its GB 11714 check character (as converted codes keep). The two styles
 * differ at position 9 (a letter, or a digit), so they cannot meet either.
 */

/** 31^7: the 7 characters after `MA`. */
const NEW_SPACE = 31 ** 7;
/** Coprime with 31, so i ↦ i·NEW_STEP mod 31^7 is a bijection (and i·NEW_STEP an exact double for i < 10^8). */
const NEW_STEP = 104_729;
const OLD_SPACE = 10 ** 8;
/** Coprime with 10. */
const OLD_STEP = 7_919;
const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function newStyle(index: number, offset: number): string {
  let v = (index * NEW_STEP + offset) % NEW_SPACE;
  let s = '';
  for (let k = 0; k < 7; k++) {
    s = USCC_CHARSET.charAt(v % 31) + s;
    v = Math.floor(v / 31);
  }
  return `MA${s}`;
}

function oldStyle(index: number, offset: number): string {
  const digits = String((index * OLD_STEP + offset) % OLD_SPACE).padStart(8, '0');
  let sum = 0;
  for (let k = 0; k < 8; k++) sum += Number(digits.charAt(k)) * GB11714_WEIGHTS[k]!;
  const c = 11 - (sum % 11);
  return digits + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/** The USCC of row `index` (0 ≤ index < 10^8) of a seed, with a valid check character. */
export function generatedUscc(seedHash: number, index: number, areaCode: string, oldStyleCode: boolean): string {
  if (!Number.isSafeInteger(index) || index < 0 || index >= OLD_SPACE) throw new RangeError(`row index ${index}`);
  const org = oldStyleCode ? oldStyle(index, seedHash % OLD_SPACE) : newStyle(index, seedHash % NEW_SPACE);
  const body = `91${areaCode}${org}`;
  return body + usccCheckDigit(body);
}
