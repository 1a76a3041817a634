import type { Expression, SqlBool } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { SearchDocument } from './documents.js';
import type { QueryTerm } from './tokenizer.js';

/** Name hits (every term in name, former names or USCC), or scope hits that are not name hits. */
export type Phase = 'name' | 'scope';

export interface FillProgress {
  start(total: number): void;
  add(rows: number): void;
}

/** A fill writing at least this many rows may drop the search table's indexes (see fillDropsIndexes). */
const DROP_INDEXES_AT = 20_000;

/** Rows of a table, of these tenants or of all (null). */
export async function countRows(
  db: Executor,
  table: 'enterprises' | 'enterpriseSearch',
  tenantIds: readonly string[] | null,
): Promise<number> {
  let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (tenantIds) q = q.where('tenantId', 'in', tenantIds.length ? tenantIds : ['']);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/**
 * Whether a fill of these tenants (null: all, from scratch), writing `writing` rows, drops the search table's indexes
 * and builds them anew after, from the written rows: writing into them row by row (into GIN indexes, or at random
 * places of a b-tree) costs far more than one build, once a fill is large and writes a good part of the table.
 * Call it before the fill deletes the tenants' old rows.
 */
export async function fillDropsIndexes(
  db: Executor,
  tenantIds: readonly string[] | null,
  writing: number,
): Promise<boolean> {
  if (tenantIds === null) return true;
  if (writing < DROP_INDEXES_AT) return false;
  const keeping =
    (await countRows(db, 'enterpriseSearch', null)) - (await countRows(db, 'enterpriseSearch', tenantIds));
  return writing * 4 >= keeping;
}

/** What each database does; enterprise-search.ts holds everything they share. */
export interface SearchEngine {
  /** (Re)writes the index rows of these documents. */
  index(db: Executor, tenantId: string, docs: readonly SearchDocument[]): Promise<void>;
  remove(db: Executor, tenantId: string, enterpriseIds: readonly string[]): Promise<void>;
  /** Rebuilds the index of these tenants (null: of every tenant, from scratch). */
  fill(db: Executor, tenantIds: readonly string[] | null, progress: FillProgress): Promise<void>;
  /** Ids of one phase's hits in (name, id) order. */
  page(
    db: Executor,
    tenantId: string,
    phase: Phase,
    terms: readonly QueryTerm[],
    limit: number,
    offset: number,
    extra: Expression<SqlBool> | null,
    /** PostgreSQL only: how to find the page (tests and benchmarks force one). */
    strategy?: 'auto' | 'walk' | 'gather',
  ): Promise<string[]>;
  /** Hits of either phase, counted up to cap + 1. */
  count(
    db: Executor,
    tenantId: string,
    terms: readonly QueryTerm[],
    cap: number,
    extra: Expression<SqlBool> | null,
  ): Promise<number>;
}
