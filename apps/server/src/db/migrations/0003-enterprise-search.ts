import { CamelCasePlugin, sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { detectDialect } from '../dialect.js';
import type { DB } from '../schema/index.js';
import { fillSearchIndex } from '../../modules/enterprises/search/enterprise-search.js';

/**
 * Enterprise search (DESIGN.md §5): tokens from our own tokenizer, indexed by FTS5 on SQLite and by GIN-indexed
 * tsvectors on PostgreSQL, in tables apart from `enterprises` so that bulk loads write rows first and index after.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = await detectDialect(db);

  let table: CreateTableBuilder<'enterprise_search', any> = db.schema.createTable('enterprise_search');
  if (dialect === 'sqlite') table = table.addColumn('doc_id', 'integer', (c) => c.primaryKey());
  table = table
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    // Results are ordered by (name, enterprise_id) in code-point order on both databases.
    .addColumn('enterprise_id', dialect === 'postgres' ? sql`text collate "C"` : 'text', (c) => c.notNull())
    .addColumn('name', dialect === 'postgres' ? sql`text collate "C"` : 'text', (c) => c.notNull());

  if (dialect === 'sqlite') {
    await table.addUniqueConstraint('enterprise_search_enterprise_uq', ['tenant_id', 'enterprise_id']).execute();
    await db.schema
      .createTable('enterprise_search_tenants')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey())
      .addColumn('block', 'integer', (c) => c.notNull().unique())
      .execute();
    // Contentless (the text lives in enterprises), rows deletable, postings without positions. Name and scope tokens
    // are kept apart by a mark on the scope's (see search-sqlite.ts), not by FTS5 column filters.
    await sql`create virtual table enterprise_search_fts using fts5(name, scope,
      content = '', contentless_delete = 1, detail = none, tokenize = 'ascii')`.execute(db);
  } else {
    await table
      .addColumn('name_tsv', sql`tsvector`, (c) => c.notNull())
      .addColumn('scope_tsv', sql`tsvector`, (c) => c.notNull())
      .addPrimaryKeyConstraint('enterprise_search_pk', ['tenant_id', 'enterprise_id'])
      .execute();
    // Dropped and re-created by rebuildSearchIndex, which re-runs these definitions as pg_indexes reports them.
    await sql`create index enterprise_search_name_gin on enterprise_search using gin (name_tsv)`.execute(db);
    await sql`create index enterprise_search_scope_gin on enterprise_search using gin (scope_tsv)`.execute(db);
  }
  await db.schema
    .createIndex('enterprise_search_tenant_name_idx')
    .on('enterprise_search')
    .columns(['tenant_id', 'name', 'enterprise_id'])
    .execute();

  // Enterprises written before this migration get indexed.
  await fillSearchIndex(db.withPlugin(new CamelCasePlugin()) as unknown as Kysely<DB>, dialect);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['enterprise_search_fts', 'enterprise_search_tenants', 'enterprise_search']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
