import { expressionBuilder, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Dialect, Executor } from '../../../db/database.js';
import type { DB } from '../../../db/schema/index.js';
import { loadDocuments } from './documents.js';
import type { SearchEngine } from './engine.js';
import { postgresEngine, type PageStrategy } from './search-postgres.js';
import { sqliteEngine } from './search-sqlite.js';
import { tokenizeQuery } from './tokenizer.js';

/**
 * Enterprise search (DESIGN.md §5): one box finds companies by any part of their name, former names, USCC or business
 * scope, with the same ids in the same order on SQLite and PostgreSQL.
 *
 * The index lives apart from `enterprises` (tables enterprise_search*, see the 0003 migration) and is derived from it:
 *  - a write to an enterprise (name, USCC, business scope, former names) calls indexEnterprises in its transaction;
 *    a delete calls removeFromIndex;
 *  - a bulk load writes its rows first and then calls fillSearchIndex (in its transaction) or rebuildSearchIndex:
 *    keeping a text index up to date row by row runs at a few thousand rows a second on either database;
 *  - after a restore, or a change to the tokenizer, rebuildSearchIndex builds it all again.
 *
 * Matching is tokenizer.ts's (AND of CJK bigrams, prefix Latin words and numbers); ranking is: name hits (every term
 * in the name, a former name or the USCC) before scope-only hits, each in (name, id) code-point order. No engine
 * scores, so both databases agree.
 */

/** Past this, totals say "10,000+": an exact count of a very common term costs ~100× the page. */
export const SEARCH_COUNT_CAP = 10_000;

export type ExtraWhere = (eb: ExpressionBuilder<DB, 'enterprises'>) => Expression<SqlBool>;

export interface SearchOptions {
  tenantId: string;
  /** What the user typed; full-width and upper-case letters are folded. */
  q: string;
  limit: number;
  offset?: number;
  /**
   * A further condition on the enterprise (list filters, policy scope). The query joins `enterprises` under its own
   * name: qualify columns as `enterprises.park`, as others may be joined beside it.
   */
  extraWhere?: ExtraWhere;
  /**
   * Count the hits (true unless told). A count costs far more than a page for a common term on PostgreSQL, where the
   * GIN index reads every posting of the term: an endpoint serving pages should count only when the total is shown.
   */
  count?: boolean;
  /** Count hits up to this many (SEARCH_COUNT_CAP unless told). */
  countCap?: number;
  /** PostgreSQL only, for tests and benchmarks: force how a page is found (see search-postgres.ts). */
  strategy?: PageStrategy;
}

export interface SearchResult {
  /** One page of enterprise ids: name hits first, then scope hits; each by name, then id. */
  ids: string[];
  /** Hits in all, exact up to the cap; null when not counted (`count: false`). */
  total: number | null;
  /** There are more than `total` hits: show "10,000+". */
  totalCapped: boolean;
}

export type SearchProgress = (done: number, total: number) => void;

const engineOf = (dialect: Dialect): SearchEngine => (dialect === 'sqlite' ? sqliteEngine : postgresEngine);

/**
 * (Re)writes the index rows of these enterprises from their current name, USCC, business scope and former names; ids
 * of enterprises that no longer exist leave the index. Call it in the transaction that wrote them. It costs 1–2.5 ms
 * per enterprise (measured at 1M rows): for more than a few thousand at once, fillSearchIndex the tenant instead.
 */
export async function indexEnterprises(
  db: Executor,
  dialect: Dialect,
  tenantId: string,
  enterpriseIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(enterpriseIds)];
  if (ids.length === 0) return;
  const docs = await loadDocuments(db, tenantId, ids);
  const found = new Set(docs.map((d) => d.enterpriseId));
  const gone = ids.filter((id) => !found.has(id));
  const engine = engineOf(dialect);
  if (gone.length) await engine.remove(db, tenantId, gone);
  await engine.index(db, tenantId, docs);
}

/** Takes these enterprises out of the index. Call it in the transaction that deletes them. */
export async function removeFromIndex(
  db: Executor,
  dialect: Dialect,
  tenantId: string,
  enterpriseIds: readonly string[],
): Promise<void> {
  if (enterpriseIds.length === 0) return;
  await engineOf(dialect).remove(db, tenantId, enterpriseIds);
}

/**
 * Builds the index anew from the enterprises of one tenant (or of all, from scratch), in bulk: on PostgreSQL a large
 * fill drops the GIN indexes, writes the rows and re-creates them; on SQLite the rows go in in (name, id) order and
 * the FTS5 index is optimized after. `db` must be a transaction (bulk loads pass theirs; see rebuildSearchIndex).
 */
export async function fillSearchIndex(
  db: Executor,
  dialect: Dialect,
  tenantId?: string,
  onProgress?: SearchProgress,
): Promise<{ rows: number }> {
  let total = 0;
  let done = 0;
  await engineOf(dialect).fill(db, tenantId === undefined ? null : [tenantId], {
    start: (n) => {
      total = n;
      onProgress?.(0, n);
    },
    add: (n) => {
      done += n;
      onProgress?.(done, total);
    },
  });
  return { rows: done };
}

/** fillSearchIndex in a transaction of its own: searches see the old index until it commits. */
export function rebuildSearchIndex(
  database: Database,
  tenantId?: string,
  onProgress?: SearchProgress,
): Promise<{ rows: number }> {
  return database.transaction((trx) => fillSearchIndex(trx, database.dialect, tenantId, onProgress));
}

/** One page of hits for `q` among a tenant's enterprises, and how many there are (up to the cap). */
export async function searchEnterprises(db: Executor, dialect: Dialect, o: SearchOptions): Promise<SearchResult> {
  const terms = tokenizeQuery(o.q);
  if (terms.length === 0) return { ids: [], total: o.count === false ? null : 0, totalCapped: false };
  const engine = engineOf(dialect);
  const limit = Math.max(0, Math.floor(o.limit));
  const offset = Math.max(0, Math.floor(o.offset ?? 0));
  const cap = Math.max(0, Math.floor(o.countCap ?? SEARCH_COUNT_CAP));
  const extra = o.extraWhere ? o.extraWhere(expressionBuilder<DB, 'enterprises'>()) : null;

  // Name hits up to the end of the page; then, if they run out, the scope-only hits that fill it.
  const end = offset + limit;
  const nameIds = await engine.page(db, o.tenantId, 'name', terms, end, 0, extra, o.strategy);
  const ids = nameIds.slice(offset);
  if (nameIds.length < end) {
    const from = Math.max(0, offset - nameIds.length);
    ids.push(
      ...(await engine.page(db, o.tenantId, 'scope', terms, end - nameIds.length - from, from, extra, o.strategy)),
    );
  }
  if (o.count === false) return { ids, total: null, totalCapped: false };
  const n = await engine.count(db, o.tenantId, terms, cap, extra);
  return { ids, total: Math.min(n, cap), totalCapped: n > cap };
}
