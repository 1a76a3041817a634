import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Database, Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';

/**
 * A portable, dialect-neutral logical backup: gzip of JSON lines.
 *
 *   {"kaimen":"backup","format":1,"createdAt":…,"dialect":…,"migrations":[…]}
 *   {"table":"tenants","columns":["id","slug",…]}
 *   ["…","…",…]                      one JSON array per row, in `columns` order
 *   …                                 the next table, and so on
 *   {"kaimen":"end","tables":{"tenants":2,…}}
 *
 * Tables and columns go by their raw snake_case names and the columns are discovered at run time,
 * so a new table only needs its place in BACKUP_TABLES.
 */

/** Every table that holds data, parents before children: restore inserts in this order. The one list to maintain. */
export const BACKUP_TABLES = [
  'tenants',
  'tenant_settings',
  'departments',
  'need_categories',
  'users',
  'chain_nodes',
  'enterprises',
  'enterprise_former_names',
  'enterprise_contacts',
  'enterprise_tags',
  'enterprise_qualifications',
  'enterprise_chain_nodes',
  'enterprise_figures',
  'audit_events',
  'attachments',
  'job_runs',
  'import_jobs',
  'import_errors',
  'trips',
  'trip_members',
  'trip_meetings',
  'leads',
  'lead_contacts',
  'lead_capital',
  'lead_stage_moves',
  'lead_activities',
  'approvals',
  'notifications',
  'saved_filters',
  'survey_templates',
  'visits',
  'visit_visitors',
  'visit_departments',
  'needs',
  'need_departments',
  'need_events',
  'holidays',
  'webhook_deliveries',
  'api_keys',
  'parks',
  'buildings',
  'floors',
  'units',
  'parcels',
  'leases',
  'lease_units',
  'unit_reservations',
  'incubatees',
  'rental_notices',
  'rental_notice_units',
] as const;

/** Left out on purpose: nobody stays signed in across a restore; Kysely's bookkeeping belongs to the target; indexes are rebuilt. */
export const SKIPPED_TABLES = [
  'sessions',
  'kysely_migration',
  'kysely_migration_lock',
  // The search index is derived from the enterprises: `kaimen restore` rebuilds it.
  'enterprise_search',
  'enterprise_search_tenants',
  'enterprise_search_fts',
  'enterprise_search_fts_data',
  'enterprise_search_fts_idx',
  'enterprise_search_fts_docsize',
  'enterprise_search_fts_config',
  'enterprise_search_fts_content',
] as const;

export const BACKUP_FORMAT = 1;

export interface BackupOptions {
  /** Called after each batch with the rows of `table` done so far (and once with 0 for an empty table). */
  onProgress?(table: string, rows: number): void;
  /** Rows per read (backup) or insert (restore) batch; 1000 unless told. */
  batchSize?: number;
}

export interface BackupResult {
  /** Rows per table, in BACKUP_TABLES order. */
  tables: Record<string, number>;
}

interface BackupHeader {
  kaimen: 'backup';
  format: number;
  createdAt: string;
  dialect: Dialect;
  migrations: string[];
}

type Raw = Kysely<DB>;
type Value = string | number | null;

const DEFAULT_BATCH = 1000;
/** Bound parameters per INSERT, below SQLite's 32766 and PostgreSQL's 65535. */
const MAX_PARAMS = 30_000;

// ---------------------------------------------------------------- introspection

interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

async function listTables(raw: Raw, dialect: Dialect): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`.execute(raw)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(raw);
  return rows.map((r) => r.name);
}

async function tableInfo(raw: Raw, dialect: Dialect, table: string): Promise<TableInfo> {
  let columns: string[];
  let primaryKey: string[];
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table})
      order by cid`.execute(raw);
    columns = rows.map((r) => r.name);
    primaryKey = rows
      .filter((r) => r.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((r) => r.name);
  } else {
    const cols = await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(raw);
    const pk = await sql<{ name: string }>`select kcu.column_name as name
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name
       and kcu.table_name = tc.table_name
      where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema() and tc.table_name = ${table}
      order by kcu.ordinal_position`.execute(raw);
    columns = cols.rows.map((r) => r.name);
    primaryKey = pk.rows.map((r) => r.name);
  }
  if (columns.length === 0) throw new Error(`table "${table}" does not exist in this database`);
  if (primaryKey.length === 0) {
    throw new Error(`table "${table}" has no primary key: backup reads each table in primary-key order`);
  }
  return { name: table, columns, primaryKey };
}

