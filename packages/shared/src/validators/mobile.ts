import { foldFullWidth } from '../text.js';

/** Mainland China mobile numbers (DESIGN.md §6), after normalizeMobile. */
export const MOBILE_REGEX = /^(?:1740[0-5]\d{6}|1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8})$/;

/** Drops spaces and dashes and a +86 / 0086 country prefix. */
export function normalizeMobile(s: string): string {
  return foldFullWidth(s)
    .replace(/[\s-]/g, '')
    .replace(/^(?:\+|00)86/, '');
}

export function isValidMobile(s: string): boolean {
  return MOBILE_REGEX.test(normalizeMobile(s));
}
