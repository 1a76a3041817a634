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
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import type { DB } from './schema/index.js';

export type Dialect = 'sqlite' | 'postgres';
export type Executor = Kysely<DB> | Transaction<DB>;

// int8 (counts, bigserial ids) arrive as strings by default; our values fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type DatabaseOptions = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize?: number };

/**
 * Page cache of a connection for long work (KiB): the default 2 MB makes a million-row transaction crawl. 64 MB wrote a
 * 1M-row import as fast as 128 MB did (its rows are mostly appended: a page that leaves the cache is finished) with
 * 64 MB less at its peak (docs/PERFORMANCE.md).
 */
const LONG_WORK_CACHE_KIB = 64 * 1024;

/**
 * What is left of the WAL file once a checkpoint has copied it all and the next write starts it over (bytes): without
 * a limit, the file keeps the size of the largest transaction it ever held (GBs after a million-row import).
 */
const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

/** How long a transaction waits for SQLite's one writer before it answers busy (503, nothing saved). */
const BEGIN_WAIT_MS = 5_000;
/** The connection's own busy wait, for the rare write outside a transaction (a synchronous sleep in better-sqlite3). */
const STATEMENT_BUSY_TIMEOUT_MS = 5_000;

/**
 * SQLite transactions begin IMMEDIATE: they take the write lock at the start. A deferred one that read first and writes
 * later fails at once with "database is locked" when another connection committed in between (WAL cannot upgrade a
 * stale snapshot) — as two job runners, or a request beside an import's own connection, do.
 *
 * The begin does not use the busy timeout: better-sqlite3 waits for a lock by sleeping the thread, so a request or a
 * job waiting behind an import's own connection would stop the whole process — the import included, which runs on the
 * same event loop — for seconds at a time. The begin fails at once instead and `Database.transaction` tries again
 * after a pause, with the connection free for readers meanwhile.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      this.sqlite.pragma('busy_timeout = 0');
      try {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      } catch (err) {
        throw Object.assign(err as Error, { beforeBegin: true });
      } finally {
        this.sqlite.pragma(`busy_timeout = ${STATEMENT_BUSY_TIMEOUT_MS}`);
      }
    };
    return driver;
  }
}

/** A begin refused because another connection writes: nothing of the transaction ran, so it may be tried again. */
const lockedBeforeBegin = (err: unknown): boolean =>
  (err as { beforeBegin?: boolean }).beforeBegin === true && classifyDbError(err) === 'busy';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Owns the Kysely instance, its pragmas and transactions; data functions take `db` first. */
export class Database {
  private constructor(
    readonly db: Kysely<DB>,
    readonly dialect: Dialect,
    /** SQLite's connection itself, for bulk loads that reuse prepared statements (see bulk-insert.ts). */
    readonly sqlite: SqliteDatabase.Database | null = null,
    readonly options: DatabaseOptions | null = null,
  ) {}

  /** SQLite files that have done long work: their checkpoints run in a worker (checkpointer.ts). */
  private checkpointer: Checkpointer | null = null;

  #session: pg.PoolClient | null = null;

  /**
   * PostgreSQL long work only (a pool of one): the client its transaction holds, for bulk loads that stream COPY in
   * the same session (see bulk-insert.ts); null outside a transaction and on any other instance.
   */
  get session(): pg.PoolClient | null {
    return this.#session;
  }

  static open(options: DatabaseOptions): Database {
    if (options.kind === 'sqlite') {
      if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
      const sqlite = new SqliteDatabase(options.file);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma(`busy_timeout = ${STATEMENT_BUSY_TIMEOUT_MS}`);
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
      const db = new Kysely<DB>({
        dialect: new ImmediateSqliteDialect(sqlite),
        plugins: [new CamelCasePlugin()],
      });
      return new Database(db, 'sqlite', sqlite, options);
    }
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client's error (e.g. PostgreSQL restarting) must not crash the process; the pool replaces it.
    pool.on('error', (err) => console.error(`postgres pool: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    const database = new Database(db, 'postgres', null, options);
    if (options.poolSize === 1) {
      pool.on('acquire', (client) => (database.#session = client));
      pool.on('release', () => (database.#session = null));
    }
    return database;
  }

  /**
   * A connection of its own for long work (a million-row import): on SQLite the app's one connection would be held for
   * the whole transaction and every request would wait; a second connection lets readers go on (WAL) meanwhile. On
   * PostgreSQL the pool would give the transaction a connection of its own too; a pool of one tells which, so a bulk
   * load can stream COPY into the transaction's session (`session`).
   */
  forLongWork(): { database: Database; release(): Promise<void> } {
    const options = this.options;
    if (options?.kind === 'postgres') {
      const own = Database.open({ ...options, poolSize: 1 });
      return { database: own, release: () => own.close() };
    }
    if (options?.kind !== 'sqlite' || options.file === ':memory:') return { database: this, release: async () => {} };
    const own = Database.open(options);
    // A large transaction spills pages out of the cache into the WAL, again and again for the pages it keeps changing;
    // a cache that holds its working set writes each page once, at the commit.
    own.sqlite?.pragma(`cache_size = -${LONG_WORK_CACHE_KIB}`);
    // The sorts of long work (index builds, the search fill's sorted copy) may use a helper thread, as SQLite's sorter
    // allows: the index builds of a 1M import 20.5 → 14.8 s.
    own.sqlite?.pragma('threads = 2');
    // The commit of long work leaves a WAL of its size: copying it into the database is the checkpointer's, on its
    // own thread, for this connection and from now on the app's too (its next commit would copy it all otherwise).
    this.checkpointer ??= startCheckpointer(options.file);
    for (const c of [this.sqlite, own.sqlite]) c?.pragma('wal_autocheckpoint = 0');
    return { database: own, release: () => own.close() };
  }

  /** Every multi-row write goes through here: all of it lands, or none. */
  async transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    const deadline = Date.now() + BEGIN_WAIT_MS;
    for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
      try {
        return await this.db.transaction().execute(fn);
      } catch (err) {
        if (!lockedBeforeBegin(err) || Date.now() + wait > deadline) throw err;
        await pause(wait);
      }
    }
  }

  async close(): Promise<void> {
    // The checkpointer first: it copies what is left of the WAL, and this connection, the last, then removes it.
    await this.checkpointer?.stop();
    this.checkpointer = null;
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
