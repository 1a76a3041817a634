import { describe, it, expect } from 'vitest';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ZPassword,
  checkPassword,
  passwordClasses,
} from './password-policy.js';

describe('password policy', () => {
  it('has the §6 limits', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });

  it.each([
    'Abcdefg1',
    'abcdefg1!',
    'ABCDEFG1!',
    'Abcdefg!',
    'correct horse battery 7',
    '开门招商Kaimen1',
    'Aa1!'.repeat(32),
  ])('accepts %s', (pw) => {
    expect(checkPassword(pw)).toEqual({ ok: true, reasons: [] });
  });

  it.each([
    ['Abc1!', ['too-short']],
    ['abcdefgh', ['classes']],
    ['abcdefg1', ['classes']],
    ['12345678', ['classes']],
    ['abc', ['too-short', 'classes']],
    ['Aa1!'.repeat(32) + 'x', ['too-long']],
    ['', ['too-short', 'classes']],
  ] as const)('rejects %s with %j', (pw, reasons) => {
    expect(checkPassword(pw)).toEqual({ ok: false, reasons });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkPassword('Aa1😀😀😀😀').reasons).toEqual(['too-short']);
    expect(passwordClasses('Aa1😀')).toBe(4);
  });

  it('validates through ZPassword', () => {
    expect(ZPassword.safeParse('Abcdefg1').success).toBe(true);
    const r = ZPassword.safeParse('abcdefgh');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      code: 'custom',
      params: { code: 'password-policy', reasons: ['classes'] },
    });
    expect(ZPassword.safeParse(12345678).success).toBe(false);
  });
});
