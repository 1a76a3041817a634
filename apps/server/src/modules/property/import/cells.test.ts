import { UNIT_TYPES } from '@kaimen/shared';
import { describe, expect, it } from 'vitest';
import { dictionaryCode, readNumber, readYesNo } from './cells.js';
import { floorNumber } from './unit-rows.js';

describe('property import cells', () => {
  it('reads numbers with full-width digits, separators and the units a column allows', () => {
    const area = /^(㎡|m2)?$/;
    expect(readNumber(120.5)).toBe(120.5);
    expect(readNumber('１２０．５', area)).toBe(120.5);
    expect(readNumber('1,200㎡', area)).toBe(1200);
    expect(readNumber('－5')).toBe(-5);
    expect(readNumber('-')).toBeUndefined();
    expect(readNumber('无')).toBeUndefined();
    expect(readNumber('12 亩', area)).toBe('invalid');
    expect(readNumber('abc')).toBe('invalid');
  });

  it('reads yes/no cells in the ways offices write them', () => {
    for (const yes of ['是', '有', 'Y', 'yes', 'TRUE', '1', '√']) expect(readYesNo(yes), yes).toBe(true);
    for (const no of ['否', '无', 'n', 'False', '0', '×']) expect(readYesNo(no), no).toBe(false);
    expect(readYesNo(1)).toBe(true);
    expect(readYesNo('也许')).toBe('invalid');
    expect(readYesNo(null)).toBeUndefined();
  });

  it('finds a code by code, label or an extra name, ignoring case, width and blanks', () => {
    const type = dictionaryCode(UNIT_TYPES, { lab: ['实验室'] });
    expect(['lab', '研发实验室', 'R&D LAB', 'r&d lab', '实验室'].map(type)).toEqual([
      'lab',
      'lab',
      'lab',
      'lab',
      'lab',
    ]);
    expect(type('GMP 厂房')).toBe('gmp');
    expect(type('宿舍')).toBeUndefined();
  });

  it('reads floors above and below ground', () => {
    expect(['3', '３F', 'F3', '3层', '3楼', 'B1', '-2', '地下1层'].map(floorNumber)).toEqual([
      3, 3, 3, 3, 3, -1, -2, -1,
    ]);
    expect(floorNumber('三楼')).toBeUndefined();
    expect(floorNumber('999')).toBeUndefined();
  });
});
