import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAmount } from './amount.js';

/** Plain decimals as sheets hold them: up to 15 integer digits, leading zeros allowed, up to 6 decimals. */
const plain = fc
  .tuple(fc.stringMatching(/^\d{1,15}$/), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }))
  .map(([whole, fraction]) => (fraction === undefined ? whole : `${whole}.${fraction}`));
const unit = fc.constantFrom(1, 1_000, 10_000, 100_000_000);

describe('checkAmount on plain decimals', () => {
  it('reads them as the general path does (a blank around the value takes that path)', () => {
    fc.assert(
      fc.property(plain, unit, (s, defaultUnit) => {
        expect(checkAmount(s, { defaultUnit })).toEqual(checkAmount(` ${s} `, { defaultUnit }));
      }),
    );
  });

  it('gives the whole yuan of the value in the column unit', () => {
    fc.assert(
      fc.property(plain, unit, (s, defaultUnit) => {
        const r = checkAmount(s, { defaultUnit });
        const exact = Math.round(Number(s) * defaultUnit);
        if (Number.isSafeInteger(exact)) expect(r).toEqual({ ok: true, value: exact === 0 ? 0 : exact });
        else expect(r).toEqual({ ok: false, reason: 'amount-range' });
      }),
    );
  });
});
