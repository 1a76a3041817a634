import { findEntry, officeDate, UNIT_TYPES } from '@kaimen/shared';
import type { ExpressionBuilder, Transaction } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { unitTaken } from '../property/rental-notices.units.js';

/**
 * The demo tenant's rental notices (issue 6): two published — a GMP plant unit, and two R&D labs of one floor — and a
 * draft for an office, all over units that are free on the seed date. Runs after the property and incubator demos (the
 * incubator leases vacant units to its graduates), and picks units in code order, so a seed gives the same notices.
 */
export const DEMO_RENTAL_NOTICES = 3;

const DAY = 86_400_000;
const CONTACT = { contactName: '赵载体', contactPhone: '0512-6288 1234' };

type Free = { id: string; code: string; type: string; area: number; floorId: string; floor: number; building: string };

const typeZh = (code: string) => findEntry(UNIT_TYPES, code)?.zh ?? code;
const sqm = (area: number) => `${area.toLocaleString('en-US')}㎡`;

/** e.g. "C 栋 GMP 厂房 2层 GMP厂房 1,200㎡ 招租", as the web form prefills it. */
const titleOf = (units: Free[]) =>
  `${units[0]!.building} ${units[0]!.floor}层 ${typeZh(units[0]!.type)} ${sqm(units.reduce((s, u) => s + u.area, 0))} 招租`;

export async function seedDemoRentalNotices(
  trx: Transaction<DB>,
  o: { tenantId: string; now: Date; createdBy: string },
) {
  const { tenantId } = o;
  const today = officeDate(o.now);
  const free: Free[] = await trx
    .selectFrom('units')
    .innerJoin('buildings', (j) =>
      j.onRef('buildings.tenantId', '=', 'units.tenantId').onRef('buildings.id', '=', 'units.buildingId'),
    )
    .innerJoin('floors', (j) =>
      j.onRef('floors.tenantId', '=', 'units.tenantId').onRef('floors.id', '=', 'units.floorId'),
    )
    .select([
      'units.id',
      'units.code',
      'units.type',
      'units.area',
      'units.floorId',
      'floors.number as floor',
      'buildings.name as building',
    ])
    .where('units.tenantId', '=', tenantId)
    .where((eb) => eb.not(unitTaken(today)(eb as unknown as ExpressionBuilder<DB, 'units'>)))
    .orderBy('units.code')
    .execute();
  const ofType = (type: string) => free.filter((u) => u.type === type);
  const labs = ofType('lab');
  const labFloor = labs.find((u) => labs.filter((l) => l.floorId === u.floorId).length >= 2)?.floorId;
  const plans = [
    {
      units: ofType('gmp').slice(0, 1),
      status: 'published',
      publishedDaysAgo: 12,
      body: '独立 GMP 厂房单元，C 级洁净区，层高 6 米，配套纯化水与独立排风，可用于制剂与生物药中试生产。\n可提供环评与 GMP 认证协助，入驻企业可申请园区租金补贴。',
    },
    {
      units: labs.filter((u) => u.floorId === labFloor).slice(0, 2),
      status: 'published',
      publishedDaysAgo: 5,
      body: '相邻两间研发实验室，可整租或分租，实验台、纯水与通风橱管线已预留。\n适合 CRO、检验检测与基因工程企业，拎包入驻。',
    },
    {
      units: ofType('office').slice(0, 1),
      status: 'draft',
      publishedDaysAgo: null,
      body: '研发办公楼标准办公单元，精装修，近园区食堂与会议中心。',
    },
  ];
  for (const plan of plans) {
    if (!plan.units.length) continue;
    const id = newId();
    const created = iso(new Date(o.now.getTime() - 20 * DAY));
    const publishedAt =
      plan.publishedDaysAgo === null ? null : iso(new Date(o.now.getTime() - plan.publishedDaysAgo * DAY));
    await trx
      .insertInto('rentalNotices')
      .values({
        tenantId,
        id,
        title: titleOf(plan.units),
        body: plan.body,
        ...CONTACT,
        askingRentPerSqm: null,
        status: plan.status,
        publishedAt,
        withdrawnAt: null,
        withdrawnReason: null,
        createdBy: o.createdBy,
        createdAt: created,
        updatedAt: publishedAt ?? created,
        version: publishedAt ? 2 : 1,
      })
      .execute();
    await trx
      .insertInto('rentalNoticeUnits')
      .values(plan.units.map((u) => ({ tenantId, noticeId: id, unitId: u.id })))
      .execute();
  }
}
