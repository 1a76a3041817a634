import { foldFullWidth } from '@kaimen/shared';

/**
 * The one tokenizer behind enterprise search (DESIGN.md §5), used for the index and for queries on both databases.
 * Neither engine tokenizes: SQLite's FTS5 (`tokenize='ascii'`) and PostgreSQL's tsvector receive these tokens as they
 * are, so both answer the same question.
 *
 * Text is folded (full-width → half-width) and lower-cased, then cut into runs:
 *  - a run of Chinese characters (Han script) becomes its overlapping bigrams, plus its last character as a unigram
 *    ("生物医药" → 生物 物医 医药 药). The trailing unigram gives every character of the text a token that starts with
 *    it, so a one-character query (a prefix match) finds 药 in "医药" too. A lone character is just its unigram.
 *  - a run of other letters, digits and marks (Latin words, numbers, codes) is one whole token: `CDMO` → cdmo,
 *    `mRNA` → mrna, `91310115MA1K3BTP2B` → 91310115ma1k3btp2b, `H1N1` → h1n1, `COVID-19` → covid 19.
 *    A word of letters then digits (or digits then letters), both parts 2+ long, is indexed as its parts as well:
 *    `ISO13485` → iso13485 iso 13485, so 13485 finds it.
 *  - everything else (spaces, punctuation, 、，（）) separates runs and is dropped.
 *
 * A query matches a field when every one of its terms does (AND):
 *  - a Chinese run of 2+ characters contributes its bigrams, each matched exactly;
 *  - a single Chinese character is a prefix term (生* matches 生物, 生产 and the unigram 生);
 *  - a Latin word or number is a prefix term, so `CDM` finds CDMO and `9131` finds a USCC starting with it.
 * So a search is a substring search for Chinese terms (except that a 3+ character term's bigrams need not be adjacent:
 * 生物医 also finds "生物…药物医疗") and a word-start search for Latin words and numbers (`DMO` does not find CDMO).
 */

/** Tokens longer than this are dropped: nobody searches for them, and PostgreSQL refuses lexemes over 2 KB. */
export const MAX_TOKEN_LENGTH = 100;

export interface QueryTerm {
  token: string;
  /** Match every indexed token that starts with `token` (FTS5 `"x" *`, tsquery `'x':*`). */
  prefix: boolean;
}

/** Han script: the CJK unified ideographs and their extensions, compatibility ideographs, 々 〇 and Hangzhou numerals. */
function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    cp === 0x3005 ||
    cp === 0x3007 ||
    (cp >= 0x3021 && cp <= 0x3029) ||
    (cp >= 0x3038 && cp <= 0x303b)
  );
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LETTERS_DIGITS = /^([a-z]{2,})([0-9]{2,})$/;
const DIGITS_LETTERS = /^([0-9]{2,})([a-z]{2,})$/;
const LETTERS = /^[\p{L}\p{M}]+$/u;

const SEPARATOR = 1;
const HAN = 2;
const WORD = 3;

/** Kinds of the Basic Multilingual Plane's code points, filled in as met (0: not yet known). */
const BMP_KIND = new Uint8Array(0x10000);

function classify(cp: number): number {
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) ? WORD : SEPARATOR; // text is lower-cased
  }
  if (isHan(cp)) return HAN;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? WORD : SEPARATOR;
}

function kindOf(cp: number): number {
  if (cp >= 0x10000) return classify(cp);
  let k = BMP_KIND[cp]!;
  if (k === 0) BMP_KIND[cp] = k = classify(cp);
  return k;
}

interface Visitor {
  /** A word run: s.slice(start, end). */
  word(word: string): void;
  /** A Han run of n characters, the i-th being s.slice(at[i], at[i + 1]). */
  han(s: string, at: readonly number[], n: number): void;
}

/** Walks the runs of folded, lower-cased text: Han characters, and words (letters, digits, marks). */
function scan(s: string, visit: Visitor): void {
  const at: number[] = [];
  let n = 0;
  let wordStart = -1;
  let i = 0;
  while (i <= s.length) {
    let width = 1;
    let kind = SEPARATOR;
    if (i < s.length) {
      let cp = s.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
        const lo = s.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      kind = kindOf(cp);
    }
    if (kind !== WORD && wordStart >= 0) {
      visit.word(s.slice(wordStart, i));
      wordStart = -1;
    }
    if (kind !== HAN && n > 0) {
      at[n] = i;
      visit.han(s, at, n);
      n = 0;
    }
    if (kind === HAN) at[n++] = i;
    else if (kind === WORD && wordStart < 0) wordStart = i;
    i += width;
  }
}

function addWord(word: string, add: (t: string) => void) {
  add(word);
  const c = word.charCodeAt(0);
  const parts = c >= 0x61 ? LETTERS_DIGITS.exec(word) : c <= 0x39 ? DIGITS_LETTERS.exec(word) : null;
  if (parts) {
    add(parts[1]!);
    add(parts[2]!);
  }
}

const SURROGATE = /[\ud800-\udfff]/;

/** Tokens of a text for the index: distinct, in order of first occurrence. */
export function tokenizeForIndex(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  const strings = new Set<string>();
  const add = (t: string) => {
    if (t.length <= MAX_TOKEN_LENGTH && !strings.has(t)) {
      strings.add(t);
      out.push(t);
    }
  };
  const s = foldFullWidth(text).toLowerCase();
  if (SURROGATE.test(s)) {
    // Characters beyond the BMP (rare Han extensions): the general walk.
    scan(s, {
      word: (word) => addWord(word, add),
      han(str, at, n) {
        for (let k = 0; k + 1 < n; k++) add(str.slice(at[k], at[k + 2]));
        add(str.slice(at[n - 1], at[n]));
      },
    });
    return out;
  }
  // The hot path of a bulk index: Han bigrams keyed as numbers, a string made only for each new one.
  const seen = new Set<number>();
  let prev = 0;
  let wordStart = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0x20;
    const kind = kindOf(c);
    if (kind === WORD) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      addWord(s.slice(wordStart, i), add);
      wordStart = -1;
    }
    if (kind === HAN) {
      if (prev !== 0) {
        const key = (prev << 16) | c;
        if (!seen.has(key)) {
          seen.add(key);
          out.push(String.fromCharCode(prev, c));
        }
      }
      prev = c;
    } else if (prev !== 0) {
      if (!seen.has(prev)) {
        seen.add(prev);
        out.push(String.fromCharCode(prev));
      }
      prev = 0;
    }
  }
  return out;
}

/** A token of letters only (no digits, no Han): what a prefix index of words helps with. */
export function isLetterWord(token: string): boolean {
  return !isHan(token.codePointAt(0) ?? 0) && LETTERS.test(token);
}

/** The terms a query must all match; empty when the query has nothing searchable (blank, only punctuation). */
export function tokenizeQuery(q: string): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  const add = (token: string, prefix: boolean) => {
    if (token.length > MAX_TOKEN_LENGTH) return;
    const key = `${prefix ? '*' : '='}${token}`;
    if (!terms.has(key)) terms.set(key, { token, prefix });
  };
  scan(foldFullWidth(q).toLowerCase(), {
    word: (word) => add(word, true),
    han(s, at, n) {
      if (n === 1) add(s.slice(at[0], at[1]), true);
      else for (let k = 0; k + 1 < n; k++) add(s.slice(at[k], at[k + 2]), false);
    },
  });
  return [...terms.values()];
}
