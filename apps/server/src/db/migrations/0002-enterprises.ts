import { CamelCasePlugin, type Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { seedDefaultChain } from '../../modules/chain/chain.seed.js';

/** The enterprise registry (DESIGN.md §4): one record per company per tenant, unique by USCC. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const stamps = <T extends { addColumn: (...a: any[]) => T }>(t: T) =>
    t
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));

  await stamps(
    db.schema
      .createTable('chain_nodes')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('segment', 'text', (c) => c.notNull())
      .addColumn('industry_codes', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0)),
  )
    .addPrimaryKeyConstraint('chain_nodes_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('chain_nodes_tenant_code_uq', ['tenant_id', 'code'])
    .addForeignKeyConstraint(
      'chain_nodes_parent_fk',
      ['tenant_id', 'parent_id'],
      'chain_nodes',
      ['tenant_id', 'id'],
      (fk) =>
        // Deferred so a restore may load children before their parents.
        fk.deferrable().initiallyDeferred(),
    )
    .execute();

  await stamps(
    db.schema
      .createTable('enterprises')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('uscc', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('legal_representative', 'text')
      /** Yuan, whole. */
      .addColumn('registered_capital', 'bigint')
      .addColumn('founded_on', 'text')
      .addColumn('address', 'text')
      .addColumn('park', 'text')
      .addColumn('property_unit_id', 'text')
      .addColumn('industry_code', 'text')
      .addColumn('business_scope', 'text')
      .addColumn('size', 'text')
      .addColumn('assigned_officer_id', 'text')
      .addColumn('website', 'text')
      .addColumn('notes', 'text'),
  )
    .addPrimaryKeyConstraint('enterprises_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('enterprises_tenant_uscc_uq', ['tenant_id', 'uscc'])
    .addForeignKeyConstraint('enterprises_officer_fk', ['assigned_officer_id'], 'users', ['id'])
    .execute();
  // Keyset pages by name and by newest; filters that lists use most.
  await db.schema
    .createIndex('enterprises_tenant_name_idx')
    .on('enterprises')
    .columns(['tenant_id', 'name', 'id'])
    .execute();
  await db.schema
    .createIndex('enterprises_tenant_created_idx')
    .on('enterprises')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('enterprises_tenant_officer_idx')
    .on('enterprises')
    .columns(['tenant_id', 'assigned_officer_id', 'name'])
    .execute();
  await db.schema
    .createIndex('enterprises_tenant_industry_idx')
    .on('enterprises')
    .columns(['tenant_id', 'industry_code', 'name'])
    .execute();
  await db.schema
    .createIndex('enterprises_tenant_park_idx')
    .on('enterprises')
    .columns(['tenant_id', 'park', 'name'])
    .execute();
  await db.schema
    .createIndex('enterprises_tenant_size_idx')
    .on('enterprises')
    .columns(['tenant_id', 'size', 'name'])
    .execute();

  const child = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addForeignKeyConstraint(
        `${name}_enterprise_fk`,
        ['tenant_id', 'enterprise_id'],
        'enterprises',
        ['tenant_id', 'id'],
        (fk) => fk.onDelete('cascade'),
      );

  await child('enterprise_former_names')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('until_on', 'text')
    .addPrimaryKeyConstraint('enterprise_former_names_pk', ['tenant_id', 'enterprise_id', 'name'])
    .execute();

  await child('enterprise_contacts')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('mobile', 'text')
    .addColumn('email', 'text')
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('enterprise_contacts_pk', ['tenant_id', 'enterprise_id', 'id'])
    .execute();

  await child('enterprise_tags')
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enterprise_tags_pk', ['tenant_id', 'enterprise_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('enterprise_tags_tag_idx')
    .on('enterprise_tags')
    .columns(['tenant_id', 'tag', 'enterprise_id'])
    .execute();

  await child('enterprise_qualifications')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('obtained_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('certificate_no', 'text')
    .addPrimaryKeyConstraint('enterprise_qualifications_pk', ['tenant_id', 'enterprise_id', 'code'])
    .execute();
  await db.schema
    .createIndex('enterprise_qualifications_code_idx')
    .on('enterprise_qualifications')
    .columns(['tenant_id', 'code', 'enterprise_id'])
    .execute();

  await child('enterprise_chain_nodes')
    .addColumn('chain_node_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enterprise_chain_nodes_pk', ['tenant_id', 'enterprise_id', 'chain_node_id'])
    .addForeignKeyConstraint('enterprise_chain_nodes_node_fk', ['tenant_id', 'chain_node_id'], 'chain_nodes', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('enterprise_chain_nodes_node_idx')
    .on('enterprise_chain_nodes')
    .columns(['tenant_id', 'chain_node_id', 'enterprise_id'])
    .execute();

  /** Yearly figures as a dated series: employees, revenue, R&D spend and tax paid (yuan). */
  await child('enterprise_figures')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('employees', 'integer')
    .addColumn('revenue', 'bigint')
    .addColumn('rnd_spend', 'bigint')
    .addColumn('tax_paid', 'bigint')
    .addPrimaryKeyConstraint('enterprise_figures_pk', ['tenant_id', 'enterprise_id', 'year'])
    .execute();

  // Offices that existed before the registry get the default chain too.
  const typed = db.withPlugin(new CamelCasePlugin()) as unknown as Kysely<DB>;
  const now = new Date();
  for (const t of await typed.selectFrom('tenants').select('id').execute()) await seedDefaultChain(typed, t.id, now);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'enterprise_figures',
    'enterprise_chain_nodes',
    'enterprise_qualifications',
    'enterprise_tags',
    'enterprise_contacts',
    'enterprise_former_names',
    'enterprises',
    'chain_nodes',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
