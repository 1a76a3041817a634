import { describe, it, expect } from 'vitest';
import { DateError, checkDate, excelSerialToDate, parseDate } from './date.js';

describe('parseDate', () => {
  it.each<[string | number | Date, string]>([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024 年 3 月 5 日', '2024-03-05'],
    ['2024年3月5号', '2024-03-05'],
    ['2024年03月05', '2024-03-05'],
    ['20240305', '2024-03-05'],
    [20240305, '2024-03-05'],
    ['２０２４／３／５', '2024-03-05'],
    ['2024-3-5 14:30', '2024-03-05'],
    ['2024/03/05 00:00:00', '2024-03-05'],
    ['2024-03-05T00:00:00.000Z', '2024-03-05'],
    [' 2024-03-05 ', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    [45356, '2024-03-05'],
    [45356.75, '2024-03-05'],
    ['45356', '2024-03-05'],
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
    [new Date('2024-03-05T23:59:59.999Z'), '2024-03-05'],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('handles the Excel 1900 leap-year bug', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeNull(); // 1900-02-29 never existed
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(25569)).toBe('1970-01-01');
    expect(excelSerialToDate(36526)).toBe('2000-01-01');
    expect(excelSerialToDate(2_958_465)).toBe(null); // 9999-12-31 is past MAX_YEAR
    expect(excelSerialToDate(0)).toBeNull();
    expect(excelSerialToDate(-1)).toBeNull();
  });

  it.each(['', ' ', '-', '—', '/', '无'])('%j is no value', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it.each<string | number | Date>([
    '2024-02-30',
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024年2月30日',
    '20240230',
    '20241301',
    '2024/3-5',
    '24/3/5',
    '3/5/2024',
    '2024-03',
    '2024',
    '2024年3月',
    'yesterday',
    '1700-01-01',
    60,
    0,
    Number.NaN,
    99_999_999,
    new Date('not a date'),
  ])('refuses %j', (input) => {
    expect(checkDate(input)).toEqual({ ok: false, reason: 'date-invalid' });
    expect(() => parseDate(input)).toThrow(DateError);
  });
});
