import { sql, type Kysely } from 'kysely';
import { detectDialect } from '../dialect.js';

/**
 * SQLite only: the registry's child tables become WITHOUT ROWID tables, stored in their primary key's b-tree. As rowid
 * tables each row was written twice, into the table and into the index behind its composite primary key, and read
 * through both (measured at 1M companies: figures and contacts alone 21 of the 46 s of an import's row writes, and
 * 2 × 47 MB for figures' table and key at 200,000 companies). PostgreSQL has no such choice: nothing to do there.
 * The columns, keys, foreign keys and secondary indexes stay as they were.
 * The list is this migration's own (a migration never changes), not the one of backup.service.ts.
 */
export const CHILD_TABLES = [
  'enterprise_former_names',
  'enterprise_contacts',
  'enterprise_tags',
  'enterprise_qualifications',
  'enterprise_chain_nodes',
  'enterprise_figures',
] as const;

async function rebuild(db: Kysely<unknown>, withoutRowid: boolean): Promise<void> {
  if ((await detectDialect(db)) !== 'sqlite') return;
  // SQLite's DDL is transactional, though Kysely runs SQLite migrations outside a transaction: all six or none.
  await sql`begin immediate`.execute(db);
  try {
    for (const table of CHILD_TABLES) {
      const { rows } = await sql<{ type: string; name: string; sql: string }>`select type, name, sql from sqlite_master
        where tbl_name = ${table} and sql is not null order by type = 'table' desc`.execute(db);
      const [create, ...indexes] = rows;
      if (!create) throw new Error(`table ${table} not found`);
      const has = /\)\s*without\s+rowid\s*$/i.test(create.sql);
      if (has === withoutRowid) continue;
      const body = create.sql.replace(/\s*without\s+rowid\s*$/i, '');
      const head = /^create table\s+("?)[\w]+\1/i;
      if (!head.test(body)) throw new Error(`unexpected definition of ${table}: ${create.sql}`);
      const rebuilt = `${body.replace(head, `create table "${table}__rebuilt"`)}${withoutRowid ? ' without rowid' : ''}`;
      await sql.raw(rebuilt).execute(db);
      await sql.raw(`insert into "${table}__rebuilt" select * from "${table}"`).execute(db);
      await sql.raw(`drop table "${table}"`).execute(db);
      await sql.raw(`alter table "${table}__rebuilt" rename to "${table}"`).execute(db);
      for (const index of indexes) await sql.raw(index.sql).execute(db);
    }
    await sql`commit`.execute(db);
  } catch (err) {
    await sql`rollback`.execute(db);
    throw err;
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, false);
}
