import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { buildInMemory } from '../../../db/bulk-insert.js';
import type { Executor } from '../../../db/database.js';
import { chunks, readTenantBatch, toDocuments, type SearchDocument } from './documents.js';
import { countRows, fillDropsIndexes, type FillProgress, type Phase, type SearchEngine } from './engine.js';
import type { QueryTerm } from './tokenizer.js';

/**
 * PostgreSQL: `enterprise_search (tenant_id, enterprise_id, name, name_tsv, scope_tsv)` with a GIN index on each
 * tsvector and a b-tree on (tenant_id, name, enterprise_id). The tsvectors are tsvector literals of our tokens and the
 * queries tsquery literals, so PostgreSQL's own parser and dictionaries never touch the text: the lexemes are exactly
 * our tokens, whatever the server's locale. No positions are stored: a query is an AND of terms, as on SQLite.
 * Columns name and enterprise_id are collated "C", so results come in code-point order like SQLite's.
 *
 * A page of one phase is found one of two ways: walking the b-tree in name order and testing each row (a common term:
 * the first 20 hits come after a few dozen rows), or fetching every hit through the GIN index and sorting them (a rare
 * term). The planner would choose by its estimate of the hits, but it multiplies the shares of a word's bigrams as if
 * they were independent (生物医药 looks 100× rarer than it is) and takes a term missing from its statistics for a
 * common one (and walks the whole table to find nothing). So this module estimates from the same statistics
 * (pg_stats' most common lexemes) taking the rarest term's share, walks with a budget of rows when walking is cheaper,
 * and falls back to the GIN index when the budget runs out.
 */

/** A tsquery literal: `'生物' & '物医' & 'cdm':*`. Tokens hold only letters, digits and marks: nothing to escape. */
export function tsquery(terms: readonly QueryTerm[]): string {
  return terms.map((t) => `'${t.token}'${t.prefix ? ':*' : ''}`).join(' & ');
}

/** Enterprises per read and per write of a fill. */
const FILL_BATCH = 1000;

/**
 * Writes index rows: ids and names as arrays, the tokens as one text (a line per row, name and scope tokens apart by
 * a tab), which costs the client far less to send than arrays of long strings. Tokens hold only letters, digits and
 * marks, so each field is a valid tsvector literal as it is.
 */
function write(db: Executor, tenantId: string, docs: readonly SearchDocument[], fresh: boolean) {
  const ids = docs.map((d) => d.enterpriseId);
  const names = docs.map((d) => d.name);
  const tokens = docs.map((d) => `${d.nameTokens.join(' ')}\t${d.scopeTokens.join(' ')}`).join('\n');
  return sql`insert into enterprise_search (tenant_id, enterprise_id, name, name_tsv, scope_tsv)
    select ${tenantId}, u.e, u.n, split_part(t.line, E'\t', 1)::tsvector, split_part(t.line, E'\t', 2)::tsvector
    from unnest(${ids}::text[], ${names}::text[]) with ordinality as u(e, n, i)
      join unnest(string_to_array(${tokens}, E'\n')) with ordinality as t(line, i) using (i)
    ${
      fresh
        ? sql``
        : sql`on conflict (tenant_id, enterprise_id) do update
            set name = excluded.name, name_tsv = excluded.name_tsv, scope_tsv = excluded.scope_tsv`
    }`.execute(db);
}

async function index(db: Executor, tenantId: string, docs: readonly SearchDocument[]): Promise<void> {
  for (const part of chunks(docs, FILL_BATCH)) await write(db, tenantId, part, false);
}

async function remove(db: Executor, tenantId: string, enterpriseIds: readonly string[]): Promise<void> {
  for (const part of chunks([...new Set(enterpriseIds)])) {
    await db
      .deleteFrom('enterpriseSearch')
      .where('tenantId', '=', tenantId)
      .where('enterpriseId', 'in', part)
      .execute();
  }
}

