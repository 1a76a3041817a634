import { z } from 'zod';

/** MLPS 2.0 level 3 / ASVS level 2: 8+ characters from 3 of 4 classes; long passphrases allowed. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

export type PasswordProblem = 'too-short' | 'too-long' | 'classes';
export interface PasswordCheck {
  ok: boolean;
  reasons: PasswordProblem[];
}

/** Upper case, lower case, digit, anything else (symbols, spaces, CJK …). */
export function passwordClasses(pw: string): number {
  let upper = false;
  let lower = false;
  let digit = false;
  let symbol = false;
  for (const ch of pw) {
    if (/\p{Lu}/u.test(ch)) upper = true;
    else if (/\p{Ll}/u.test(ch)) lower = true;
    else if (/\p{Nd}/u.test(ch)) digit = true;
    else symbol = true;
  }
  return Number(upper) + Number(lower) + Number(digit) + Number(symbol);
}

export function checkPassword(pw: string): PasswordCheck {
  // Length counts code points, so an emoji or a CJK character is one character.
  const length = [...pw].length;
  const reasons: PasswordProblem[] = [];
  if (length < PASSWORD_MIN_LENGTH) reasons.push('too-short');
  if (length > PASSWORD_MAX_LENGTH) reasons.push('too-long');
  if (passwordClasses(pw) < PASSWORD_MIN_CLASSES) reasons.push('classes');
  return { ok: reasons.length === 0, reasons };
}

/** Issues carry the error code 'password-policy' and the failed rules in `params.reasons`. */
export const ZPassword = z.string().superRefine((pw, ctx) => {
  const { ok, reasons } = checkPassword(pw);
  if (!ok) {
    ctx.addIssue({
      code: 'custom',
      message: `password-policy: ${reasons.join(', ')}`,
      params: { code: 'password-policy', reasons, min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
    });
  }
});
