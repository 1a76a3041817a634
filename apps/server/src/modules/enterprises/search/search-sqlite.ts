import { setImmediate as nextTurn } from 'node:timers/promises';
import { CompiledQuery, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { dropSqliteIndexes } from '../../../db/bulk-insert.js';
import type { Executor } from '../../../db/database.js';
import { chunks, loadDocuments, type SearchDocument } from './documents.js';
import { ftsTextsFor, type FtsTexts } from './fill-texts.js';
import { ftsColumns, MAX_INDEXED_PREFIX, PREFIX, SCOPE, type FillText } from './fts-text.js';
import { fillDropsIndexes, type FillProgress, type Phase, type SearchEngine } from './engine.js';
import { isLetterWord, type QueryTerm } from './tokenizer.js';

/**
 * SQLite: a contentless FTS5 table `enterprise_search_fts` (tokenize='ascii', so the tokens written, space-separated,
 * are exactly the index's terms; detail=none: rowids only) and `enterprise_search`, which maps each FTS5 rowid
 * (doc_id) to its enterprise.
 *
 * Terms. Name tokens go in as they are, business-scope tokens with a leading SCOPE mark ("·生物"), so that "name hits"
 * read only the name's postings (an FTS5 column filter would read the postings of both fields and drop half). FTS5
 * answers a prefix query (`"cdm" *`) by merging the postings of every matching term into memory before returning a
 * row, which for a common word costs as much as the whole list; so each word of letters also goes in with its
 * prefixes, marked ("c⁺", "cd⁺", "cdm⁺"), and a prefix term of letters becomes `("cdm" OR "cdm⁺")`, two plain terms.
 * A one-character Chinese term and a prefix of a number or code stay FTS5 prefix queries: the first is broad by
 * nature, the second matches few, short lists.
 *
 * Doc ids carry the result order. Each tenant owns a block of 2^38 ids, and inside it the doc ids ascend with
 * (name, enterprise_id). A first page is then FTS5 reading postings in rowid order inside the tenant's block and
 * stopping after 20 hits: no sort of every match, however common the term, and another tenant's rows are never read.
 * A rebuild spaces the ids evenly; a row written later takes an id between its neighbours, and when two neighbours
 * have no id left between them the rows around are spread out again (`respace`).
 */

/** Ids per tenant; block·2^38 stays below 2^53 for blocks up to 2^15 − 1, so ids are exact JavaScript numbers. */
export const BLOCK = 2 ** 38;
const MAX_BLOCK = 2 ** 15 - 1;
/**
 * Gap left between neighbours by a rebuild or an append: 10 halvings before a respace. Wider gaps cost index size
 * (postings store rowid deltas as varints).
 */
const MAX_STRIDE = 2 ** 10;
/** A respace looks at ever wider windows until their rows can be at least this far apart. */
const MIN_SPACING = 2 ** 8;

const blockRange = (block: number) => ({ lo: block * BLOCK, hi: block * BLOCK + BLOCK - 1 });

async function blockOf(db: Executor, tenantId: string, create: boolean): Promise<number | null> {
  const row = await db
    .selectFrom('enterpriseSearchTenants')
    .select('block')
    .where('tenantId', '=', tenantId)
    .executeTakeFirst();
  if (row) return Number(row.block);
  if (!create) return null;
  const max = await db
    .selectFrom('enterpriseSearchTenants')
    .select((eb) => eb.fn.max('block').as('m'))
    .executeTakeFirst();
  const block = Number(max?.m ?? 0) + 1;
  if (block > MAX_BLOCK) throw new Error(`the SQLite search index holds at most ${MAX_BLOCK} tenants`);
  await db.insertInto('enterpriseSearchTenants').values({ tenantId, block }).execute();
  return block;
}

/** Rows per multi-row insert: few enough for SQLite to compile the statement fast. */
const INSERT_ROWS = 200;

/**
 * A multi-row insert, compiled by hand: Kysely's compiler and plugins would take longer over a statement of a few
 * hundred rows than SQLite takes to run it.
 */
function insertValues(db: Executor, head: string, width: number, rows: readonly unknown[][]) {
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const text = `${head} values ${Array.from({ length: rows.length }, () => tuple).join(', ')}`;
  return db.executeQuery(CompiledQuery.raw(text, rows.flat()));
}

async function insertRows(db: Executor, tenantId: string, rows: { docId: number; doc: SearchDocument }[]) {
  for (const part of chunks(rows, INSERT_ROWS)) {
    await insertValues(
      db,
      'insert into enterprise_search (doc_id, tenant_id, enterprise_id, name)',
      4,
      part.map(({ docId, doc }) => [docId, tenantId, doc.enterpriseId, doc.name]),
    );
    await insertFts(db, part);
  }
}

async function insertFts(db: Executor, rows: { docId: number; doc: SearchDocument }[]) {
  for (const part of chunks(rows, INSERT_ROWS)) {
    await insertValues(
      db,
      'insert into enterprise_search_fts (rowid, name, scope)',
      3,
      part.map(({ docId, doc }) => [docId, ...ftsColumns(doc)]),
    );
  }
}

async function deleteFts(db: Executor, docIds: readonly number[]) {
  for (const part of chunks(docIds)) {
    await sql`delete from enterprise_search_fts where rowid in (${sql.join(part)})`.execute(db);
  }
}

interface Neighbour {
  docId: number;
  enterpriseId: string;
  name: string;
}

/** The `n` indexed rows nearest to (name, id) on one side, nearest first. */
function neighbours(db: Executor, tenantId: string, name: string, id: string, side: '<' | '>', n: number) {
  const dir = side === '<' ? 'desc' : 'asc';
  return db
    .selectFrom('enterpriseSearch')
    .select(['docId', 'enterpriseId', 'name'])
    .where('tenantId', '=', tenantId)
    .where((eb) => eb(eb.refTuple('name', 'enterpriseId'), side, eb.tuple(name, id)))
    .orderBy('name', dir)
    .orderBy('enterpriseId', dir)
    .limit(n)
    .execute() as Promise<Neighbour[]>;
}

/** A free doc id between the neighbours of (name, id), spreading the rows around out when there is none. */
async function allocate(db: Executor, tenantId: string, block: number, name: string, id: string): Promise<number> {
  const { lo, hi } = blockRange(block);
  const [pred] = await neighbours(db, tenantId, name, id, '<', 1);
  const [succ] = await neighbours(db, tenantId, name, id, '>', 1);
  // Exclusive bounds: ids strictly between p and s are free. lo itself is never handed out.
  const p = pred ? Number(pred.docId) : lo;
  const s = succ ? Number(succ.docId) : hi + 1;
  let candidate: number;
  if (!pred && !succ) candidate = lo + BLOCK / 2;
  else if (!succ) candidate = p + MAX_STRIDE < s ? p + MAX_STRIDE : p + Math.floor((s - p) / 2);
  else if (!pred) candidate = s - MAX_STRIDE > p ? s - MAX_STRIDE : p + Math.floor((s - p) / 2);
  else candidate = p + Math.floor((s - p) / 2);
  if (candidate > p && candidate < s) return candidate;
  return respace(db, tenantId, block, name, id);
}

/**
 * Spreads out the rows around (name, id), which has no free id between its neighbours, over a window wide enough for
 * them to be MIN_SPACING apart, and returns the id for (name, id). The moved rows' FTS5 postings are written anew from
 * the enterprises (a contentless table cannot move a row), keeping each row's indexed name, hence its place.
 */
async function respace(db: Executor, tenantId: string, block: number, name: string, id: string): Promise<number> {
  const { lo, hi } = blockRange(block);
  for (let w = 16; ; w *= 2) {
    const before = await neighbours(db, tenantId, name, id, '<', w + 1);
    const after = await neighbours(db, tenantId, name, id, '>', w + 1);
    const whole = before.length <= w && after.length <= w;
    const left = before.length > w ? Number(before[w]!.docId) : lo;
    const right = after.length > w ? Number(after[w]!.docId) : hi + 1;
    const moved: (Neighbour | null)[] = [...before.slice(0, w).reverse(), null, ...after.slice(0, w)];
    const spacing = Math.floor((right - left) / (moved.length + 1));
    if (spacing < MIN_SPACING && !(whole && spacing >= 1)) {
      if (whole) throw new Error(`the SQLite search index block of tenant ${tenantId} is full`);
      continue;
    }
    const rows = moved.filter((r): r is Neighbour => r !== null);
    await deleteFts(
      db,
      rows.map((r) => Number(r.docId)),
    );
    for (const part of chunks(rows)) {
      await db
        .deleteFrom('enterpriseSearch')
        .where(
          'docId',
          'in',
          part.map((r) => Number(r.docId)),
        )
        .execute();
    }
    const docs = new Map(
      (
        await loadDocuments(
          db,
          tenantId,
          rows.map((r) => r.enterpriseId),
        )
      ).map((d) => [d.enterpriseId, d]),
    );
    const rewritten: { docId: number; doc: SearchDocument }[] = [];
    let mine = 0;
    moved.forEach((r, k) => {
      const docId = left + spacing * (k + 1);
      if (r === null) mine = docId;
      const doc = r && docs.get(r.enterpriseId);
      // An enterprise deleted without removeFromIndex just drops out; the others keep their indexed name (place).
      if (doc) rewritten.push({ docId, doc: { ...doc, name: r.name } });
    });
    await insertRows(db, tenantId, rewritten);
    return mine;
  }
}

async function index(db: Executor, tenantId: string, docs: readonly SearchDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const block = (await blockOf(db, tenantId, true))!;
  for (const doc of docs) {
    const current = await db
      .selectFrom('enterpriseSearch')
      .select(['docId', 'name'])
      .where('tenantId', '=', tenantId)
      .where('enterpriseId', '=', doc.enterpriseId)
      .executeTakeFirst();
    if (current && current.name === doc.name) {
      await deleteFts(db, [Number(current.docId)]);
      await insertFts(db, [{ docId: Number(current.docId), doc }]);
      continue;
    }
    if (current) {
      await deleteFts(db, [Number(current.docId)]);
      await db.deleteFrom('enterpriseSearch').where('docId', '=', Number(current.docId)).execute();
    }
    const docId = await allocate(db, tenantId, block, doc.name, doc.enterpriseId);
    await insertRows(db, tenantId, [{ docId, doc }]);
  }
}

async function remove(db: Executor, tenantId: string, enterpriseIds: readonly string[]): Promise<void> {
  for (const part of chunks([...new Set(enterpriseIds)])) {
    const rows = await db
      .selectFrom('enterpriseSearch')
      .select('docId')
      .where('tenantId', '=', tenantId)
      .where('enterpriseId', 'in', part)
      .execute();
    if (rows.length === 0) continue;
    const docIds = rows.map((r) => Number(r.docId));
    await deleteFts(db, docIds);
    await db.deleteFrom('enterpriseSearch').where('docId', 'in', docIds).execute();
  }
}

/** Companies read per statement by a fill. */
const FILL_READ_ROWS = 2_000;

/** The columns a fill reads of a company, its former names by a subquery on their primary key. */
const FILL_COLUMNS = `id, name, uscc, business_scope as "businessScope",
  (select group_concat(f.name, char(10)) from enterprise_former_names f
    where f.tenant_id = e.tenant_id and f.enterprise_id = e.id) as former`;

/**
 * A tenant owning at least this share of the table is read for a fill from a sorted copy: a scan of the whole table
 * in storage order and a sort cost less than reading the tenant's rows through the name index, one random page each
 * (measured at 1M rows, in the import's transaction: 13.5 s through the index, 3.5 s by the copy).
 */
export const SORTED_COPY_SHARE = 1 / 8;

/** Page cache (KiB) while the sorted copy is made: bounds the sorter's memory (see nameOrderReader). */
const SORT_CACHE_KIB = 16_384;

type FillRow = Omit<FillText, 'formerNames'> & { former: string | null };
const toFillText = ({ former, ...r }: FillRow): FillText => ({
  ...r,
  formerNames: former === null ? [] : former.split('\n'),
});

/** Reads a tenant's companies in (name, id) order, FILL_READ_ROWS at a time, until it returns none. */
export interface NameOrderReader {
  next(): Promise<FillText[]>;
  close(): Promise<void>;
}

/**
 * The companies of a tenant in (name, id) order for a fill. `sorted`: from a temporary table the tenant's rows are
 * copied into in that order by one statement (SQLite's sorter, which `threads` lets use worker threads); otherwise
 * through the name index, one statement per batch — the cheaper of the two for a tenant that owns little of the table.
 */
export async function nameOrderReader(db: Executor, tenantId: string, sorted: boolean): Promise<NameOrderReader> {
  if (!sorted) {
    let after: FillText | null = null;
    let done = false;
    return {
      async next() {
        if (done) return [];
        const { rows } = await db.executeQuery<FillRow>(
          CompiledQuery.raw(
            `select ${FILL_COLUMNS} from enterprises e
             where tenant_id = ? ${after ? 'and (name, id) > (?, ?)' : ''}
             order by name, id limit ${FILL_READ_ROWS}`,
            after ? [tenantId, after.name, after.id] : [tenantId],
          ),
        );
        const batch = rows.map(toFillText);
        after = batch.at(-1) ?? null;
        done = batch.length < FILL_READ_ROWS;
        return batch;
      },
      close: async () => {},
    };
  }
  await sql`drop table if exists temp.fill_order`.execute(db);
  // SQLite's sorter holds up to a page cache's worth of rows in memory for each of its threads: with the 64 MB cache
  // of long work, a million wide rows added 200 MB to the import's peak. A small cache for this one statement.
  const { rows: cache } = await db.executeQuery<{ cache_size: number }>(CompiledQuery.raw('pragma cache_size'));
  await db.executeQuery(CompiledQuery.raw(`pragma cache_size = -${SORT_CACHE_KIB}`));
  try {
    await db.executeQuery(
      CompiledQuery.raw(
        `create temp table fill_order as
         select ${FILL_COLUMNS} from enterprises e not indexed where tenant_id = ? order by name, id`,
        [tenantId],
      ),
    );
  } finally {
    await db.executeQuery(CompiledQuery.raw(`pragma cache_size = ${Number(cache[0]!.cache_size)}`));
  }
  // Rows in the order inserted, rowids from 1.
  let position = 0;
  return {
    async next() {
      const { rows } = await db.executeQuery<FillRow>(
        CompiledQuery.raw(
          `select id, name, uscc, "businessScope", former from temp.fill_order
           where rowid > ? order by rowid limit ${FILL_READ_ROWS}`,
          [position],
        ),
      );
      position += rows.length;
      return rows.map(toFillText);
    },
    close: async () => void (await sql`drop table if exists temp.fill_order`.execute(db)),
  };
}

/** Whether a fill of a tenant with `n` companies reads them from a sorted copy (see SORTED_COPY_SHARE). */
async function readsSortedCopy(db: Executor, n: number): Promise<boolean> {
  // The largest rowid bounds the table's rows from above (deleted rows leave gaps) and costs one page.
  const { rows } = await db.executeQuery<{ m: number | null }>(
    CompiledQuery.raw('select max(rowid) as m from enterprises'),
  );
  return n >= SORTED_COPY_SHARE * Number(rows[0]?.m ?? 0);
}

/**
 * Writes the index rows of a tenant that has none. The k-th enterprise in (name, id) order gets doc id
 * block·2^38 + k·stride; its texts are made while the batch before is written.
 */
async function fillTenant(db: Executor, tenantId: string, n: number, texts: FtsTexts, progress: FillProgress) {
  const block = (await blockOf(db, tenantId, true))!;
  const stride = Math.min(MAX_STRIDE, Math.floor(BLOCK / (n + 1)));
  const make = (rows: FillText[]) => {
    const made = texts.of(rows);
    made.catch(() => undefined); // awaited below, unless a read fails first
    return made;
  };
  let k = 0;
  // The k-th company in (name, id) order gets doc id block·2^38 + k·stride, here for all of them in one statement (from
  // the name index alone) and below, batch by batch, for their FTS5 rows. Before any FTS5 row: 5,000 multi-row inserts
  // interleaved with the FTS5 ones took 16 s at 1M.
  await db.executeQuery(
    CompiledQuery.raw(
      `insert into enterprise_search (doc_id, tenant_id, enterprise_id, name)
       select cast(? as integer) + cast(? as integer) * row_number() over (order by name, id), tenant_id, id, name
       from enterprises where tenant_id = ?`,
      [block * BLOCK, stride, tenantId],
    ),
  );
  const reader = await nameOrderReader(db, tenantId, await readsSortedCopy(db, n));
  let batch = await reader.next();
  let made = make(batch);
  while (batch.length > 0) {
    const next = await reader.next();
    const flat = await made;
    if (next.length) made = make(next);
    const rows = batch.map((_, i) => [block * BLOCK + stride * ++k, flat[2 * i], flat[2 * i + 1]]);
    for (const part of chunks(rows, INSERT_ROWS)) {
      await insertValues(db, 'insert into enterprise_search_fts (rowid, name, scope)', 3, part);
    }
    progress.add(batch.length);
    batch = next;
    // SQLite answers synchronously, so this loop alone would hold the event loop for the whole fill (100 s for a
    // million companies): let the server's requests in between batches.
    await nextTurn();
  }
  await reader.close();
}

async function fill(db: Executor, tenantIds: readonly string[] | null, progress: FillProgress): Promise<void> {
  const tenants = tenantIds ?? (await db.selectFrom('tenants').select('id').orderBy('id').execute()).map((t) => t.id);
  const counts = new Map<string, number>();
  for (const tenantId of tenants) {
    const row = await db
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenantId', '=', tenantId)
      .executeTakeFirst();
    counts.set(tenantId, Number(row?.n ?? 0));
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  // Its unique index too: a named index since migration 0012.
  const dropped = (await fillDropsIndexes(db, tenantIds, total))
    ? await dropSqliteIndexes(db, ['enterprise_search'])
    : null;
  if (tenantIds === null) {
    // Everything goes: FTS5 drops a contentless table's postings wholesale.
    await sql`insert into enterprise_search_fts (enterprise_search_fts) values ('delete-all')`.execute(db);
    await db.deleteFrom('enterpriseSearch').execute();
    await db.deleteFrom('enterpriseSearchTenants').execute();
  } else {
    for (const tenantId of tenants) {
      const block = await blockOf(db, tenantId, false);
      if (block === null) continue;
      const { lo, hi } = blockRange(block);
      await sql`delete from enterprise_search_fts where rowid between ${lo} and ${hi}`.execute(db);
      await db.deleteFrom('enterpriseSearch').where('tenantId', '=', tenantId).execute();
    }
  }
  progress.start(total);
  // No merging of segments while the rows go in: one optimize at the end does it once.
  await sql`insert into enterprise_search_fts (enterprise_search_fts, rank) values ('automerge', 0)`.execute(db);
  // One tokenizer for the whole fill (a worker thread, for a large one), whatever the number of tenants.
  const texts = ftsTextsFor(total);
  try {
    for (const tenantId of tenants) {
      const n = counts.get(tenantId)!;
      if (n > 0) await fillTenant(db, tenantId, n, texts, progress);
    }
  } finally {
    await texts.close();
  }
  await dropped?.restore();
  // One segment, the fastest to query; merged once here rather than by automerge as the rows went in. Then automerge
  // is set back, on one segment (set first, with the fill's segments waiting, the two settings took 5 s at 1M).
  await sql`insert into enterprise_search_fts (enterprise_search_fts) values ('optimize')`.execute(db);
  await sql`insert into enterprise_search_fts (enterprise_search_fts, rank) values ('automerge', 4)`.execute(db);
}

/** One term in one field: `"·生物"`, `("·cdm" OR "·cdm⁺")`, `"药" *`. Tokens hold only letters, digits and marks. */
function termQuery(t: QueryTerm, mark: string): string {
  const token = mark + t.token;
  if (!t.prefix) return `"${token}"`;
  if (isLetterWord(t.token) && t.token.length <= MAX_INDEXED_PREFIX) return `("${token}" OR "${token}${PREFIX}")`;
  return `"${token}" *`;
}

function matchExpression(phase: Phase | 'all', terms: readonly QueryTerm[]): string {
  const name = terms.map((t) => termQuery(t, '')).join(' AND ');
  const scope = terms.map((t) => termQuery(t, SCOPE)).join(' AND ');
  if (phase === 'name') return name;
  if (phase === 'scope') return `(${scope}) NOT (${name})`;
  return `(${name}) OR (${scope})`;
}

const joinEnterprises = sql`join enterprises
  on enterprises.tenant_id = es.tenant_id and enterprises.id = es.enterprise_id`;

function from(tenantId: string, block: number, match: string, extra: Expression<SqlBool> | null): RawBuilder<unknown> {
  const { lo, hi } = blockRange(block);
  return sql`from enterprise_search_fts
    join enterprise_search es on es.doc_id = enterprise_search_fts.rowid
    ${extra ? joinEnterprises : sql``}
    where enterprise_search_fts match ${match}
      and enterprise_search_fts.rowid between ${lo} and ${hi}
      and es.tenant_id = ${tenantId}
      ${extra ? sql`and ${extra}` : sql``}`;
}

async function page(
  db: Executor,
  tenantId: string,
  phase: Phase,
  terms: readonly QueryTerm[],
  limit: number,
  offset: number,
  extra: Expression<SqlBool> | null,
): Promise<string[]> {
  const block = await blockOf(db, tenantId, false);
  if (block === null || limit <= 0) return [];
  const { rows } = await sql<{ id: string }>`select es.enterprise_id as id
    ${from(tenantId, block, matchExpression(phase, terms), extra)}
    order by enterprise_search_fts.rowid limit ${limit} offset ${offset}`.execute(db);
  return rows.map((r) => r.id);
}

async function count(
  db: Executor,
  tenantId: string,
  terms: readonly QueryTerm[],
  cap: number,
  extra: Expression<SqlBool> | null,
): Promise<number> {
  const block = await blockOf(db, tenantId, false);
  if (block === null) return 0;
  const match = matchExpression('all', terms);
  const { lo, hi } = blockRange(block);
  // Without a filter on enterprises the postings alone answer: the tenant's rows are its block of rowids.
  const inner = extra
    ? sql`select 1 ${from(tenantId, block, match, extra)}`
    : sql`select 1 from enterprise_search_fts
        where enterprise_search_fts match ${match} and rowid between ${lo} and ${hi}`;
  const { rows } = await sql<{ n: number }>`select count(*) as n from (${inner} limit ${cap + 1})`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export const sqliteEngine: SearchEngine = { index, remove, fill, page, count };
