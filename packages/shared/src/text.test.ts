import { describe, it, expect } from 'vitest';
import { foldFullWidth, maskIdNumber, maskPersonal, maskPhone } from './text.js';

describe('foldFullWidth', () => {
  it('folds full-width ASCII and the ideographic space', () => {
    expect(foldFullWidth('ＡＢＣ　ｘｙｚ０９！～')).toBe('ABC xyz09!~');
  });
  it('leaves other text alone', () => {
    expect(foldFullWidth('生物医药 CRO，（中文标点）。')).toBe('生物医药 CRO,(中文标点)。');
    expect(foldFullWidth('')).toBe('');
  });
});

describe('masking', () => {
  it('masks a mobile number as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138 1234-1234')).toBe('138****1234');
  });
  it('hides at least 4 characters of short numbers', () => {
    expect(maskPhone('88886666')).toBe('****6666');
    expect(maskPhone('12345')).toBe('****5');
    expect(maskPhone('110')).toBe('***');
  });
  it('keeps the first 6 and last 4 of an ID number', () => {
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X');
    expect(maskIdNumber('110101900307123')).toBe('110101*****7123');
  });
  it('masks any personal value by its kind', () => {
    expect(maskPersonal('11010119900307123X')).toBe('110101********123X');
    expect(maskPersonal('13812341234')).toBe('138****1234');
    expect(maskPersonal('0571-88886666')).toBe('057*****6666');
    expect(maskPersonal('zhang.san@example.cn')).toBe('z***@example.cn');
    expect(maskPersonal('张三')).toBe('张*');
    expect(maskPersonal('欧阳娜娜')).toBe('欧***');
    expect(maskPersonal('王')).toBe('*');
    expect(maskPersonal('')).toBe('');
    expect(maskPersonal(null)).toBeNull();
    expect(maskPersonal(undefined)).toBeUndefined();
  });
});
