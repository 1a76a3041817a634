import { describe, expect, it } from 'vitest';
import { formatDays, formatRate, formatYuan, inUnit, moneyUnit } from './report-format';

describe('report formatting', () => {
  it('puts money in 亿元 from 1亿 up and in 万元 below', () => {
    const big = moneyUnit(390_000_000);
    expect(big.unit).toBe('yi');
    expect(inUnit(390_000_000, big)).toBe(3.9);
    expect(inUnit(12_345_678, big)).toBe(0.12);
    const small = moneyUnit(99_999_999);
    expect(small.unit).toBe('wan');
    expect(inUnit(5_000_000, small)).toBe(500);
  });

  it('reads amounts, rates and days as a report shows them', () => {
    expect([formatYuan(390_000_000), formatYuan(5_000_000), formatYuan(8_000), formatYuan(0)]).toEqual([
      '3.9亿',
      '500万',
      '8,000',
      '0',
    ]);
    expect([formatRate(0.5714), formatRate(1), formatRate(0)]).toEqual(['57.1%', '100.0%', '0.0%']);
    expect([formatDays(25.5), formatDays(null)]).toEqual(['25.5', '—']);
  });
});
