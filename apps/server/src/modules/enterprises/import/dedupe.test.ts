import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InFileDuplicates, packUscc } from './dedupe.js';

const ALPHABET = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const code = fc.array(fc.constantFrom(...ALPHABET), { minLength: 18, maxLength: 18 }).map((cs) => cs.join(''));

describe('in-file duplicates', () => {
  it('pack two different codes to two different 9-unit keys', () => {
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(packUscc(a)).toHaveLength(9);
        expect(packUscc(a) === packUscc(b)).toBe(a === b);
      }),
      { numRuns: 2000 },
    );
    expect(packUscc('not a code')).toBe('not a code');
    expect(packUscc('91350100M000100Y4O')).toBe('91350100M000100Y4O'); // O is not in the alphabet
  });

  it('name the first row of a code seen again', () => {
    const seen = new InFileDuplicates();
    expect(seen.see('91310115MA1K3BTP2B', 4)).toBeUndefined();
    expect(seen.see('91110000600037341L', 5)).toBeUndefined();
    expect(seen.see('91310115MA1K3BTP2B', 13)).toBe(4);
    expect(seen.size).toBe(2);
  });
});