/** Refuses to work on a database holding a table nobody decided about: a backup that silently misses data is worse. */
async function checkTableList(raw: Raw, dialect: Dialect): Promise<void> {
  const known = new Set<string>([...BACKUP_TABLES, ...SKIPPED_TABLES]);
  const unknown = (await listTables(raw, dialect)).filter((t) => !known.has(t));
  if (unknown.length > 0) {
    throw new Error(
      `tables ${unknown.map((t) => `"${t}"`).join(', ')} are neither backed up nor skipped: ` +
        'add them to BACKUP_TABLES (in foreign-key order) or SKIPPED_TABLES in modules/backup/backup.service.ts',
    );
  }
}

async function appliedMigrations(raw: Raw, dialect: Dialect): Promise<string[]> {
  if (!(await listTables(raw, dialect)).includes('kysely_migration')) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(raw);
  return rows.map((r) => r.name);
}

// ---------------------------------------------------------------- values

function describe(v: unknown): string {
  if (typeof v === 'number') return `non-portable number (${v})`;
  if (v instanceof Uint8Array) return 'binary';
  if (v instanceof Date) return 'date';
  return typeof v;
}

/** Text, integers (and finite doubles) and null survive JSON unchanged; anything else would not round-trip. */
function isPortable(v: unknown): v is Value {
  if (v === null || typeof v === 'string') return true;
  return typeof v === 'number' && Number.isFinite(v) && (!Number.isInteger(v) || Number.isSafeInteger(v));
}

// ---------------------------------------------------------------- backup

async function* backupLines(
  raw: Raw,
  dialect: Dialect,
  header: BackupHeader,
  counts: Record<string, number>,
  batchSize: number,
  onProgress: BackupOptions['onProgress'],
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of BACKUP_TABLES) {
    const info = await tableInfo(raw, dialect, table);
    yield `${JSON.stringify({ table, columns: info.columns })}\n`;
    const pkIndex = info.primaryKey.map((c) => info.columns.indexOf(c));
    const cols = sql.join(info.columns.map((c) => sql.ref(c)));
    const pk = sql.join(info.primaryKey.map((c) => sql.ref(c)));
    let last: Value[] | null = null;
    let n = 0;
    for (;;) {
      const after = last ? sql`where (${pk}) > (${sql.join(last)})` : sql``;
      const { rows } = await sql<Record<string, unknown>>`select ${cols} from ${sql.table(table)} ${after}
        order by ${pk} limit ${batchSize}`.execute(raw);
      if (rows.length === 0) break;
      let chunk = '';
      let values: Value[] = [];
      for (const row of rows) {
        values = info.columns.map((c) => {
          const v = row[c];
          if (!isPortable(v)) {
            throw new Error(`${table}.${c} holds a ${describe(v)} value, which a portable backup cannot carry`);
          }
          return v;
        });
        chunk += `${JSON.stringify(values)}\n`;
      }
      yield chunk;
      n += rows.length;
      last = pkIndex.map((i) => values[i] ?? null);
      onProgress?.(table, n);
      if (rows.length < batchSize) break;
    }
    if (n === 0) onProgress?.(table, 0);
    counts[table] = n;
  }
  yield `${JSON.stringify({ kaimen: 'end', tables: counts })}\n`;
}

/** Reads one consistent snapshot of every table (REPEATABLE READ on PostgreSQL, a read transaction on SQLite). */
function readSnapshot<T>(database: Database, fn: (raw: Raw) => Promise<T>): Promise<T> {
  let tx = database.db.transaction();
  if (database.dialect === 'postgres') tx = tx.setIsolationLevel('repeatable read').setAccessMode('read only');
  return tx.execute((trx) => fn(trx.withoutPlugins()));
}

/**
 * Writes a backup of every table in BACKUP_TABLES to `file` (gzip of JSON lines), streaming in keyset-paginated
 * batches so memory stays bounded. The file appears only once complete: it is written beside `file` and renamed.
 *
 * On SQLite the backup holds the Database's one connection for its whole length: run it on a Database of its own
 * (as the CLI does), not on the server's.
 */
