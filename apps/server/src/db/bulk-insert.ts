import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Executor } from './database.js';

/**
 * Where a bulk load writes: the transaction, and the same connection's raw handle — SQLite's (see Database.sqlite),
 * or on PostgreSQL the client of a long-work transaction (Database.session), which takes COPY.
 */
export interface BulkTarget {
  trx: Executor;
  dialect: 'sqlite' | 'postgres';
  sqlite: SqliteDatabase.Database | null;
  pg: pg.ClientBase | null;
}

/** The bulk target of a transaction of `database` (call it inside the transaction: the session is its client). */
export function bulkTarget(database: Database, trx: Executor): BulkTarget {
  return { trx, dialect: database.dialect, sqlite: database.sqlite, pg: database.session };
}

/** PostgreSQL array type of each column type used by bulk loads. */
export type BulkColumnType = 'text' | 'integer' | 'bigint';

export interface BulkTable {
  /** snake_case, as in the migrations. */
  name: string;
  columns: readonly { name: string; type: BulkColumnType }[];
}

const statements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

/**
 * Inserts many rows (values in `table.columns` order) inside the caller's transaction, faster than multi-row INSERTs
 * built by Kysely, which spend more time building each statement than the database spends running it:
 * SQLite runs one cached prepared statement per row on the transaction's connection; PostgreSQL takes the rows as
 * COPY text when the target has the session's client, and otherwise each column as one array parameter, `unnest`ed,
 * a few thousand rows per statement.
 */
export async function bulkInsert(target: BulkTarget, table: BulkTable, rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const names = table.columns.map((c) => c.name);
  if (target.dialect === 'sqlite') {
    const raw = target.sqlite;
    if (!raw) throw new Error('bulkInsert on SQLite needs the raw connection');
    let cache = statements.get(raw);
    if (!cache) statements.set(raw, (cache = new Map()));
    let stmt = cache.get(table.name);
    if (!stmt) {
      stmt = raw.prepare(
        `insert into "${table.name}" (${names.map((n) => `"${n}"`).join(', ')}) values (${names.map(() => '?').join(', ')})`,
      );
      cache.set(table.name, stmt);
    }
    for (const row of rows) stmt.run(row);
    return;
  }
  if (target.pg) {
    const copy = target.pg.query(
      copyFrom(`copy "${table.name}" (${names.map((n) => `"${n}"`).join(', ')}) from stdin`),
    );
    await pipeline(Readable.from(copyText(rows)), copy);
    return;
  }
  const STEP = 5_000;
  for (let i = 0; i < rows.length; i += STEP) {
    const part = rows.slice(i, i + STEP);
    const arrays = table.columns.map((c, k) => sql`${part.map((r) => r[k] ?? null)}::${sql.raw(c.type)}[]`);
    await sql`insert into ${sql.table(table.name)} (${sql.join(names.map((n) => sql.id(n)))})
      select * from unnest(${sql.join(arrays)})`.execute(target.trx);
  }
}

/** Rows per chunk of COPY text handed to the stream. */
const COPY_STEP = 1_000;

/** COPY's text format: a tab between fields, a newline after each row, \N for null, backslash escapes. */
function* copyText(rows: readonly unknown[][]): Generator<string> {
  for (let i = 0; i < rows.length; i += COPY_STEP) {
    let text = '';
    for (let r = i; r < Math.min(i + COPY_STEP, rows.length); r++) {
      const row = rows[r]!;
      for (let k = 0; k < row.length; k++) text += (k ? '\t' : '') + copyField(row[k]);
      text += '\n';
    }
    yield text;
  }
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const s = String(value);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : s;
}

/**
 * Drops the secondary indexes of these tables inside the caller's transaction and gives them back with `restore()`,
 * built once from the loaded rows — far cheaper than keeping a dozen indexes up to date row by row during a
 * million-row load. Indexes behind PRIMARY KEY and UNIQUE constraints stay (the load's own lookups use them).
 *
 * SQLite: other connections see neither the drop nor the load until the transaction commits (WAL); a unique index
 * created as one goes and comes back.
 *
 * PostgreSQL: the foreign keys between these tables go too and come back validated by one join each (checked row by
 * row they cost the load as much as the indexes). A dropped index locks its table against every reader until the
 * commit, so other offices wait for the registry until then: the caller defers only a load that is a good part of
 * the tables (see process-file.ts). If another session holds the tables for more than a moment the drop gives up and
 * the load keeps the indexes, rather than queue every request behind it. Keys to tables outside the load stay (dropping
 * one would lock that table too: tenants, users).
 */
