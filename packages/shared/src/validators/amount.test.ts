import { describe, it, expect } from 'vitest';
import { AmountError, checkAmount, parseAmount } from './amount.js';

describe('parseAmount', () => {
  it.each<[string | number, number]>([
    ['500万元', 5_000_000],
    ['500万', 5_000_000],
    ['1.2亿', 120_000_000],
    ['1.2亿元', 120_000_000],
    ['3,000,000', 3_000_000],
    ['3,000,000元', 3_000_000],
    ['３００万', 3_000_000],
    ['３，０００，０００', 3_000_000],
    ['300万人民币', 3_000_000],
    ['300万元人民币', 3_000_000],
    ['人民币300万元', 3_000_000],
    ['RMB 300万', 3_000_000],
    ['¥5000', 5000],
    ['￥5,000.00', 5000],
    ['5000元', 5000],
    ['5000', 5000],
    [' 5000 ', 5000],
    ['500w', 5_000_000],
    ['500W', 5_000_000],
    ['50千元', 50_000],
    ['2百万', 2_000_000],
    ['1.5千万元', 15_000_000],
    ['0.0001万元', 1],
    ['12.6', 13],
    ['-200万', -2_000_000],
    ['1.2E+07', 12_000_000],
    ['500（万元）', 5_000_000],
    [5000, 5000],
    [1234.56, 1235],
    [0, 0],
  ])('%s → %d', (input, expected) => {
    expect(parseAmount(input)).toBe(expected);
  });

  it.each(['', '  ', '-', '--', '—', '－', '/', '无', '暂无', 'N/A'])('%j is no value', (input) => {
    expect(parseAmount(input)).toBeNull();
    expect(checkAmount(input)).toEqual({ ok: true, value: null });
  });

  it('treats null and undefined as no value in checkAmount', () => {
    expect(checkAmount(null)).toEqual({ ok: true, value: null });
    expect(checkAmount(undefined)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['abc', 'amount-invalid'],
    ['五百万', 'amount-invalid'],
    ['500万股', 'amount-invalid'],
    ['1,2', 'amount-invalid'],
    ['12.5.3', 'amount-invalid'],
    ['500 万 元 整', 'amount-invalid'],
    ['万元', 'amount-invalid'],
    ['100万美元', 'amount-currency'],
    ['USD 1,000,000', 'amount-currency'],
    ['$500', 'amount-currency'],
    ['200万港币', 'amount-currency'],
    ['1e300', 'amount-range'],
  ] as const)('refuses %s (%s)', (input, reason) => {
    expect(checkAmount(input)).toEqual({ ok: false, reason });
    expect(() => parseAmount(input)).toThrow(AmountError);
    try {
      parseAmount(input);
    } catch (e) {
      expect((e as AmountError).reason).toBe(reason);
    }
  });

  it('refuses non-finite numbers', () => {
    expect(checkAmount(Number.NaN)).toEqual({ ok: false, reason: 'amount-invalid' });
    expect(checkAmount(Number.POSITIVE_INFINITY)).toEqual({ ok: false, reason: 'amount-invalid' });
  });

  it('applies a default unit to bare numbers only (a 万元 column)', () => {
    const wan = { defaultUnit: 10_000 };
    expect(parseAmount('500', wan)).toBe(5_000_000);
    expect(parseAmount(500, wan)).toBe(5_000_000);
    expect(parseAmount('1,200.5', wan)).toBe(12_005_000);
    expect(parseAmount('1.2亿', wan)).toBe(120_000_000);
    expect(parseAmount('5000元', wan)).toBe(5000);
    expect(parseAmount('-', wan)).toBeNull();
  });
});
