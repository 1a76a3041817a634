import { describe, it, expect } from 'vitest';
import { USCC_CHARSET, isValidUscc, normalizeUscc, usccCheckDigit } from './uscc.js';

const VALID = ['91110000600037341L', '91310115MA1K3BTP2B', '121200004013590816', '91340600MA2PBP2120'];

describe('USCC (GB 32100-2015)', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(usccCheckDigit(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('maps a check value of 31 to 0', () => {
    expect(usccCheckDigit('91340600MA2PBP212')).toBe('0');
  });

  it.each([
    ['91350100M000100Y4Z', 'Z is not in the charset'],
    ['91350203M0001QAY9B', 'wrong check character'],
    ['91110000600037341', 'too short'],
    ['91110000600037341LL', 'too long'],
    ['9111A000600037341L', 'letter in the area code'],
    ['91110000600O37341L', 'O is not in the charset'],
    ['', 'empty'],
  ])('rejects %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('normalises case, blanks and full-width characters', () => {
    expect(normalizeUscc('  91310115ma1k3btp2b\u3000')).toBe('91310115MA1K3BTP2B');
    expect(isValidUscc('91310115ma1k3btp2b')).toBe(true);
    expect(isValidUscc('９１３１０１１５ＭＡ１Ｋ３ＢＴＰ２Ｂ')).toBe(true);
    expect(isValidUscc(' ９１３１０１１５ｍａ１ｋ３ｂｔｐ２ｂ ')).toBe(true);
  });

  it('rejects bad input to usccCheckDigit', () => {
    expect(() => usccCheckDigit('9131011')).toThrow(RangeError);
    expect(() => usccCheckDigit('91310115MA1K3BTPI')).toThrow(RangeError);
  });

  it('accepts generated codes and catches a changed character', () => {
    const pick = () => USCC_CHARSET.charAt(Math.floor(Math.random() * 31));
    const digit = () => String(Math.floor(Math.random() * 10));
    for (let n = 0; n < 2000; n++) {
      const body =
        pick() + pick() + Array.from({ length: 6 }, digit).join('') + Array.from({ length: 9 }, pick).join('');
      const code = body + usccCheckDigit(body);
      expect(isValidUscc(code), code).toBe(true);
      // Any single substitution changes the weighted sum mod 31, since weights are non-zero mod a prime.
      const i = Math.floor(Math.random() * 18);
      const old = code.charAt(i);
      let repl = old;
      while (repl === old) repl = i >= 2 && i <= 7 ? digit() : pick();
      expect(isValidUscc(code.slice(0, i) + repl + code.slice(i + 1)), `${code}@${i}`).toBe(false);
    }
  });
});
