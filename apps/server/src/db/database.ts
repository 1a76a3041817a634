import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type Driver,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DB } from './schema/index.js';

export type Dialect = 'sqlite' | 'postgres';
export type Executor = Kysely<DB> | Transaction<DB>;

// int8 (counts, bigserial ids) arrive as strings by default; our values fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type DatabaseOptions = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize?: number };

/** Page cache of a connection for long work (KiB): the default 2 MB makes a million-row transaction crawl. */
const LONG_WORK_CACHE_KIB = 128 * 1024;

/** Owns the Kysely instance, its pragmas and transactions; data functions take `db` first. */
/**
 * SQLite transactions begin IMMEDIATE: they take the write lock at the start, waiting (busy_timeout) while another
 * connection writes. A deferred one that read first and writes later fails at once with "database is locked" when
 * another connection committed in between (WAL cannot upgrade a stale snapshot) — as two job runners, or a request
 * beside an import's own connection, do.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

export class Database {
  private constructor(
    readonly db: Kysely<DB>,
    readonly dialect: Dialect,
    /** SQLite's connection itself, for bulk loads that reuse prepared statements (see bulk-insert.ts). */
    readonly sqlite: SqliteDatabase.Database | null = null,
    readonly options: DatabaseOptions | null = null,
  ) {}

  static open(options: DatabaseOptions): Database {
    if (options.kind === 'sqlite') {
      if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
      const sqlite = new SqliteDatabase(options.file);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('synchronous = NORMAL');
      const db = new Kysely<DB>({
        dialect: new ImmediateSqliteDialect({ database: sqlite }),
        plugins: [new CamelCasePlugin()],
      });
      return new Database(db, 'sqlite', sqlite, options);
    }
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client's error (e.g. PostgreSQL restarting) must not crash the process; the pool replaces it.
    pool.on('error', (err) => console.error(`postgres pool: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return new Database(db, 'postgres', null, options);
  }

  /**
   * A connection of its own for long work (a million-row import): on SQLite the app's one connection would be held for
   * the whole transaction and every request would wait; a second connection lets readers go on (WAL) meanwhile. On
   * PostgreSQL the pool already gives the transaction a connection of its own: this is the same instance.
   */
  forLongWork(): { database: Database; release(): Promise<void> } {
    if (
      this.dialect === 'postgres' ||
      !this.options ||
      (this.options.kind === 'sqlite' && this.options.file === ':memory:')
    )
      return { database: this, release: async () => {} };
    const own = Database.open(this.options);
    // A large transaction spills pages out of the cache into the WAL, again and again for the pages it keeps changing;
    // a cache that holds its working set writes each page once, at the commit.
    own.sqlite?.pragma(`cache_size = -${LONG_WORK_CACHE_KIB}`);
    return { database: own, release: () => own.close() };
  }

  /** Every multi-row write goes through here: all of it lands, or none. */
  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** Database errors mapped to what the API says about them. */
export function classifyDbError(err: unknown): 'unique' | 'foreign-key' | 'not-null' | 'busy' | null {
  const e = err as { code?: string };
  switch (e?.code) {
    // SQLite's one writer is taken for longer than the busy timeout (a large import's transaction).
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_SNAPSHOT':
    case 'SQLITE_LOCKED':
      return 'busy';
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
    case '23505':
      return 'unique';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
    case '23503':
      return 'foreign-key';
    case 'SQLITE_CONSTRAINT_NOTNULL':
    case '23502':
      return 'not-null';
    default:
      return null;
  }
}
