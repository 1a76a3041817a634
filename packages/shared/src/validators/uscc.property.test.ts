import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { USCC_CHARSET, isValidUscc, normalizeUscc, usccCheckDigit } from './uscc.js';

const charsetChar = fc.constantFrom(...USCC_CHARSET);
const digit = fc.constantFrom(...'0123456789');

/** A valid code: 2 charset characters, a 6-digit area code, 9 charset characters, the check character. */
const validUscc = fc
  .tuple(
    fc.string({ unit: charsetChar, minLength: 2, maxLength: 2 }),
    fc.string({ unit: digit, minLength: 6, maxLength: 6 }),
    fc.string({ unit: charsetChar, minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, c]) => {
    const body = a + b + c;
    return body + usccCheckDigit(body);
  });

const toFullWidth = (ch: string) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\u3000', '\n', '\u00a0'), maxLength: 3 });

describe('USCC properties', () => {
  it('generated valid codes always pass', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(isValidUscc(code)).toBe(true);
        expect(normalizeUscc(code)).toBe(code);
      }),
      { numRuns: 2000 },
    );
  });

  it('still pass after lower-casing, full-width folding and surrounding blanks', () => {
    fc.assert(
      fc.property(
        validUscc,
        fc.array(fc.constantFrom('keep', 'lower', 'full', 'fullLower'), { minLength: 18, maxLength: 18 }),
        blank,
        blank,
        (code, how, before, after) => {
          const messy = [...code]
            .map((ch, i) => {
              switch (how[i]) {
                case 'lower':
                  return ch.toLowerCase();
                case 'full':
                  return toFullWidth(ch);
                case 'fullLower':
                  return toFullWidth(ch.toLowerCase());
                default:
                  return ch;
              }
            })
            .join('');
          const input = before + messy + after;
          expect(isValidUscc(input), JSON.stringify(input)).toBe(true);
          expect(normalizeUscc(input)).toBe(code);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('fails when any one character is changed to any other charset character', () => {
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 17 }), charsetChar, (code, i, repl) => {
        fc.pre(code.charAt(i) !== repl);
        const changed = code.slice(0, i) + repl + code.slice(i + 1);
        expect(isValidUscc(changed), `${code} → ${changed}`).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('fails when every substitution at one position is tried', () => {
    // Exhaustive over the 30 alternatives of a position, for a handful of codes.
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 17 }), (code, i) => {
        for (const repl of USCC_CHARSET) {
          if (repl === code.charAt(i)) continue;
          expect(isValidUscc(code.slice(0, i) + repl + code.slice(i + 1))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fails with a character outside the charset, a missing or an extra character', () => {
    fc.assert(
      fc.property(
        validUscc,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom('I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z', '-', '*'),
        charsetChar,
        (code, i, bad, extra) => {
          expect(isValidUscc(code.slice(0, i) + bad + code.slice(i + 1))).toBe(false);
          expect(isValidUscc(code.slice(0, i) + code.slice(i + 1))).toBe(false);
          expect(isValidUscc(code.slice(0, i) + extra + code.slice(i))).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('fails when two adjacent different characters are swapped', () => {
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 16 }), (code, i) => {
        const a = code.charAt(i);
        const b = code.charAt(i + 1);
        fc.pre(a !== b);
        const swapped = code.slice(0, i) + b + a + code.slice(i + 2);
        // Weights 3^(i-1) and 3^i differ mod 31, so a swap changes the sum unless
        // it also moves the check character: (v_a − v_b)(w_i − w_{i+1}) ≢ 0 (mod 31).
        if (i < 16) expect(isValidUscc(swapped), `${code} → ${swapped}`).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
