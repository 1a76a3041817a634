import type { Kysely } from 'kysely';

/**
 * Indexes for registry list pages at any depth (measured at 1M companies, docs/PERFORMANCE.md). A list is ordered by
 * (name, id) and pages by a keyset cursor on both: an equality filter's index must end in (name, id) for the page to
 * be a range of it. The 0002 indexes ended in name alone, so SQLite walked the whole tenant in name order testing the
 * filter on each row (400 ms for one officer's companies) rather than sort on id. Sorting by last change had no index.
 * And (tenant_id, id, name) lets PostgreSQL read the names of companies found through a child table (a rare tag:
 * 2,000 of 1M) from the index alone instead of the table's wide rows (48 → 35 ms); SQLite keeps to its primary key.
 */
const FILTERS = ['assigned_officer_id', 'industry_code', 'park', 'size'] as const;
const OLD_NAMES: Record<(typeof FILTERS)[number], string> = {
  assigned_officer_id: 'enterprises_tenant_officer_idx',
  industry_code: 'enterprises_tenant_industry_idx',
  park: 'enterprises_tenant_park_idx',
  size: 'enterprises_tenant_size_idx',
};
const newName = (column: string) => `enterprises_tenant_${column}_name_id_idx`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of FILTERS) {
    await db.schema
      .createIndex(newName(column))
      .on('enterprises')
      .columns(['tenant_id', column, 'name', 'id'])
      .execute();
    await db.schema.dropIndex(OLD_NAMES[column]).execute();
  }
  await db.schema
    .createIndex('enterprises_tenant_updated_idx')
    .on('enterprises')
    .columns(['tenant_id', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('enterprises_tenant_id_name_idx')
    .on('enterprises')
    .columns(['tenant_id', 'id', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enterprises_tenant_id_name_idx').execute();
  await db.schema.dropIndex('enterprises_tenant_updated_idx').execute();
  for (const column of FILTERS) {
    await db.schema.createIndex(OLD_NAMES[column]).on('enterprises').columns(['tenant_id', column, 'name']).execute();
    await db.schema.dropIndex(newName(column)).execute();
  }
}