export async function backupDatabase(database: Database, file: string, o: BackupOptions = {}): Promise<BackupResult> {
  const batchSize = Math.max(1, o.batchSize ?? DEFAULT_BATCH);
  const counts: Record<string, number> = {};
  const target = path.resolve(file);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await readSnapshot(database, async (raw) => {
      await checkTableList(raw, database.dialect);
      const header: BackupHeader = {
        kaimen: 'backup',
        format: BACKUP_FORMAT,
        createdAt: new Date().toISOString(),
        dialect: database.dialect,
        migrations: await appliedMigrations(raw, database.dialect),
      };
      if (header.migrations.length === 0) throw new Error('the database is not migrated: nothing to back up');
      await pipeline(
        Readable.from(backupLines(raw, database.dialect, header, counts, batchSize, o.onProgress), {
          objectMode: false,
        }),
        zlib.createGzip(),
        fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }),
      );
    });
    const fd = await fs.promises.open(temp, 'r');
    try {
      await fd.sync();
    } finally {
      await fd.close();
    }
    await fs.promises.rename(temp, target);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  }
  return { tables: counts };
}

// ---------------------------------------------------------------- restore

class BackupFileError extends Error {}

/** The decompressed lines of `file`, read as the caller pulls them (the stream pauses in between). */
async function* readLines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  gunzip.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      rest += chunk;
      let start = 0;
      for (let i = rest.indexOf('\n'); i >= 0; i = rest.indexOf('\n', start)) {
        yield rest.slice(start, i);
        start = i + 1;
      }
      rest = rest.slice(start);
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
      throw new BackupFileError(`${file} is damaged or not a gzip file (${e.message})`, { cause: err });
    }
    throw err;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (rest.length > 0) yield rest;
}

function parseHeader(file: string, line: string | undefined): BackupHeader {
  let h: Partial<BackupHeader> | null = null;
  try {
    h = line === undefined ? null : (JSON.parse(line) as Partial<BackupHeader>);
  } catch {
    // not JSON: reported below
  }
  if (!h || h.kaimen !== 'backup') throw new BackupFileError(`${file} is not a Kaimen backup`);
  if (h.format !== BACKUP_FORMAT) {
    throw new BackupFileError(`${file} is a backup in format ${h.format}; this Kaimen reads format ${BACKUP_FORMAT}`);
  }
  if (!Array.isArray(h.migrations) || !h.migrations.every((m) => typeof m === 'string')) {
    throw new BackupFileError(`${file} has no list of migrations in its header`);
  }
  return h as BackupHeader;
}

function sameMigrations(a: string[], b: string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((m, i) => m === y[i]);
}

async function checkTarget(raw: Raw, dialect: Dialect, header: BackupHeader): Promise<void> {
  const applied = await appliedMigrations(raw, dialect);
  if (applied.length === 0) {
    throw new Error('the target database is not migrated: run `kaimen migrate` on it first, then restore');
  }
  if (!sameMigrations(applied, header.migrations)) {
    const missing = header.migrations.filter((m) => !applied.includes(m));
    const extra = applied.filter((m) => !header.migrations.includes(m));
    throw new Error(
      'the target database is not at the migrations of the backup' +
        (missing.length
          ? `; it lacks ${missing.join(', ')} (migrate it with the Kaimen version that made the backup)`
          : '') +
        (extra.length
          ? `; it has ${extra.join(', ')} that the backup predates (restore into a database at the backup's version, then migrate)`
          : ''),
    );
  }
  await checkTableList(raw, dialect);
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(raw);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) {
      throw new Error(
        `restore needs a fresh database (migrated, holding no data), but table "${table}" has ${n} row${n === 1 ? '' : 's'}`,
      );
    }
  }
}

