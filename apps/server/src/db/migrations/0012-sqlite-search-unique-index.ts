import { sql, type Kysely } from 'kysely';
import { detectDialect } from '../dialect.js';

/**
 * SQLite only: `enterprise_search`'s one row per (tenant_id, enterprise_id) is kept by a unique index of the
 * constraint's name instead of a table constraint, whose index SQLite cannot drop. A large fill (search-sqlite.ts)
 * then drops the table's indexes and builds them from the written rows: written in name order, each row went into the
 * constraint's index at a random place (1M rows: 6.8 s kept up against 0.9 + 2.4 s written bare and indexed after,
 * in a database of their own; in an import's transaction 24 → 16 s of the fill's row-by-row inserts). The same rows,
 * columns and index names. PostgreSQL keeps its primary key: nothing to do there.
 */
const COLUMNS = `"doc_id" integer primary key, "tenant_id" text not null, "enterprise_id" text not null,
  "name" text not null`;
const UNIQUE = 'enterprise_search_enterprise_uq';
const NAME_INDEX = `create index "enterprise_search_tenant_name_idx" on "enterprise_search"
  ("tenant_id", "name", "enterprise_id")`;

async function rebuild(db: Kysely<unknown>, table: string, indexes: readonly string[]): Promise<void> {
  if ((await detectDialect(db)) !== 'sqlite') return;
  // SQLite's DDL is transactional, though Kysely runs SQLite migrations outside a transaction: all of it or none.
  await sql`begin immediate`.execute(db);
  try {
    await sql
      .raw(table.replace('create table "enterprise_search"', 'create table "enterprise_search__rebuilt"'))
      .execute(db);
    await sql`insert into enterprise_search__rebuilt (doc_id, tenant_id, enterprise_id, name)
      select doc_id, tenant_id, enterprise_id, name from enterprise_search`.execute(db);
    await sql`drop table enterprise_search`.execute(db);
    await sql`alter table enterprise_search__rebuilt rename to enterprise_search`.execute(db);
    for (const index of indexes) await sql.raw(index).execute(db);
    await sql`commit`.execute(db);
  } catch (err) {
    await sql`rollback`.execute(db);
    throw err;
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, `create table "enterprise_search" (${COLUMNS})`, [
    `create unique index "${UNIQUE}" on "enterprise_search" ("tenant_id", "enterprise_id")`,
    NAME_INDEX,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rebuild(
    db,
    `create table "enterprise_search" (${COLUMNS}, constraint "${UNIQUE}" unique ("tenant_id", "enterprise_id"))`,
    [NAME_INDEX],
  );
}
