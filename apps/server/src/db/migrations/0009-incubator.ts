import { sql, type Kysely } from 'kysely';

/**
 * The incubator (DESIGN.md §1 work 5, issue 6): a company incubated in a unit (or at a desk of a shared unit) of the
 * park, from its entry until it graduates — into a unit of its own, by a lease — or leaves.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incubatees')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    /** The incubator or shared-office unit the company sits in. */
    .addColumn('unit_id', 'text')
    /** A desk within a shared unit, e.g. A-12. */
    .addColumn('desk', 'text')
    /** Office dates (YYYY-MM-DD). */
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('planned_exit_date', 'text')
    /** The mentor's name (创业导师): an outside expert, not a user of the office. */
    .addColumn('mentor', 'text')
    /** INCUBATEE_STATUSES code. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('graduated_on', 'text')
    .addColumn('left_on', 'text')
    /** The company's own unit on graduation, and the lease that lets it (its first unit when several). */
    .addColumn('graduation_unit_id', 'text')
    .addColumn('graduation_lease_id', 'text')
    .addColumn('left_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('incubatees_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('incubatees_enterprise_fk', ['tenant_id', 'enterprise_id'], 'enterprises', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('incubatees_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .addForeignKeyConstraint('incubatees_graduation_unit_fk', ['tenant_id', 'graduation_unit_id'], 'units', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('incubatees_graduation_lease_fk', ['tenant_id', 'graduation_lease_id'], 'leases', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('incubatees_entry_idx')
    .on('incubatees')
    .columns(['tenant_id', 'entry_date', 'id'])
    .execute();
  await db.schema
    .createIndex('incubatees_enterprise_idx')
    .on('incubatees')
    .columns(['tenant_id', 'enterprise_id'])
    .execute();
  /** One incubation at a time per company: the service says so first, this index holds against races. */
  await db.schema
    .createIndex('incubatees_one_active_uq')
    .on('incubatees')
    .columns(['tenant_id', 'enterprise_id'])
    .unique()
    .where(sql.ref('status'), '=', sql.lit('incubating'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incubatees').ifExists().execute();
}
