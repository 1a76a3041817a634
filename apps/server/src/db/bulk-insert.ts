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
 * SQLite only: drops the secondary indexes of these tables inside the caller's transaction and gives them back with
 * `restore()`, built once from the loaded rows — far cheaper than keeping seven indexes up to date row by row during a
 * million-row load. Other connections see neither the drop nor the load until the transaction commits (WAL). Indexes
 * behind PRIMARY KEY and UNIQUE constraints stay (the load's own lookups use them); a unique index created as one
 * goes and comes back. PostgreSQL is left alone: a dropped index there locks the table against every reader until the
 * commit.
 */
export async function deferIndexes(
  target: BulkTarget,
  tables: readonly string[],
): Promise<{ restore(): Promise<void> }> {
  const raw = target.sqlite;
  if (target.dialect !== 'sqlite' || !raw) return { restore: async () => {} };
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
