import { officeDate, PARCEL_STATUSES } from '@kaimen/shared';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';
import type { RequestContext } from '../../lib/actor.js';
import { parseJson } from '../../lib/json.js';
import { leasedOn } from './inventory.service.js';
import { EXPIRY_THRESHOLDS } from './leases.expiry.js';
import { unitsOfLeases } from './leases.service.js';
import { inventoryPolicy, leasesPolicy, parcelsPolicy } from './property.policy.js';

/**
 * The occupancy dashboard and the parcel map (issue 6). A unit's state is the one the rent-control table shows — 已租
 * while a lease covers the office's date (`leasedOn`), else the status set by hand — and every figure is a GROUP BY
 * over that state, so the dashboard and the table never disagree. Vacancy counts 空置 units only: 意向 (reserved) and
 * 装修 (fitting out) are not on the market and are reported apart.
 */
export interface OccupancyQuery {
  parkId?: string | undefined;
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
/** The next leases ending: enough for the dashboard's table, the leases page has the rest. */
const ENDING_LIST = 20;

/** A fraction to four places (0.1234 = 12.34 %), null when there is nothing to divide by. */
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Each unit with its state today, of the park asked for, in the actor's scope. */
function unitStates(db: Executor, ctx: RequestContext, q: OccupancyQuery, today: string) {
  let units = db
    .selectFrom('units')
    .innerJoin('buildings', (j) =>
      j.onRef('buildings.tenantId', '=', 'units.tenantId').onRef('buildings.id', '=', 'units.buildingId'),
    )
    .where(inventoryPolicy.where(ctx.actor!, 'read', 'units'))
    .select((eb) => [
      'units.buildingId',
      'units.type',
      'units.area',
      eb
        .case()
        .when(leasedOn(today)(eb as unknown as ExpressionBuilder<DB, 'units'>))
        .then(sql.lit('leased'))
        .else(eb.ref('units.status'))
        .end()
        .as('state'),
    ]);
  if (q.parkId) units = units.where('buildings.parkId', '=', q.parkId);
  return units;
}

interface FigureRow {
  units: number | string | bigint;
  area: number | string | null;
  leasedArea: number | string | null;
  vacantArea: number | string | null;
  reservedArea: number | string | null;
  leasedUnits: number | string | null;
  vacantUnits: number | string | null;
  reservedUnits: number | string | null;
}

function presentFigures(r: FigureRow) {
  const n = (v: unknown) => Number(v ?? 0);
  const units = n(r.units);
  const area = n(r.area);
  const vacantArea = n(r.vacantArea);
  const vacantUnits = n(r.vacantUnits);
  return {
    units,
    area,
    leasedArea: n(r.leasedArea),
    vacantArea,
    reservedArea: n(r.reservedArea),
    leasedUnits: n(r.leasedUnits),
    vacantUnits,
    reservedUnits: n(r.reservedUnits),
    vacancyRate: { byArea: rate(vacantArea, area), byCount: rate(vacantUnits, units) },
  };
}

const NO_UNITS: FigureRow = {
  units: 0,
  area: 0,
  leasedArea: 0,
  vacantArea: 0,
  reservedArea: 0,
  leasedUnits: 0,
  vacantUnits: 0,
  reservedUnits: 0,
};

/** Units, area and the leased / vacant / reserved parts, grouped by `by` (or all together). */
async function figuresBy(
  db: Executor,
  ctx: RequestContext,
  q: OccupancyQuery,
  today: string,
  by: 'buildingId' | 'type' | null,
) {
  const areaIn = (state: string) => sql<number>`sum(case when u.state = ${state} then u.area else 0 end)`;
  const countIn = (state: string) => sql<number>`sum(case when u.state = ${state} then 1 else 0 end)`;
  const base = db
    .selectFrom(unitStates(db, ctx, q, today).as('u'))
    .select((eb) => [
      eb.fn.countAll<number>().as('units'),
      eb.fn.sum<number>('u.area').as('area'),
      areaIn('leased').as('leasedArea'),
      areaIn('vacant').as('vacantArea'),
      areaIn('reserved').as('reservedArea'),
      countIn('leased').as('leasedUnits'),
      countIn('vacant').as('vacantUnits'),
      countIn('reserved').as('reservedUnits'),
    ]);
  if (by === null) return [{ key: '', ...(await base.executeTakeFirstOrThrow()) }];
  const col = by === 'type' ? 'u.type' : 'u.buildingId';
  return base.select(`${col} as key`).groupBy(col).orderBy(col).execute();
}

function buildingsOf(db: Executor, ctx: RequestContext, q: OccupancyQuery) {
  let query = db
    .selectFrom('buildings')
    .select(['id', 'parkId', 'name', 'outline'])
    .where(inventoryPolicy.where(ctx.actor!, 'read', 'buildings'));
  if (q.parkId) query = query.where('parkId', '=', q.parkId);
  return query.orderBy('name').orderBy('id').execute();
}

/** Every building of the park, with its figures (none for a building without units). */
async function buildingFigures(db: Executor, ctx: RequestContext, q: OccupancyQuery, today: string) {
  const [buildings, figures] = await Promise.all([buildingsOf(db, ctx, q), figuresBy(db, ctx, q, today, 'buildingId')]);
  const byBuilding = new Map(figures.map((f) => [f.key, f]));
  return buildings.map((b) => ({ building: b, figures: presentFigures(byBuilding.get(b.id) ?? NO_UNITS) }));
}

/** Land area per parcel status (every status, in the dictionary's order). */
async function parcelAreas(db: Executor, ctx: RequestContext) {
  const rows = await db
    .selectFrom('parcels')
    .where(parcelsPolicy.where(ctx.actor!, 'read', 'parcels'))
    .select((eb) => ['status', eb.fn.countAll<number>().as('parcels'), eb.fn.sum<number>('area').as('area')])
    .groupBy('status')
    .execute();
  const byStatus = new Map(rows.map((r) => [r.status, r]));
  const statuses = PARCEL_STATUSES.map(({ code }) => ({
    status: code,
    parcels: Number(byStatus.get(code)?.parcels ?? 0),
    area: Number(byStatus.get(code)?.area ?? 0),
  }));
  const idle = statuses.filter((s) => s.status === 'idle' || s.status === 'inefficient');
  return {
    byStatus: statuses,
    /** 闲置 + 低效: the land the office wants to put to use. */
    idleArea: idle.reduce((sum, s) => sum + s.area, 0),
  };
}

/**
 * Running leases whose last day is within 90 days (as the expiry notices count them: not terminated, started, not yet
 * ended), counted per threshold, and the next ones with their company and units.
 */
async function endingLeases(db: Executor, ctx: RequestContext, q: OccupancyQuery, today: string) {
  const horizon = addDays(today, EXPIRY_THRESHOLDS[0]);
  let base = db
    .selectFrom('leases')
    .where(leasesPolicy.where(ctx.actor!, 'list', 'leases'))
    .where('leases.terminatedOn', 'is', null)
    .where('leases.startsOn', '<=', today)
    .where('leases.endsOn', '>=', today)
    .where('leases.endsOn', '<=', horizon);
  if (q.parkId) {
    const parkId = q.parkId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('leaseUnits')
          .innerJoin('units', (j) =>
            j.onRef('units.tenantId', '=', 'leaseUnits.tenantId').onRef('units.id', '=', 'leaseUnits.unitId'),
          )
          .innerJoin('buildings', (j) =>
            j.onRef('buildings.tenantId', '=', 'units.tenantId').onRef('buildings.id', '=', 'units.buildingId'),
          )
          .select(sql`1`.as('one'))
          .whereRef('leaseUnits.tenantId', '=', 'leases.tenantId')
          .whereRef('leaseUnits.leaseId', '=', 'leases.id')
          .where('buildings.parkId', '=', parkId),
      ),
    );
  }
  const within = (days: number) =>
    sql<number>`sum(case when ${sql.ref('leases.endsOn')} <= ${addDays(today, days)} then 1 else 0 end)`;
  const [counts, rows] = await Promise.all([
    base.select(EXPIRY_THRESHOLDS.map((d) => within(d).as(`d${d}`))).executeTakeFirstOrThrow(),
    base
      .innerJoin('enterprises', (j) =>
        j.onRef('enterprises.tenantId', '=', 'leases.tenantId').onRef('enterprises.id', '=', 'leases.enterpriseId'),
      )
      .select(['leases.id', 'leases.tenantId', 'leases.endsOn', 'enterprises.id as enterpriseId', 'enterprises.name'])
      .orderBy('leases.endsOn')
      .orderBy('leases.id')
      .limit(ENDING_LIST)
      .execute(),
  ]);
  const units = await unitsOfLeases(
    db,
    rows[0]?.tenantId ?? '',
    rows.map((r) => r.id),
  );
  const c = counts as Record<string, unknown>;
  return {
    within30: Number(c.d30 ?? 0),
    within60: Number(c.d60 ?? 0),
    within90: Number(c.d90 ?? 0),
    next: rows.map((r) => ({
      id: r.id,
      enterprise: { id: r.enterpriseId, name: r.name },
      units: units.get(r.id) ?? [],
      endsOn: r.endsOn,
      daysLeft: Math.round((Date.parse(r.endsOn) - Date.parse(today)) / DAY_MS),
    })),
  };
}

