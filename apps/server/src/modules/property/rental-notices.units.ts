import { findEntry, UNIT_STATUSES } from '@kaimen/shared';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';
import { AppError } from '../../lib/app-error.js';
import { lastLeaseDay, leasedOn, unitLeases } from './inventory.service.js';

/**
 * Which units a rental notice may offer: a unit reads 空置 (vacant), is held for no lead, and no lease covers it from
 * the office's date on — a lease signed today that starts next month takes the unit off the market too.
 */

/** A lease covers the unit on `today` or later. */
const letFrom = (today: string) => (eb: ExpressionBuilder<DB, 'units'>) =>
  eb.exists(
    unitLeases(eb)
      .select(sql`1`.as('one'))
      .where(lastLeaseDay, '>=', today),
  );

const heldForLead = (eb: ExpressionBuilder<DB, 'units'>) =>
  eb.exists(
    eb
      .selectFrom('unitReservations')
      .select(sql`1`.as('one'))
      .whereRef('unitReservations.tenantId', '=', 'units.tenantId')
      .whereRef('unitReservations.unitId', '=', 'units.id')
      .where('unitReservations.releasedAt', 'is', null),
  );

/** The SQL twin of `takenAs(...) !== null`: the unit can no longer be offered. */
export const unitTaken = (today: string) => (eb: ExpressionBuilder<DB, 'units'>) =>
  eb.or([eb('units.status', '!=', 'vacant'), letFrom(today)(eb), heldForLead(eb)]);

export type NoticeUnitRow = Awaited<ReturnType<typeof loadNoticeUnits>>[number];

/** The units with their place, attributes and what stands in the way of offering them on `today`. */
export async function loadNoticeUnits(db: Executor, tenantId: string, unitIds: string[], today: string) {
  if (!unitIds.length) return [];
  return db
    .selectFrom('units')
    .innerJoin('buildings', (j) =>
      j.onRef('buildings.tenantId', '=', 'units.tenantId').onRef('buildings.id', '=', 'units.buildingId'),
    )
    .innerJoin('floors', (j) =>
      j.onRef('floors.tenantId', '=', 'units.tenantId').onRef('floors.id', '=', 'units.floorId'),
    )
    .selectAll('units')
    .select((eb) => {
      const u = eb as unknown as ExpressionBuilder<DB, 'units'>;
      return [
        'buildings.name as buildingName',
        'floors.number as floorNumber',
        'floors.label as floorLabel',
        leasedOn(today)(u).as('leasedNow'),
        letFrom(today)(u).as('let'),
        heldForLead(u).as('held'),
      ];
    })
    .where('units.tenantId', '=', tenantId)
    .where('units.id', 'in', unitIds)
    .orderBy('buildings.name')
    .orderBy('units.code')
    .execute();
}

/** Why a unit cannot be offered, as a UNIT_STATUSES code; null when it can. */
export function takenAs(u: Pick<NoticeUnitRow, 'status' | 'leasedNow' | 'let' | 'held'>): string | null {
  if (u.leasedNow || u.let) return 'leased';
  if (u.held) return 'reserved';
  return u.status === 'vacant' ? null : u.status;
}

export const presentNoticeUnit = (u: NoticeUnitRow) => ({
  id: u.id,
  building: { id: u.buildingId, name: u.buildingName },
  floor: { number: u.floorNumber, label: u.floorLabel },
  code: u.code,
  type: u.type,
  area: u.area,
  status: u.leasedNow ? 'leased' : u.status,
  available: takenAs(u) === null,
  monthlyRentPerSqm: u.monthlyRentPerSqm,
  floorLoadKn: u.floorLoadKn,
  labWater: !!u.labWater,
  exhaust: !!u.exhaust,
  cleanRoomGrade: u.cleanRoomGrade,
  gmpReady: !!u.gmpReady,
  envPermit: !!u.envPermit,
});

/** 409 naming every unit that may not be offered, and why (e.g. "A101（已租）、A102（意向）"). */
export function assertOfferable(units: NoticeUnitRow[], doing: 'create' | 'publish') {
  const taken = units.flatMap((u) => {
    const code = takenAs(u);
    const entry = code ? findEntry(UNIT_STATUSES, code) : undefined;
    return code ? [{ unit: u, zh: entry?.zh ?? code, en: entry?.en ?? code }] : [];
  });
  if (!taken.length) return;
  const zh = taken.map((x) => `${x.unit.code}（${x.zh}）`).join('、');
  const en = taken.map((x) => `${x.unit.code} (${x.en.toLowerCase()})`).join(', ');
  const detail =
    doing === 'create'
      ? {
          'zh-CN': `只有空置单元可以招租，以下单元不是空置：${zh}。`,
          en: `Only vacant units can be offered; not vacant: ${en}.`,
        }
      : {
          'zh-CN': `以下单元已不再空置，公告不能发布：${zh}。`,
          en: `The notice cannot be published; these units are no longer vacant: ${en}.`,
        };
  throw new AppError('conflict', {
    detail,
    extra: { unitIds: taken.map((x) => x.unit.id), unitCodes: taken.map((x) => x.unit.code) },
  });
}
