import { buildDocument, type EnterpriseText, type SearchDocument } from './documents.js';
import { isLetterWord } from './tokenizer.js';

/**
 * What SQLite's FTS5 table receives for a company (see search-sqlite.ts): its tokens as space-separated text
 * (tokenize='ascii' keeps them as they are), the scope's with a mark, each letter word with its marked prefixes. Pure,
 * so that a large fill can run it in a worker thread (fill-worker.ts).
 */

export const SCOPE = '\u00b7';
export const PREFIX = '\u207a';
/** Prefixes of letter words are indexed up to this length; a longer prefix term uses FTS5's own prefix query. */
export const MAX_INDEXED_PREFIX = 15;

/** The FTS5 text of one field: its tokens, and the marked prefixes of its letter words. */
export function ftsText(tokens: readonly string[], mark: string): string {
  if (tokens.length === 0) return '';
  let text = mark + tokens.join(` ${mark}`);
  for (const t of tokens) {
    // Most tokens are Han bigrams: skip the common ones without a regular expression.
    const c = t.charCodeAt(0);
    if ((c >= 0x4e00 && c <= 0x9fff) || !isLetterWord(t)) continue;
    const n = Math.min(t.length, MAX_INDEXED_PREFIX + 1);
    for (let k = 1; k < n; k++) text += ` ${mark}${t.slice(0, k)}${PREFIX}`;
  }
  return text;
}

/** A document's two FTS5 columns: name (with former names and USCC) and the marked scope. */
export function ftsColumns(doc: SearchDocument): [name: string, scope: string] {
  return [ftsText(doc.nameTokens, ''), ftsText(doc.scopeTokens, SCOPE)];
}

/** A company as a fill reads it: its searchable text and its former names. */
export interface FillText extends EnterpriseText {
  formerNames: string[];
}

/** The two FTS5 columns (name, scope) of each company, flat: [name₀, scope₀, name₁, scope₁, …]. */
export function ftsTextsOf(rows: readonly FillText[]): string[] {
  const out: string[] = [];
  for (const r of rows) out.push(...ftsColumns(buildDocument(r, r.formerNames)));
  return out;
}
