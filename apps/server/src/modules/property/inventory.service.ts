import { containsText } from '../../lib/like.js';
import { officeDate, ZBuildingInput, ZFloorInput, ZParkInput, ZUnitInput } from '@kaimen/shared';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';
import type { BuildingsTable, FloorsTable, ParksTable, UnitsTable } from '../../db/schema/property.js';
import { tenantOf, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { parseJson } from '../../lib/json.js';
import { iso } from '../../lib/time.js';
import { inventoryPolicy } from './property.policy.js';
import { flag, given, insertRecord, loadForUpdate, loadRecord, outlineText, saveRecord } from './property.records.js';
import type {
  TListUnitsRequest,
  ZUpdateBuildingRequest,
  ZUpdateParkRequest,
  ZUpdateUnitRequest,
} from './property.schemas.js';

type Stamped = { createdAt: string; updatedAt: string; version: number };
const stamps = (ctx: RequestContext): Stamped => ({ createdAt: iso(ctx.now), updatedAt: iso(ctx.now), version: 1 });

const invalid = (ctx: RequestContext, field: string, zh: string, en: string) =>
  new AppError('validation', { errors: [{ field, message: ctx.locale === 'en' ? en : zh, code: 'invalid' }] });

/** The last day a lease covers its units: the day it ended early, or its end. */
export const lastLeaseDay = sql<string>`coalesce(${sql.ref('leases.terminatedOn')}, ${sql.ref('leases.endsOn')})`;

/**
 * Lease units with their leases, `lease_units` first: a cross join with the join condition in the where keeps SQLite's
 * outer loop on `lease_units` (found by its unit index). An inner join let SQLite without statistics drive from
 * `leases` instead — every lease for every unit: 77 ms a unit at 50,000 units (bench/property.bench.ts).
 */
export const leaseUnitsWithLeases = (db: Executor) =>
  db
    .selectFrom('leaseUnits')
    .crossJoin('leases')
    .whereRef('leases.tenantId', '=', 'leaseUnits.tenantId')
    .whereRef('leases.id', '=', 'leaseUnits.leaseId');

/** The same, in a subquery about a unit (the unit's own columns are correlated by the caller). */
export const unitLeases = (eb: ExpressionBuilder<DB, 'units'>) =>
  eb
    .selectFrom('leaseUnits')
    .crossJoin('leases')
    .whereRef('leases.tenantId', '=', 'leaseUnits.tenantId')
    .whereRef('leases.id', '=', 'leaseUnits.leaseId')
    .whereRef('leaseUnits.tenantId', '=', 'units.tenantId')
    .whereRef('leaseUnits.unitId', '=', 'units.id');

/** A lease covers the unit on `today`: while it does, the unit reads 已租 (leased) — computed, never stored. */
export const leasedOn = (today: string) => (eb: ExpressionBuilder<DB, 'units'>) =>
  eb.exists(
    unitLeases(eb)
      .select(sql`1`.as('one'))
      .where('leases.startsOn', '<=', today)
      .where(lastLeaseDay, '>=', today),
  );

// ---------------------------------------------------------------------------
// Parks

export const presentPark = (p: Selectable<ParksTable>) => ({
  id: p.id,
  name: p.name,
  address: p.address,
  notes: p.notes,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  version: p.version,
});

export async function findParks(db: Executor, ctx: RequestContext) {
  const rows = await db
    .selectFrom('parks')
    .selectAll()
    .where(inventoryPolicy.where(ctx.actor!, 'read', 'parks'))
    .orderBy('name')
    .execute();
  return { items: rows.map(presentPark) };
}

export async function createPark(deps: Deps, ctx: RequestContext, input: z.output<typeof ZParkInput>) {
  const row = {
    tenantId: tenantOf(ctx.actor!),
    id: newId(),
    name: input.name,
    address: input.address ?? null,
    notes: input.notes ?? null,
    ...stamps(ctx),
  };
  await deps.database.transaction((trx) => insertRecord(trx, ctx, 'parks', 'park', row));
  return presentPark(row);
}

export async function updatePark(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZUpdateParkRequest>,
) {
  const { version, ...patch } = input;
  return deps.database.transaction(async (trx) => {
    const before = await loadForUpdate(trx, 'parks', 'park', tenantOf(ctx.actor!), id, version);
    return presentPark(await saveRecord(trx, ctx, 'parks', 'park', before, given(patch)));
  });
}

// ---------------------------------------------------------------------------
// Buildings and floors

export const presentBuilding = (b: Selectable<BuildingsTable>) => ({
  id: b.id,
  parkId: b.parkId,
  name: b.name,
  floorCount: b.floorCount,
  outline: parseJson<{ type: string; coordinates: unknown[] } | null>(b.outline, null),
  notes: b.notes,
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
  version: b.version,
});

const presentFloor = (f: Selectable<FloorsTable>) => ({
  id: f.id,
  buildingId: f.buildingId,
  number: f.number,
  label: f.label,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
  version: f.version,
});

export async function findBuildings(db: Executor, ctx: RequestContext, q: { parkId?: string | undefined }) {
  let query = db
    .selectFrom('buildings')
    .selectAll()
    .where(inventoryPolicy.where(ctx.actor!, 'read', 'buildings'));
  if (q.parkId) query = query.where('parkId', '=', q.parkId);
  const rows = await query.orderBy('name').orderBy('id').execute();
  return { items: rows.map(presentBuilding) };
}

/** All of a building's units come with its page (the 租控表 shows every one; the list's page size is 200). */
const MAX_BUILDING_UNITS = 10_000;

export async function getBuilding(db: Executor, ctx: RequestContext, id: string) {
  const tenantId = tenantOf(ctx.actor!);
  const b = await loadRecord(db, 'buildings', tenantId, id);
  if (!b) throw notFound('building', id);
  const [floors, units] = await Promise.all([
    db
      .selectFrom('floors')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('buildingId', '=', id)
      .orderBy('number')
      .execute(),
    findUnitItems(db, ctx, { buildingId: id, page: 1, pageSize: MAX_BUILDING_UNITS, sort: 'code' }),
  ]);
  return { ...presentBuilding(b), floors: floors.map(presentFloor), units };
}

export async function createBuilding(deps: Deps, ctx: RequestContext, input: z.output<typeof ZBuildingInput>) {
  const tenantId = tenantOf(ctx.actor!);
  const row = {
    tenantId,
    id: newId(),
    parkId: input.parkId,
    name: input.name,
    floorCount: input.floorCount,
    outline: outlineText(input.outline) ?? null,
    notes: input.notes ?? null,
    ...stamps(ctx),
  };
  await deps.database.transaction(async (trx) => {
    if (!(await loadRecord(trx, 'parks', tenantId, input.parkId)))
      throw invalid(ctx, 'parkId', '未知的园区', 'Unknown park');
    await insertRecord(trx, ctx, 'buildings', 'building', row);
  });
  return presentBuilding(row);
}

export async function updateBuilding(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZUpdateBuildingRequest>,
) {
  const { version, outline, ...rest } = input;
  return deps.database.transaction(async (trx) => {
    const before = await loadForUpdate(trx, 'buildings', 'building', tenantOf(ctx.actor!), id, version);
    const patch = given({ ...rest, outline: outlineText(outline) });
    return presentBuilding(await saveRecord(trx, ctx, 'buildings', 'building', before, patch));
  });
}

export async function createFloor(deps: Deps, ctx: RequestContext, input: z.output<typeof ZFloorInput>) {
  const tenantId = tenantOf(ctx.actor!);
  const row = {
    tenantId,
    id: newId(),
    buildingId: input.buildingId,
    number: input.number,
    label: input.label ?? null,
    ...stamps(ctx),
  };
  await deps.database.transaction(async (trx) => {
    if (!(await loadRecord(trx, 'buildings', tenantId, input.buildingId)))
      throw invalid(ctx, 'buildingId', '未知的楼栋', 'Unknown building');
    await insertRecord(trx, ctx, 'floors', 'floor', row);
  });
  return presentFloor(row);
}

// ---------------------------------------------------------------------------
// Units

type UnitRow = Selectable<UnitsTable> & {
  buildingName: string;
  parkId: string;
  floorNumber: number;
  floorLabel: string | null;
  leased: unknown;
  reservedLeadId: string | null;
  reservedCompany: string | null;
};

const presentUnit = (u: UnitRow) => ({
  id: u.id,
  building: { id: u.buildingId, name: u.buildingName, parkId: u.parkId },
  floor: { id: u.floorId, number: u.floorNumber, label: u.floorLabel },
  code: u.code,
  type: u.type,
  area: u.area,
  status: u.leased ? 'leased' : u.status,
  setStatus: u.status,
  monthlyRentPerSqm: u.monthlyRentPerSqm,
  floorLoadKn: u.floorLoadKn,
  labWater: !!u.labWater,
  exhaust: !!u.exhaust,
  cleanRoomGrade: u.cleanRoomGrade,
  gmpReady: !!u.gmpReady,
  envPermit: !!u.envPermit,
  notes: u.notes,
  /** The lead it is held for (意向), while a reservation is open. */
  reservation: u.reservedLeadId ? { leadId: u.reservedLeadId, companyName: u.reservedCompany ?? '' } : null,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
  version: u.version,
});

function unitsQuery(db: Executor, ctx: RequestContext) {
  return db
    .selectFrom('units')
    .innerJoin('buildings', (j) =>
      j.onRef('buildings.tenantId', '=', 'units.tenantId').onRef('buildings.id', '=', 'units.buildingId'),
    )
    .innerJoin('floors', (j) =>
      j.onRef('floors.tenantId', '=', 'units.tenantId').onRef('floors.id', '=', 'units.floorId'),
    )
    .where(inventoryPolicy.where(ctx.actor!, 'read', 'units'));
}

const unitColumns = (today: string) => (eb: ExpressionBuilder<DB, 'units' | 'buildings' | 'floors'>) => [
  'buildings.name as buildingName' as const,
  'buildings.parkId' as const,
  'floors.number as floorNumber' as const,
  'floors.label as floorLabel' as const,
  leasedOn(today)(eb as unknown as ExpressionBuilder<DB, 'units'>).as('leased'),
  openReservation(eb as unknown as ExpressionBuilder<DB, 'units'>)
    .select('unitReservations.leadId')
    .as('reservedLeadId'),
  openReservation(eb as unknown as ExpressionBuilder<DB, 'units'>)
    .innerJoin('leads', (j) =>
      j.onRef('leads.tenantId', '=', 'unitReservations.tenantId').onRef('leads.id', '=', 'unitReservations.leadId'),
    )
    .select('leads.companyName')
    .as('reservedCompany'),
];

/** The unit's open reservation (at most one: reserving checks it in the write transaction). */
const openReservation = (eb: ExpressionBuilder<DB, 'units'>) =>
  eb
    .selectFrom('unitReservations')
    .whereRef('unitReservations.tenantId', '=', 'units.tenantId')
    .whereRef('unitReservations.unitId', '=', 'units.id')
    .where('unitReservations.releasedAt', 'is', null)
    .limit(1);

const SORT = { code: 'units.code', area: 'units.area', rent: 'units.monthlyRentPerSqm' } as const;

/** The units a list request finds, unsorted and unpaged, and the office's date their states are read on. */
function filteredUnits(db: Executor, ctx: RequestContext, q: TListUnitsRequest) {
  const today = officeDate(ctx.now);
  let base = unitsQuery(db, ctx);
  if (q.type) base = base.where('units.type', '=', q.type);
  if (q.status === 'leased') base = base.where(leasedOn(today));
  else if (q.status) base = base.where('units.status', '=', q.status).where((eb) => eb.not(leasedOn(today)(eb)));
  if (q.minArea !== undefined) base = base.where('units.area', '>=', q.minArea);
  if (q.maxArea !== undefined) base = base.where('units.area', '<=', q.maxArea);
  if (q.buildingId) base = base.where('units.buildingId', '=', q.buildingId);
  if (q.parkId) base = base.where('buildings.parkId', '=', q.parkId);
  if (q.minFloorLoadKn !== undefined) base = base.where('units.floorLoadKn', '>=', q.minFloorLoadKn);
  for (const f of ['labWater', 'exhaust', 'gmpReady', 'envPermit'] as const) {
    if (q[f] !== undefined) base = base.where(`units.${f}`, '=', q[f] ? 1 : 0);
  }
  if (q.cleanRoomGrade) base = base.where('units.cleanRoomGrade', '=', q.cleanRoomGrade);
  if (q.reservedFor) {
    const lead = q.reservedFor;
    base = base.where((eb) =>
      eb.exists(
        openReservation(eb)
          .select(sql`1`.as('one'))
          .where('unitReservations.leadId', '=', lead),
      ),
    );
  }
  if (q.q) base = base.where(containsText('units.code', q.q));
  return { base, today };
}

async function unitPage(base: ReturnType<typeof filteredUnits>['base'], today: string, q: TListUnitsRequest) {
  const sort = q.sort ?? 'code';
  const desc = sort.startsWith('-');
  const col = SORT[sort.replace('-', '') as keyof typeof SORT];
  const rows = await base
    .selectAll('units')
    .select(unitColumns(today))
    .orderBy(col, desc ? 'desc' : 'asc')
    .orderBy('units.id', desc ? 'desc' : 'asc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return rows.map(presentUnit);
}

export async function findUnits(db: Executor, ctx: RequestContext, q: TListUnitsRequest) {
  const { base, today } = filteredUnits(db, ctx, q);
  const [count, items] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    unitPage(base, today, q),
  ]);
  return { items, total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

/** findUnits' page without its total, for callers that never show one (matching, a building's page). */
export function findUnitItems(db: Executor, ctx: RequestContext, q: TListUnitsRequest) {
  const { base, today } = filteredUnits(db, ctx, q);
  return unitPage(base, today, q);
}

export async function getUnit(db: Executor, ctx: RequestContext, id: string) {
  const row = await unitsQuery(db, ctx)
    .selectAll('units')
    .select(unitColumns(officeDate(ctx.now)))
    .where('units.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('unit', id);
  return presentUnit(row);
}

export async function createUnit(deps: Deps, ctx: RequestContext, input: z.output<typeof ZUnitInput>) {
  const tenantId = tenantOf(ctx.actor!);
  const id = newId();
  await deps.database.transaction(async (trx) => {
    const floor = await loadRecord(trx, 'floors', tenantId, input.floorId);
    if (!floor) throw invalid(ctx, 'floorId', '未知的楼层', 'Unknown floor');
    await insertRecord(trx, ctx, 'units', 'unit', {
      tenantId,
      id,
      buildingId: floor.buildingId,
      floorId: floor.id,
      code: input.code,
      type: input.type,
      area: input.area,
      status: input.status ?? 'vacant',
      monthlyRentPerSqm: input.monthlyRentPerSqm ?? null,
      floorLoadKn: input.floorLoadKn ?? null,
      labWater: flag(input.labWater) ?? 0,
      exhaust: flag(input.exhaust) ?? 0,
      cleanRoomGrade: input.cleanRoomGrade ?? null,
      gmpReady: flag(input.gmpReady) ?? 0,
      envPermit: flag(input.envPermit) ?? 0,
      notes: input.notes ?? null,
      ...stamps(ctx),
    });
  });
  return getUnit(deps.database.db, ctx, id);
}

export async function updateUnit(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZUpdateUnitRequest>,
) {
  const { version, labWater, exhaust, gmpReady, envPermit, ...rest } = input;
  await deps.database.transaction(async (trx) => {
    const before = await loadForUpdate(trx, 'units', 'unit', tenantOf(ctx.actor!), id, version);
    const patch = given({
      ...rest,
      labWater: flag(labWater),
      exhaust: flag(exhaust),
      gmpReady: flag(gmpReady),
      envPermit: flag(envPermit),
    });
    await saveRecord(trx, ctx, 'units', 'unit', before, patch);
  });
  return getUnit(deps.database.db, ctx, id);
}
