import { cleanText, foldFullWidth, type Bilingual, type DictionaryEntry } from '@kaimen/shared';
import type { Cell } from '../../enterprises/import/read-rows.js';

/** Reasons of the property imports beside the shared schemas' (FIELD_ISSUE_MESSAGES). */
export const CELL_REASONS = {
  'number-invalid': { zh: '数字无法识别', en: 'Unreadable number' },
  'yes-no-invalid': { zh: '应填 是/否（有/无、Y/N、1/0）', en: 'Must be yes or no (是/否, Y/N, 1/0)' },
} as const satisfies Record<string, Bilingual>;

/** Cells offices write for "nothing" in an optional column. */
const NOTHING = new Set(['-', '--', '—', '——', '/', '无', '暂无', 'n/a', 'na']);

const key = (s: string) => cleanText(s).toLowerCase().replace(/\s+/g, '');

/**
 * A number from a cell: Excel numbers as they are; text with full-width digits, thousands separators and a unit the
 * column allows (`1,200㎡`, `３．５`, `45元`). undefined: blank (or `-`, `无`); 'invalid': not a number.
 */
export function readNumber(cell: Cell | undefined, unit: RegExp = /^$/): number | 'invalid' | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'invalid';
  if (cell instanceof Date) return 'invalid';
  const s = foldFullWidth(cell)
    .replace(/[\s,，]/g, '')
    .replace(/^[−–]/, '-');
  if (s === '' || NOTHING.has(s.toLowerCase())) return undefined;
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/.exec(s);
  if (!m || !unit.test(m[2]!.toLowerCase())) return 'invalid';
  return Number(m[1]);
}

const YES = new Set(['是', '有', '具备', '已取得', '已办理', '通过', 'y', 'yes', 'true', '1', '√', '✓', '✔']);
const NO = new Set(['否', '无', '没有', '不具备', '未取得', '未办理', 'n', 'no', 'false', '0', '×', '✗', '✘']);

/** A yes/no cell: 是/否, 有/无, Y/N, true/false, 1/0 (Excel's TRUE/FALSE too). undefined: blank. */
export function readYesNo(cell: Cell | undefined): boolean | 'invalid' | undefined {
  if (cell === null || cell === undefined) return undefined;
  const s = key(String(cell));
  if (s === '') return undefined;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return 'invalid';
}

/** A dictionary code from its code, Chinese or English label, or one of the `extra` names offices use. */
export function dictionaryCode<L extends readonly DictionaryEntry[]>(
  list: L,
  extra: Partial<Record<L[number]['code'], readonly string[]>> = {},
) {
  const byKey = new Map<string, L[number]['code']>();
  for (const e of list) {
    const code = e.code as L[number]['code'];
    for (const name of [e.code, e.zh, e.en, ...((extra[code] as readonly string[] | undefined) ?? [])])
      if (name && !byKey.has(key(name))) byKey.set(key(name), code);
  }
  return (text: string): L[number]['code'] | undefined => byKey.get(key(text));
}

/** Names compared as offices type them: full width folded, case and blanks ignored (`A栋` is `A 栋`). */
export const nameKey = key;
