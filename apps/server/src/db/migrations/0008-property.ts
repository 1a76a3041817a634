import type { Kysely } from 'kysely';

/**
 * Property (DESIGN.md §3–4, issue 6): parks → buildings → floors → units with their biotech attributes; land parcels
 * with a GeoJSON outline; leases of one or more units to a company. A unit's stored status is the one the property
 * manager sets; 已租 (leased) is computed on read from the leases that cover the office's date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const stamps = <T extends { addColumn: (...a: any[]) => T }>(t: T) =>
    t
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));
  const tenant = (c: any) => c.notNull().references('tenants.id').onDelete('cascade');
  const index = async (table: string, name: string, cols: string[]) =>
    db.schema.createIndex(name).on(table).columns(cols).execute();

  await stamps(
    db.schema
      .createTable('parks')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('notes', 'text'),
  )
    .addPrimaryKeyConstraint('parks_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('parks_name_uq', ['tenant_id', 'name'])
    .execute();

  await stamps(
    db.schema
      .createTable('buildings')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('park_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('floor_count', 'integer', (c) => c.notNull())
      /** GeoJSON Polygon or MultiPolygon, as text. */
      .addColumn('outline', 'text')
      .addColumn('notes', 'text'),
  )
    .addPrimaryKeyConstraint('buildings_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('buildings_name_uq', ['tenant_id', 'park_id', 'name'])
    .addForeignKeyConstraint('buildings_park_fk', ['tenant_id', 'park_id'], 'parks', ['tenant_id', 'id'])
    .execute();

  await stamps(
    db.schema
      .createTable('floors')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('building_id', 'text', (c) => c.notNull())
      /** Negative below ground (B1 = -1). */
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('label', 'text'),
  )
    .addPrimaryKeyConstraint('floors_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('floors_number_uq', ['tenant_id', 'building_id', 'number'])
    .addForeignKeyConstraint('floors_building_fk', ['tenant_id', 'building_id'], 'buildings', ['tenant_id', 'id'])
    .execute();

  await stamps(
    db.schema
      .createTable('units')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      /** The floor's building, kept on the unit so a building's units and their codes are one index away. */
      .addColumn('building_id', 'text', (c) => c.notNull())
      .addColumn('floor_id', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      /** UNIT_TYPES code. */
      .addColumn('type', 'text', (c) => c.notNull())
      /** m². */
      .addColumn('area', 'double precision', (c) => c.notNull())
      /** UNIT_STATUSES code as set by hand (never 'leased': that one follows the leases). */
      .addColumn('status', 'text', (c) => c.notNull())
      /** Asking rent in yuan per m² per month. */
      .addColumn('monthly_rent_per_sqm', 'double precision')
      .addColumn('floor_load_kn', 'double precision')
      .addColumn('lab_water', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('exhaust', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('clean_room_grade', 'text')
      .addColumn('gmp_ready', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('env_permit', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('notes', 'text'),
  )
    .addPrimaryKeyConstraint('units_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('units_code_uq', ['tenant_id', 'building_id', 'code'])
    .addForeignKeyConstraint('units_building_fk', ['tenant_id', 'building_id'], 'buildings', ['tenant_id', 'id'])
    .addForeignKeyConstraint('units_floor_fk', ['tenant_id', 'floor_id'], 'floors', ['tenant_id', 'id'])
    .execute();
  await index('units', 'units_floor_idx', ['tenant_id', 'floor_id']);
  await index('units', 'units_type_area_idx', ['tenant_id', 'type', 'area']);

  await stamps(
    db.schema
      .createTable('parcels')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      /** m². */
      .addColumn('area', 'double precision', (c) => c.notNull())
      .addColumn('zoning', 'text')
      /** PARCEL_STATUSES code. */
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('owner', 'text')
      /** GeoJSON Polygon or MultiPolygon, as text. */
      .addColumn('outline', 'text')
      .addColumn('notes', 'text'),
  )
    .addPrimaryKeyConstraint('parcels_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('parcels_code_uq', ['tenant_id', 'code'])
    .execute();
  await index('parcels', 'parcels_status_idx', ['tenant_id', 'status']);

  await stamps(
    db.schema
      .createTable('leases')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      /** Office dates (YYYY-MM-DD), both inclusive. */
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      /** Yuan per month for all its units, before escalation. */
      .addColumn('monthly_rent', 'double precision', (c) => c.notNull())
      .addColumn('deposit', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('rent_free_months', 'integer', (c) => c.notNull().defaultTo(0))
      /** Yearly rent increase, in percent. */
      .addColumn('escalation_percent', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('notes', 'text')
      /** The last day of a lease ended early: it covers its units up to this day. */
      .addColumn('terminated_on', 'text')
      .addColumn('created_by', 'text'),
  )
    .addPrimaryKeyConstraint('leases_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('leases_enterprise_fk', ['tenant_id', 'enterprise_id'], 'enterprises', ['tenant_id', 'id'])
    .execute();
  await index('leases', 'leases_enterprise_idx', ['tenant_id', 'enterprise_id', 'starts_on']);
  await index('leases', 'leases_dates_idx', ['tenant_id', 'starts_on', 'id']);

  await db.schema
    .createTable('lease_units')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('lease_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lease_units_pk', ['tenant_id', 'lease_id', 'unit_id'])
    .addForeignKeyConstraint('lease_units_lease_fk', ['tenant_id', 'lease_id'], 'leases', ['tenant_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('lease_units_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();
  /** The overlap check and the unit's computed status: a unit's leases. */
  await index('lease_units', 'lease_units_unit_idx', ['tenant_id', 'unit_id']);

  /** A unit held for a lead (意向): while one is open the unit reads 意向, on the unit and on the lead. */
  await db.schema
    .createTable('unit_reservations')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reserved_by', 'text', (c) => c.notNull())
    .addColumn('reserved_at', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addPrimaryKeyConstraint('unit_reservations_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'unit_reservations_unit_fk',
      ['tenant_id', 'unit_id'],
      'units',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'unit_reservations_lead_fk',
      ['tenant_id', 'lead_id'],
      'leads',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await index('unit_reservations', 'unit_reservations_unit_idx', ['tenant_id', 'unit_id', 'released_at']);
  await index('unit_reservations', 'unit_reservations_lead_idx', ['tenant_id', 'lead_id', 'released_at']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['unit_reservations', 'lease_units', 'leases', 'parcels', 'units', 'floors', 'buildings', 'parks']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