/** On PostgreSQL, serial columns' sequences continue after the restored ids (SQLite's AUTOINCREMENT does so itself). */
async function resetSequences(raw: Raw): Promise<void> {
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}
        and (column_default like 'nextval(%' or is_identity = 'YES')`.execute(raw);
    for (const { name } of rows) {
      const c = sql.ref(name);
      await sql`select setval(pg_get_serial_sequence(quote_ident(${table}), ${name}), coalesce(max(${c}), 1),
        max(${c}) is not null) from ${sql.table(table)}`.execute(raw);
    }
  }
}

interface Section {
  table: string;
  columns: string[];
  rowsPerInsert: number;
  pending: Value[][];
  done: number;
}

/**
 * Loads a backup made by backupDatabase (from either database kind) into `database`, which must be migrated to the
 * same migrations as the backup and hold no data. Everything goes in one transaction: on any error (a damaged file,
 * a row the database refuses) nothing stays.
 */
export async function restoreDatabase(database: Database, file: string, o: BackupOptions = {}): Promise<BackupResult> {
  const batchSize = Math.max(1, o.batchSize ?? DEFAULT_BATCH);
  const lines = readLines(file);
  try {
    const first = await lines.next();
    const header = parseHeader(file, first.done ? undefined : first.value);
    return await database.transaction(async (trx) => {
      const raw = trx.withoutPlugins();
      const dialect = database.dialect;
      await checkTarget(raw, dialect, header);

      const counts: Record<string, number> = {};
      const allowed = new Set<string>(BACKUP_TABLES);
      let section: Section | null = null;
      let lineNo = 1;
      let end: Record<string, unknown> | null = null;

      const flush = async (s: Section) => {
        if (s.pending.length === 0) return;
        const rows = s.pending;
        s.pending = [];
        const cols = sql.join(s.columns.map((c) => sql.ref(c)));
        const values = sql.join(rows.map((r) => sql`(${sql.join(r)})`));
        try {
          await sql`insert into ${sql.table(s.table)} (${cols}) values ${values}`.execute(raw);
        } catch (err) {
          throw new Error(
            `restore failed in table "${s.table}" (rows ${s.done + 1}–${s.done + rows.length}): ${(err as Error).message}`,
            { cause: err },
          );
        }
        s.done += rows.length;
        o.onProgress?.(s.table, s.done);
      };
      const close = async (s: Section | null) => {
        if (!s) return;
        await flush(s);
        if (s.done === 0) o.onProgress?.(s.table, 0);
        counts[s.table] = s.done;
      };

      for await (const line of lines) {
        lineNo++;
        if (line.length === 0) continue;
        const bad = (why: string) => new BackupFileError(`${file}, line ${lineNo}: ${why}; nothing was restored`);
        if (end) throw bad('data after the end marker');
        let item: unknown;
        try {
          item = JSON.parse(line);
        } catch {
          throw bad('not valid JSON (the file is damaged)');
        }
        if (Array.isArray(item)) {
          if (!section) throw bad('a row before any table');
          if (item.length !== section.columns.length) {
            throw bad(`a row of ${item.length} values for the ${section.columns.length} columns of "${section.table}"`);
          }
          if (!item.every(isPortable)) {
            throw bad(`a row of "${section.table}" holding a value that is not text, a number or null`);
          }
          section.pending.push(item);
          if (section.pending.length >= section.rowsPerInsert) await flush(section);
          continue;
        }
        const obj = (item ?? {}) as { table?: unknown; columns?: unknown; kaimen?: unknown; tables?: unknown };
        if (typeof obj.table === 'string') {
          await close(section);
          const table = obj.table;
          if (!allowed.has(table)) throw bad(`table "${table}" is not one this Kaimen restores`);
          if (Object.hasOwn(counts, table)) throw bad(`table "${table}" appears twice`);
          const info = await tableInfo(raw, dialect, table);
          const columns = obj.columns;
          if (!Array.isArray(columns) || columns.length === 0 || !columns.every((c) => typeof c === 'string')) {
            throw bad(`table "${table}" comes without its columns`);
          }
          const unknown = columns.filter((c) => !info.columns.includes(c));
          if (unknown.length) throw bad(`columns ${unknown.join(', ')} of "${table}" do not exist in this database`);
          const rowsPerInsert = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMS / columns.length)));
          section = { table, columns, rowsPerInsert, pending: [], done: 0 };
          continue;
        }
        if (obj.kaimen === 'end' && typeof obj.tables === 'object' && obj.tables !== null) {
          await close(section);
          section = null;
          end = obj.tables as Record<string, unknown>;
          continue;
        }
        throw bad('neither a table, a row nor the end marker');
      }
      if (!end) throw new BackupFileError(`${file} ends early (no end marker): it is truncated; nothing was restored`);
      for (const table of new Set([...Object.keys(end), ...Object.keys(counts)])) {
        const n = end[table] ?? 0;
        if ((counts[table] ?? 0) !== n) {
          throw new BackupFileError(
            `${file} lists ${String(n)} rows for "${table}" but holds ${counts[table] ?? 0}; nothing was restored`,
          );
        }
      }
      if (dialect === 'postgres') await resetSequences(raw);
      return { tables: counts };
    });
  } finally {
    await lines.return(undefined);
  }
}
