import type { Kysely } from 'kysely';

/**
 * Rental notices (招租公告, DESIGN.md §1 work 5, issue 6): one or more vacant units offered with a text, a contact and
 * photos (attachments of entity type 'rental-notice'); a draft is published, and a published notice withdrawn. The
 * public portal reads the published ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rental_notices')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    /** Plain text with line breaks: the portal prints it escaped. */
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    /** Yuan per m² per month; null: each unit's own asking rent. */
    .addColumn('asking_rent_per_sqm', 'double precision')
    /** RENTAL_NOTICE_STATUSES code. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('rental_notices_pk', ['tenant_id', 'id'])
    .execute();
  /** The list (by status, newest first) and the portal feed (published, latest published first). */
  await db.schema
    .createIndex('rental_notices_status_idx')
    .on('rental_notices')
    .columns(['tenant_id', 'status', 'created_at'])
    .execute();

  await db.schema
    .createTable('rental_notice_units')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('notice_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rental_notice_units_pk', ['tenant_id', 'notice_id', 'unit_id'])
    .addForeignKeyConstraint(
      'rental_notice_units_notice_fk',
      ['tenant_id', 'notice_id'],
      'rental_notices',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('rental_notice_units_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();
  /** A unit's notices (the building filter, and a unit's page). */
  await db.schema
    .createIndex('rental_notice_units_unit_idx')
    .on('rental_notice_units')
    .columns(['tenant_id', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rental_notice_units').ifExists().execute();
  await db.schema.dropTable('rental_notices').ifExists().execute();
}