/** Must run in a transaction: `set local` and the dropped indexes belong to it. */
async function fill(db: Executor, tenantIds: readonly string[] | null, progress: FillProgress): Promise<void> {
  // A bulk load just wrote these: without fresh statistics the planner reads them by bitmap and sort, 30× slower.
  await sql`analyze enterprises, enterprise_former_names`.execute(db);
  const tenants = tenantIds ?? (await db.selectFrom('tenants').select('id').orderBy('id').execute()).map((t) => t.id);
  const writing = await countRows(db, 'enterprises', tenantIds);
  const dropIndexes = await fillDropsIndexes(db, tenantIds, writing);

  let definitions: string[] = [];
  if (dropIndexes) {
    // Every index but the primary key's (the table is locked by the first drop anyway).
    const { rows } = await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes
      where schemaname = current_schema() and tablename = 'enterprise_search'
        and indexname not in (select conname from pg_constraint where conrelid = 'enterprise_search'::regclass)
      order by indexname`.execute(db);
    definitions = rows.map((r) => r.indexdef);
    for (const r of rows) await sql`drop index ${sql.id(r.indexname)}`.execute(db);
  }
  if (tenantIds === null) await sql`truncate enterprise_search`.execute(db);
  else
    for (const part of chunks(tenantIds))
      await db.deleteFrom('enterpriseSearch').where('tenantId', 'in', part).execute();

  progress.start(writing);
  // Pipelined: while PostgreSQL writes one batch, this process tokenizes the next.
  let writing$: Promise<unknown> | null = null;
  for (const tenantId of tenants) {
    let batch = await readTenantBatch(db, tenantId, null, FILL_BATCH);
    while (batch.rows.length > 0) {
      const docs = toDocuments(batch.rows, batch.former);
      if (writing$) await writing$;
      const next =
        batch.rows.length < FILL_BATCH
          ? { rows: [], former: new Map<string, string[]>() }
          : await readTenantBatch(db, tenantId, batch.rows[batch.rows.length - 1]!, FILL_BATCH);
      writing$ = write(db, tenantId, docs, true).then(() => progress.add(docs.length));
      // Awaited on the next turn or after the loop; until then a failure must not count as unhandled.
      writing$.catch(() => undefined);
      // Let the driver send it before the CPU-bound tokenizing of the next batch holds the event loop.
      await nextTurn();
      batch = next;
    }
  }
  if (writing$) await writing$;
  if (definitions.length) {
    await buildInMemory(db);
    for (const def of definitions) await sql.raw(def).execute(db);
  }
  await sql`analyze enterprise_search`.execute(db);
  forgetStats(db);
}

/** enterprise_id is collated "C" here, enterprises.id by the database default: compare in the latter (its index). */
const joinEnterprises = sql`join enterprises
  on enterprises.tenant_id = es.tenant_id and enterprises.id = es.enterprise_id collate "default"`;

function condition(phase: Phase | 'all', q: string): RawBuilder<SqlBool> {
  const query = sql`${q}::tsquery`;
  if (phase === 'name') return sql<SqlBool>`es.name_tsv @@ ${query}`;
  if (phase === 'scope') return sql<SqlBool>`es.scope_tsv @@ ${query} and not (es.name_tsv @@ ${query})`;
  return sql<SqlBool>`(es.name_tsv @@ ${query} or es.scope_tsv @@ ${query})`;
}

function from(tenantId: string, cond: RawBuilder<SqlBool>, extra: Expression<SqlBool> | null) {
  return sql`from enterprise_search es
    ${extra ? joinEnterprises : sql``}
    where es.tenant_id = ${tenantId} and ${cond} ${extra ? sql`and ${extra}` : sql``}`;
}

/** How a page is found: walk the name order testing rows, or fetch every hit by GIN and sort; `auto` estimates. */
export type PageStrategy = 'auto' | 'walk' | 'gather';

interface ColumnStats {
  /** Most common lexemes and the fraction of rows holding each. */
  freq: Map<string, number>;
  /** Every lexeme not listed is rarer than this. */
  below: number;
}

interface Stats {
  at: number;
  rows: number;
  columns: Map<string, ColumnStats>;
  /** Share of the rows of each tenant among the most common (the big ones); the others are small. */
  tenants: Map<string, number>;
}

/** ANALYZE's statistics of enterprise_search, per Kysely instance (transactions share their parent's adapter). */
const statsCache = new WeakMap<object, Stats>();
const STATS_TTL_MS = 5 * 60_000;

async function tableStats(db: Executor): Promise<Stats> {
  const key = db.getExecutor().adapter;
  const cached = statsCache.get(key);
  if (cached && Date.now() - cached.at < STATS_TTL_MS) return cached;
  const { rows } = await sql<{ col: string; elems: string[] | null; freqs: number[] | null; rows: number }>`
    select s.attname as col, s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs,
      greatest(c.reltuples, 0)::float8 as rows
    from pg_class c left join pg_stats s
      on s.schemaname = current_schema() and s.tablename = 'enterprise_search'
    where c.oid = 'enterprise_search'::regclass`.execute(db);
  const columns = new Map<string, ColumnStats>();
  for (const r of rows) {
    if (!r.col || !r.elems || !r.freqs) continue;
    // most_common_elem_freqs: one per element, then the least and greatest of them and the null frequency.
    const freq = new Map<string, number>();
    r.elems.forEach((e, i) => freq.set(e, Number(r.freqs![i])));
    columns.set(r.col, { freq, below: Number(r.freqs[r.elems.length] ?? 0) });
  }
  const { rows: big } = await sql<{ tenants: string[] | null; freqs: number[] | null }>`
    select most_common_vals::text::text[] as tenants, most_common_freqs as freqs from pg_stats
    where schemaname = current_schema() and tablename = 'enterprise_search' and attname = 'tenant_id'`.execute(db);
  const tenants = new Map<string, number>();
  big[0]?.tenants?.forEach((id, i) => tenants.set(id, Number(big[0]!.freqs?.[i] ?? 0)));
  const stats = { at: Date.now(), rows: Number(rows[0]?.rows ?? 0), columns, tenants };
  statsCache.set(key, stats);
  return stats;
}

/**
 * The share of rows a query's hits may reach: the rarest of its terms (the terms of one word come together, so the
 * smallest share is near the truth, where multiplying them, as the planner does, is far below it). Null: no statistics.
 */
function estimate(stats: Stats, column: string, terms: readonly QueryTerm[]): number | null {
  const c = stats.columns.get(column);
  if (!c) return null;
  let est = 1;
  for (const t of terms) {
    let f = t.prefix ? 0 : (c.freq.get(t.token) ?? 0);
    if (t.prefix) for (const [e, x] of c.freq) if (e.startsWith(t.token)) f = Math.max(f, x);
    // Not among the most common: rarer than the least of them, and (as PostgreSQL assumes) at most 0.5 %.
    est = Math.min(est, f || Math.min(c.below / 2, 0.005));
  }
  return est;
}

/** Walking a row costs about this many fetched-and-sorted hits. */
const WALK_COST = 2;

async function page(
  db: Executor,
  tenantId: string,
  phase: Phase,
  terms: readonly QueryTerm[],
  limit: number,
  offset: number,
  extra: Expression<SqlBool> | null,
  strategy: PageStrategy = 'auto',
): Promise<string[]> {
  if (limit <= 0) return [];
  const cond = condition(phase, tsquery(terms));
  let budget: number | null = null;
  if (strategy === 'walk') {
    budget = Infinity;
  } else if (strategy === 'auto') {
    // The planner, multiplying the shares of correlated bigrams, takes common words for rare ones (and sorts 30,000
    // hits), and a term it has no statistics for as common (and walks every row): so choose here.
    const stats = await tableStats(db);
    const share = estimate(stats, phase === 'name' ? 'name_tsv' : 'scope_tsv', terms);
    if (share !== null && share > 0) {
      const walk = (offset + limit) / share;
      if (walk * WALK_COST < share * stats.rows) budget = Math.ceil(walk * 4) + 100;
    }
  }
  if (budget !== null) {
    const window = Number.isFinite(budget) ? sql`limit ${budget}` : sql``;
    const { rows } = await sql<{ id: string }>`select es.enterprise_id as id
      from (select * from enterprise_search where tenant_id = ${tenantId} order by name, enterprise_id ${window}) es
      ${extra ? joinEnterprises : sql``}
      where ${cond} ${extra ? sql`and ${extra}` : sql``}
      order by es.name, es.enterprise_id limit ${limit} offset ${offset}`.execute(db);
    // A full page, or every row walked: that is the answer. Otherwise the hits were rarer than estimated.
    if (rows.length === limit || !Number.isFinite(budget)) return rows.map((r) => r.id);
  }
  const { rows } = await sql<{ id: string }>`with hits as materialized (
      select es.enterprise_id, es.name ${from(tenantId, cond, extra)})
    select enterprise_id as id from hits order by name, enterprise_id limit ${limit} offset ${offset}`.execute(db);
  return rows.map((r) => r.id);
}

/** Statistics change with ANALYZE: forget them. */
function forgetStats(db: Executor) {
  statsCache.delete(db.getExecutor().adapter);
}

async function count(
  db: Executor,
  tenantId: string,
  terms: readonly QueryTerm[],
  cap: number,
  extra: Expression<SqlBool> | null,
): Promise<number> {
  const q = tsquery(terms);
  // The GIN index reads every posting of every term, however many hits the cap needs. When the statistics say the cap
  // will be reached, testing rows as they come (ts_match_vq is @@, which no index serves) stops after cap + 1 hits.
  const stats = await tableStats(db);
  const share = Math.max(estimate(stats, 'name_tsv', terms) ?? 0, estimate(stats, 'scope_tsv', terms) ?? 0);
  // Even so, a capped count of a common term reads 30,000–200,000 rows (30–160 ms at 1M companies). One term (two
  // Chinese characters, one word) that the statistics put in four times the cap of this tenant's companies has more
  // hits than the cap, whatever a sample's error: say so without counting. Several terms only bound the hits from
  // above, and a filter narrows them: those are counted.
  const tenantRows = stats.rows * (stats.tenants.get(tenantId) ?? 0);
  if (terms.length === 1 && extra === null && share * tenantRows >= 4 * (cap + 1)) return cap + 1;
  const cond =
    share * stats.rows >= 4 * (cap + 1)
      ? sql<SqlBool>`(ts_match_vq(es.name_tsv, ${q}::tsquery) or ts_match_vq(es.scope_tsv, ${q}::tsquery))`
      : condition('all', q);
  const { rows } = await sql<{ n: number }>`select count(*) as n from (select 1
    ${from(tenantId, cond, extra)} limit ${cap + 1}) c`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export const postgresEngine: SearchEngine = { index, remove, fill, page, count };