export async function deferIndexes(
  target: BulkTarget,
  tables: readonly string[],
): Promise<{ restore(): Promise<void> }> {
  if (target.dialect === 'postgres') return deferPostgresIndexes(target.trx, tables);
  const raw = target.sqlite;
  if (!raw) return { restore: async () => {} };
  const deferred = await dropSqliteIndexes(target.trx, tables);
  // Prepared statements of this connection were compiled against the old schema.
  statements.delete(raw);
  return {
    async restore() {
      await deferred.restore();
      statements.delete(raw);
    },
  };
}

/** deferIndexes on any SQLite executor (the search fill has no bulk target): the indexes SQLite lets drop. */
export async function dropSqliteIndexes(
  db: Executor,
  tables: readonly string[],
): Promise<{ restore(): Promise<void> }> {
  const { rows: indexes } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
    where type = 'index' and sql is not null and tbl_name in (${sql.join([...tables])})
    order by name`.execute(db);
  for (const i of indexes) await sql`drop index ${sql.id(i.name)}`.execute(db);
  return {
    async restore() {
      for (const i of indexes) {
        await sql.raw(i.sql).execute(db);
        // Each build holds the thread for seconds at a million rows: requests get their turn between them.
        await nextTurn();
      }
    },
  };
}

/**
 * PostgreSQL: lets this transaction's index builds sort in memory (GIN builds far faster so), with the parallel workers
 * the server allows.
 */
export async function buildInMemory(db: Executor): Promise<void> {
  await sql`set local maintenance_work_mem = '512MB'`.execute(db);
}

/** How long a deferral waits for other sessions to leave the tables before it gives up and keeps the indexes. */
const PG_LOCK_WAIT_MS = 2_000;

async function deferPostgresIndexes(db: Executor, tables: readonly string[]): Promise<{ restore(): Promise<void> }> {
  const names = sql`array[${sql.join(tables.map((t) => sql.lit(t)))}]::text[]`;
  const { rows: indexes } = await sql<{ name: string; def: string }>`select c.relname as name,
      pg_get_indexdef(i.indexrelid) as def
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
    where t.relnamespace = current_schema()::regnamespace and t.relname = any(${names})
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
    order by c.relname`.execute(db);
  const { rows: keys } = await sql<{ name: string; table: string; def: string }>`select k.conname as name,
      t.relname as table, pg_get_constraintdef(k.oid) as def
    from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_class r on r.oid = k.confrelid
    where k.contype = 'f' and t.relnamespace = current_schema()::regnamespace
      and t.relname = any(${names}) and r.relname = any(${names})
    order by t.relname, k.conname`.execute(db);
  const lockTimeout = (await sql<{ v: string }>`select current_setting('lock_timeout') as v`.execute(db)).rows[0]!.v;
  const setLockTimeout = (v: string) => sql`select set_config('lock_timeout', ${v}, true)`.execute(db);
  await sql`savepoint defer_indexes`.execute(db);
  try {
    await setLockTimeout(`${PG_LOCK_WAIT_MS}ms`);
    for (const k of keys) await sql`alter table ${sql.id(k.table)} drop constraint ${sql.id(k.name)}`.execute(db);
    for (const i of indexes) await sql`drop index ${sql.id(i.name)}`.execute(db);
    await sql`release savepoint defer_indexes`.execute(db);
    await setLockTimeout(lockTimeout);
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error;
    // lock_not_available: someone else is in the tables. The rollback takes back the lock timeout too.
    await sql`rollback to savepoint defer_indexes`.execute(db);
    return { restore: async () => {} };
  }
  return {
    async restore() {
      await buildInMemory(db);
      for (const i of indexes) await sql.raw(i.def).execute(db);
      for (const k of keys) {
        await sql`alter table ${sql.id(k.table)} add constraint ${sql.id(k.name)} ${sql.raw(k.def)}`.execute(db);
      }
    },
  };
}

/** A load's first ANALYZE comes after this many rows; smaller loads keep the statistics they found. */
const ANALYZE_FROM_ROWS = 20_000;

/**
 * PostgreSQL only: keeps the planner's statistics of these tables in step with a bulk load inside its transaction
 * (ANALYZE counts the transaction's own rows). The load's lookups are planned from statistics taken before it began;
 * once it has doubled a table, a lookup by (tenant, code) is planned as a scan of the tenant's rows, each batch reading
 * every row written so far. An ANALYZE each time the load doubles the table (a few per million rows, ~0.3 s each)
 * keeps them index lookups. It holds a lock that makes other ANALYZEs and autovacuum skip or wait until the commit.
 */
export function freshStatistics(
  target: BulkTarget,
  tables: readonly string[],
  rowsBefore: number,
  fromRows = ANALYZE_FROM_ROWS,
) {
  let basis = Math.max(rowsBefore, fromRows);
  let written = 0;
  let since = 0;
  return async (rows: number): Promise<void> => {
    written += rows;
    since += rows;
    if (target.dialect !== 'postgres' || since < basis) return;
    await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(target.trx);
    basis = rowsBefore + written;
    since = 0;
  };
}
