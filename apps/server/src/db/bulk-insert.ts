import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Executor } from './database.js';

/** Where a bulk load writes: the transaction, and on SQLite the same connection's raw handle (see Database.sqlite). */
export interface BulkTarget {
  trx: Executor;
  dialect: 'sqlite' | 'postgres';
  sqlite: SqliteDatabase.Database | null;
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
 * SQLite runs one cached prepared statement per row on the transaction's connection; PostgreSQL takes each column as
 * one array parameter and `unnest`s them, a few thousand rows per statement.
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
  const STEP = 5_000;
  for (let i = 0; i < rows.length; i += STEP) {
    const part = rows.slice(i, i + STEP);
    const arrays = table.columns.map((c, k) => sql`${part.map((r) => r[k] ?? null)}::${sql.raw(c.type)}[]`);
    await sql`insert into ${sql.table(table.name)} (${sql.join(names.map((n) => sql.id(n)))})
      select * from unnest(${sql.join(arrays)})`.execute(target.trx);
  }
}

/**
 * Multi-row INSERTs for callers without the raw SQLite handle (seeding, benchmarks): a few hundred rows per statement,
 * below both databases' parameter limits.
 */
export async function insertRows(
  db: Executor,
  _dialect: 'sqlite' | 'postgres',
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const size = Math.max(1, Math.floor(30_000 / columns.length));
  const cols = sql.join(columns.map((c) => sql.id(c)));
  for (let i = 0; i < rows.length; i += size) {
    const values = rows.slice(i, i + size).map((r) => sql`(${sql.join(r.map((v) => sql`${v ?? null}`))})`);
    await sql`insert into ${sql.table(table)} (${cols}) values ${sql.join(values)}`.execute(db);
  }
}