/** GET /api/property/occupancy: vacancy by building and by unit type, land by status, leases ending soon. */
export async function getOccupancy(db: Executor, ctx: RequestContext, q: OccupancyQuery) {
  const today = officeDate(ctx.now);
  const [total, buildings, types, parcels, leasesEnding] = await Promise.all([
    figuresBy(db, ctx, q, today, null),
    buildingFigures(db, ctx, q, today),
    figuresBy(db, ctx, q, today, 'type'),
    parcelAreas(db, ctx),
    endingLeases(db, ctx, q, today),
  ]);
  return {
    date: today,
    total: presentFigures(total[0]!),
    buildings: buildings.map(({ building: b, figures }) => ({ id: b.id, parkId: b.parkId, name: b.name, ...figures })),
    unitTypes: types.map((t) => ({ type: t.key, ...presentFigures(t) })),
    parcels,
    leasesEnding,
  };
}

type Outline = { type: string; coordinates: unknown[] };

/** GET /api/property/map: what the parcel map draws — parcels by status, buildings with their vacancy on top. */
export async function getPropertyMap(db: Executor, ctx: RequestContext, q: OccupancyQuery) {
  const today = officeDate(ctx.now);
  const [parcels, buildings] = await Promise.all([
    db
      .selectFrom('parcels')
      .select(['id', 'code', 'name', 'status', 'area', 'outline'])
      .where(parcelsPolicy.where(ctx.actor!, 'read', 'parcels'))
      .where('outline', 'is not', null)
      .orderBy('code')
      .orderBy('id')
      .execute(),
    buildingFigures(db, ctx, q, today),
  ]);
  return {
    parcels: parcels.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      status: p.status,
      area: p.area,
      outline: parseJson<Outline | null>(p.outline, null),
    })),
    buildings: buildings
      .filter(({ building: b }) => b.outline !== null)
      .map(({ building: b, figures: f }) => ({
        id: b.id,
        parkId: b.parkId,
        name: b.name,
        outline: parseJson<Outline | null>(b.outline, null),
        units: f.units,
        area: f.area,
        vacantArea: f.vacantArea,
        vacancyRate: f.vacancyRate.byArea,
      })),
  };
}
