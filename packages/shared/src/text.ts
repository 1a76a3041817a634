/** Full-width ASCII (U+FF01–U+FF5E) to half-width, ideographic space (U+3000) to a space. */
export function foldFullWidth(s: string): string {
  // Most text has nothing to fold: testing first saves the allocation (imports call this millions of times).
  if (!HAS_FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}
const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

/** Stars in place of everything but `keepStart` leading and `keepEnd` trailing characters. */
function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  // Hide at least 4 characters: a short value keeps only (part of) its tail.
  if (chars.length - keepStart - keepEnd < 4) {
    keepStart = 0;
    keepEnd = Math.max(0, Math.min(keepEnd, chars.length - 4));
  }
  const hidden = chars.length - keepStart - keepEnd;
  return chars.slice(0, keepStart).join('') + '*'.repeat(hidden) + chars.slice(chars.length - keepEnd).join('');
}

/** '13812341234' → '138****1234'; spaces and dashes are dropped first. */
export function maskPhone(phone: string): string {
  return maskMiddle(foldFullWidth(phone).replace(/[\s-]/g, ''), 3, 4);
}

/** Resident ID number: first 6 (area code) and last 4 kept, '110101********123X'. */
export function maskIdNumber(id: string): string {
  return maskMiddle(foldFullWidth(id).trim(), 6, 4);
}

/**
 * Masks any personal value for roles that may not see it: ID numbers, phone
 * numbers and e-mail addresses by their own rules, anything else (a name) down
 * to its first character. Empty values are returned as they are.
 */
export function maskPersonal<T extends string | null | undefined>(value: T): T {
  if (!value) return value;
  const s = foldFullWidth(value).trim();
  if (/^(?:\d{17}[\dX]|\d{15})$/i.test(s)) return maskIdNumber(s) as T;
  if (/^\+?[\d\s-]{7,}$/.test(s)) return maskPhone(s) as T;
  const at = s.lastIndexOf('@');
  if (at > 0) return `${[...s][0]}***${s.slice(at)}` as T;
  const chars = [...s];
  return (chars.length === 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1)) as T;
}
