import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MOBILE_REGEX, isValidMobile, normalizeMobile } from './mobile.js';

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

/** Every prefix the DESIGN.md §6 pattern allows, with the number of digits that follow it. */
const PREFIXES: [string, number][] = [
  ...['17400', '17401', '17402', '17403', '17404', '17405'].map((p): [string, number] => [p, 6]),
  ...[...'0123456789'].flatMap((d): [string, number][] => [
    [`13${d}`, 8],
    [`18${d}`, 8],
  ]),
  ['145', 8],
  ['147', 8],
  ...[...'012356789'].flatMap((d): [string, number][] => [
    [`15${d}`, 8],
    [`19${d}`, 8],
  ]),
  ...['162', '165', '166', '167'].map((p): [string, number] => [p, 8]),
  ...[...'01235678'].map((d): [string, number] => [`17${d}`, 8]),
];

const validMobile = fc.constantFrom(...PREFIXES).chain(([prefix, rest]) => digits(rest).map((tail) => prefix + tail));

/** Spaces and dashes between digits, an optional country prefix, optional full-width digits. */
const formatted = fc
  .tuple(
    validMobile,
    fc.array(fc.constantFrom('', '', '', ' ', '-', ' - ', '\u3000', '－'), { minLength: 11, maxLength: 11 }),
    fc.constantFrom('', '+86', '+86 ', '+86-', '0086', '0086 ', '＋８６ '),
    fc.boolean(),
    fc.constantFrom('', ' ', '  '),
  )
  .map(([number, seps, country, fullWidth, pad]) => {
    const body = [...number]
      .map((d, i) => (fullWidth ? String.fromCharCode(d.charCodeAt(0) + 0xfee0) : d) + (i < 10 ? (seps[i] ?? '') : ''))
      .join('');
    return { number, text: pad + country + body + pad };
  });

describe('mobile number properties', () => {
  it('generated numbers match the pattern', () => {
    fc.assert(
      fc.property(validMobile, (n) => {
        expect(n).toMatch(MOBILE_REGEX);
        expect(isValidMobile(n)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('pass with random spaces, dashes, +86/0086 and full-width digits, and normalise back', () => {
    fc.assert(
      fc.property(formatted, ({ number, text }) => {
        expect(isValidMobile(text), JSON.stringify(text)).toBe(true);
        expect(normalizeMobile(text).trim()).toBe(number);
      }),
      { numRuns: 3000 },
    );
  });

  it('fail with a digit dropped or added', () => {
    fc.assert(
      fc.property(validMobile, fc.integer({ min: 0, max: 10 }), fc.constantFrom(...'0123456789'), (n, i, d) => {
        expect(isValidMobile(n.slice(0, i) + n.slice(i + 1))).toBe(false);
        expect(isValidMobile(n.slice(0, i) + d + n.slice(i))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('fail with a prefix outside the pattern', () => {
    const badPrefix = fc.constantFrom(
      '10',
      '11',
      '12',
      '140',
      '141',
      '142',
      '143',
      '144',
      '146',
      '148',
      '149',
      '154',
      '160',
      '161',
      '163',
      '164',
      '168',
      '169',
      '1741',
      '1749',
      '179',
      '194',
      '17406',
      '17409',
    );
    fc.assert(
      fc.property(badPrefix, digits(9), (prefix, tail) => {
        expect(isValidMobile((prefix + tail).slice(0, 11))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
