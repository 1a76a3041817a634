/** Money on the report's axes: 亿元 once the largest value reaches 1亿, 万元 below (what leaders read). */
export interface MoneyUnit {
  divisor: number;
  unit: 'yi' | 'wan';
}

export const moneyUnit = (maxYuan: number): MoneyUnit =>
  maxYuan >= 100_000_000 ? { divisor: 100_000_000, unit: 'yi' } : { divisor: 10_000, unit: 'wan' };

/** Yuan in the unit, two decimals at most: 390000000 → 3.9 (亿元), 5000000 → 500 (万元). */
export const inUnit = (yuan: number, u: MoneyUnit): number => Math.round((yuan / u.divisor) * 100) / 100;

/** A whole amount, read the Chinese way in either language: 3.9亿 / 500万 / 8,000. */
export function formatYuan(yuan: number): string {
  if (Math.abs(yuan) >= 100_000_000) return `${trim(yuan / 100_000_000)}亿`;
  if (Math.abs(yuan) >= 10_000) return `${trim(yuan / 10_000)}万`;
  return yuan.toLocaleString('zh-CN');
}
const trim = (n: number) => String(Math.round(n * 100) / 100);

/** 0.5714 → 57.1% */
export const formatRate = (rate: number): string => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

/** 25.5 → 25.5; null (no finished stint) → — */
export const formatDays = (days: number | null): string => (days === null ? '—' : String(days));
