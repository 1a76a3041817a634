import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';

/**
 * The demo tenant's incubator (issue 6): a building of its own in the demo park — an open-desk hall, a shared office
 * and small incubation rooms, all run by the office itself (自用) — and DEMO_INCUBATEES small companies of the registry
 * (those the registry places in the 孵化器 first): most incubating at desks or in rooms, DEMO_GRADUATED graduated into
 * a vacant unit of the park with a lease of their own, DEMO_LEFT left. Runs after the property demo and picks
 * companies and units in a fixed order, so the same seed gives the same incubator.
 */
export const DEMO_INCUBATEES = 20;
export const DEMO_GRADUATED = 3;
export const DEMO_LEFT = 2;
export const DEMO_INCUBATOR_BUILDING = 'E 栋 科创孵化器';

const DAY = 86_400_000;
/** The hall and the shared office (desks), then the rooms. */
const SHARED = [
  { code: 'E101', area: 680, notes: '众创空间：开放工位 A-01 至 A-60' },
  { code: 'E102', area: 420, notes: '共享办公区：固定工位 B-01 至 B-30' },
];
const ROOMS = ['E201', 'E202', 'E203', 'E204', 'E205', 'E206', 'E207', 'E208'];
export const DEMO_INCUBATOR_UNITS = SHARED.length + ROOMS.length;

const MENTORS = [
  '张文博（药学院教授）',
  '刘思远（生物医药产业基金合伙人）',
  '陈立华（CRO 企业创始人）',
  '王敏（注册申报顾问）',
  '李建国（GMP 质量专家）',
  null,
];
const LEFT_REASONS = ['迁往外地发展', '经营调整，终止孵化'];

export async function seedDemoIncubator(trx: Transaction<DB>, o: { tenantId: string; now: Date; createdBy: string }) {
  const { tenantId } = o;
  const stamp = iso(o.now);
  const stamps = { createdAt: stamp, updatedAt: stamp, version: 1 };
  const day = (offsetDays: number) =>
    new Date(o.now.getTime() + 8 * 3_600_000 + offsetDays * DAY).toISOString().slice(0, 10);

  const park = await trx
    .selectFrom('parks')
    .select('id')
    .where('tenantId', '=', tenantId)
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const buildingId = newId();
  await trx
    .insertInto('buildings')
    .values({
      tenantId,
      id: buildingId,
      parkId: park.id,
      name: DEMO_INCUBATOR_BUILDING,
      floorCount: 2,
      outline: null,
      notes: '园区孵化器：众创空间、共享办公与孵化办公室',
      ...stamps,
    })
    .execute();
  const floorIds = [newId(), newId()];
  await trx
    .insertInto('floors')
    .values(floorIds.map((id, i) => ({ tenantId, id, buildingId, number: i + 1, label: null, ...stamps })))
    .execute();
  const unit = (code: string, floorId: string, type: string, area: number, notes: string | null) => ({
    tenantId,
    id: newId(),
    buildingId,
    floorId,
    code,
    type,
    area,
    status: 'self_used',
    monthlyRentPerSqm: null,
    floorLoadKn: 3.5,
    cleanRoomGrade: null,
    notes,
    ...stamps,
  });
  const shared = SHARED.map((s) => unit(s.code, floorIds[0]!, 'desk', s.area, s.notes));
  const rooms = ROOMS.map((code, i) => unit(code, floorIds[1]!, 'office', 60 + (i % 3) * 30, '孵化办公室'));
  await trx
    .insertInto('units')
    .values([...shared, ...rooms])
    .execute();

  // The registry's incubator companies first, then other small ones; by USCC, which the generator fixes.
  const companies = await trx
    .selectFrom('enterprises')
    .select(['id', 'park'])
    .where('tenantId', '=', tenantId)
    .where('size', 'in', ['micro', 'small'])
    .orderBy('uscc')
    .execute();
  const picked = [
    ...companies.filter((c) => c.park === '孵化器'),
    ...companies.filter((c) => c.park !== '孵化器'),
  ].slice(0, DEMO_INCUBATEES);

  // Graduates move into vacant units of the park that no lease has ever covered: no demo lease is overlapped.
  const free = await trx
    .selectFrom('units')
    .innerJoin('buildings', (j) =>
      j.onRef('buildings.tenantId', '=', 'units.tenantId').onRef('buildings.id', '=', 'units.buildingId'),
    )
    .select(['units.id', 'units.area', 'units.monthlyRentPerSqm'])
    .where('units.tenantId', '=', tenantId)
    .where('units.status', '=', 'vacant')
    .where('units.type', 'in', ['office', 'lab'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('leaseUnits')
            .select('leaseUnits.unitId')
            .whereRef('leaseUnits.tenantId', '=', 'units.tenantId')
            .whereRef('leaseUnits.unitId', '=', 'units.id'),
        ),
      ),
    )
    .orderBy('buildings.name')
    .orderBy('units.code')
    .limit(DEMO_GRADUATED)
    .execute();

  const rows = [];
  const leases = [];
  const leaseUnits = [];
  for (const [i, company] of picked.entries()) {
    const graduated = i < DEMO_GRADUATED && i < free.length;
    const left = !graduated && i >= DEMO_GRADUATED && i < DEMO_GRADUATED + DEMO_LEFT;
    // Graduates and leavers came in two to three years ago; the others over the past two years.
    const entry = graduated || left ? -(730 + i * 45) : -(20 + i * 41);
    // Rooms for the first incubating companies and the graduates, desks for the rest.
    const inRoom = i < ROOMS.length;
    const desk = inRoom ? null : `${i % 2 ? 'B' : 'A'}-${String(i + 1).padStart(2, '0')}`;
    const sitsIn = inRoom ? rooms[i]! : shared[i % 2]!;
    let graduation = { graduatedOn: null as string | null, graduationUnitId: null as string | null };
    let graduationLeaseId: string | null = null;
    if (graduated) {
      const own = free[i]!;
      const startsOn = day(-120 - i * 60);
      const rent = Math.round(own.area * (own.monthlyRentPerSqm ?? 50));
      graduationLeaseId = newId();
      graduation = { graduatedOn: startsOn, graduationUnitId: own.id };
      leases.push({
        tenantId,
        id: graduationLeaseId,
        enterpriseId: company.id,
        startsOn,
        endsOn: day(-120 - i * 60 + 3 * 365 - 1),
        monthlyRent: rent,
        deposit: rent * 3,
        rentFreeMonths: 3,
        escalationPercent: 3,
        notes: '孵化毕业入驻',
        terminatedOn: null,
        createdBy: o.createdBy,
        ...stamps,
      });
      leaseUnits.push({ tenantId, leaseId: graduationLeaseId, unitId: own.id });
    }
    rows.push({
      tenantId,
      id: newId(),
      enterpriseId: company.id,
      unitId: sitsIn.id,
      desk,
      entryDate: day(entry),
      plannedExitDate: day(entry + 3 * 365),
      mentor: MENTORS[i % MENTORS.length]!,
      status: graduated ? 'graduated' : left ? 'left' : 'incubating',
      ...graduation,
      leftOn: left ? day(-30 - i * 20) : null,
      graduationLeaseId,
      leftReason: left ? LEFT_REASONS[i - DEMO_GRADUATED]! : null,
      notes: null,
      createdBy: o.createdBy,
      ...stamps,
    });
  }
  if (leases.length) {
    await trx.insertInto('leases').values(leases).execute();
    await trx.insertInto('leaseUnits').values(leaseUnits).execute();
  }
  await trx.insertInto('incubatees').values(rows).execute();
  return { units: DEMO_INCUBATOR_UNITS, incubatees: rows.length, graduated: leases.length };
}
