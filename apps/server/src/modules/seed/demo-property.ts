import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { hashSeed, RowRandom } from './generator-random.js';

/**
 * The demo tenant's property (issue 6): one park of four buildings — offices, R&D labs, a GMP plant, standard
 * plants — with about 200 units and their biotech attributes, a little over half of them leased to companies of the
 * registry (some leases ending within 90 days), and 30 land parcels with outlines around the park. Dates end at the
 * seed time.
 */
export const DEMO_PROPERTY_UNITS = 200;
export const DEMO_PARCELS = 30;

const SEED = 'kaimen-demo-property';
const DAY = 86_400_000;
/** The park's corner (south-west), in a Suzhou-like place: outlines are drawn from here. */
const ORIGIN = { lon: 120.7, lat: 31.3 };
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((ORIGIN.lat * Math.PI) / 180);

interface Plan {
  name: string;
  floors: number;
  perFloor: number;
  type: string;
  area: [number, number];
  rent: [number, number];
  /** x, y of the footprint's corner and its size, in metres from the origin. */
  at: [number, number, number, number];
  attrs: (r: RowRandom) => Record<string, number | string | null>;
}

const BUILDINGS: Plan[] = [
  {
    name: 'A 栋 研发办公楼',
    floors: 8,
    perFloor: 10,
    type: 'office',
    area: [120, 480],
    rent: [45, 65],
    at: [60, 60, 60, 30],
    attrs: () => ({ floorLoadKn: 3.5 }),
  },
  {
    name: 'B 栋 研发实验楼',
    floors: 6,
    perFloor: 10,
    type: 'lab',
    area: [200, 800],
    rent: [60, 85],
    at: [160, 60, 70, 35],
    attrs: (r) => ({ floorLoadKn: 5, labWater: 1, exhaust: r.chance(0.85) ? 1 : 0, envPermit: r.chance(0.4) ? 1 : 0 }),
  },
  {
    name: 'C 栋 GMP 厂房',
    floors: 4,
    perFloor: 6,
    type: 'gmp',
    area: [1200, 3600],
    rent: [50, 70],
    at: [60, 160, 110, 50],
    attrs: (r) => ({
      floorLoadKn: 10,
      labWater: 1,
      exhaust: 1,
      gmpReady: 1,
      cleanRoomGrade: r.pick(['C 级', 'D 级', 'B 级']),
      envPermit: r.chance(0.7) ? 1 : 0,
    }),
  },
  {
    name: 'D 栋 标准厂房',
    floors: 3,
    perFloor: 12,
    type: 'standard_plant',
    area: [600, 2000],
    rent: [25, 38],
    at: [200, 160, 90, 45],
    attrs: (r) => ({ floorLoadKn: r.pick([8, 10, 12]) }),
  },
];

/** A rectangle `w`×`h` metres at (x, y) metres from the origin, as a GeoJSON polygon. */
function rectangle(x: number, y: number, w: number, h: number) {
  const p = (dx: number, dy: number) => [
    Math.round((ORIGIN.lon + dx / M_PER_DEG_LON) * 1e6) / 1e6,
    Math.round((ORIGIN.lat + dy / M_PER_DEG_LAT) * 1e6) / 1e6,
  ];
  return JSON.stringify({
    type: 'Polygon',
    coordinates: [[p(x, y), p(x + w, y), p(x + w, y + h), p(x, y + h), p(x, y)]],
  });
}

export async function seedDemoProperty(trx: Transaction<DB>, o: { tenantId: string; now: Date; createdBy: string }) {
  const { tenantId } = o;
  const stamp = iso(o.now);
  const stamps = { createdAt: stamp, updatedAt: stamp, version: 1 };
  const seedHash = hashSeed(SEED);
  let n = 0;
  const rnd = () => new RowRandom(seedHash, n++);
  const day = (offsetDays: number) =>
    new Date(o.now.getTime() + 8 * 3_600_000 + offsetDays * DAY).toISOString().slice(0, 10);

  const parkId = newId();
  await trx
    .insertInto('parks')
    .values({ tenantId, id: parkId, name: '开门生物医药产业园', address: '生物医药大道 88 号', notes: null, ...stamps })
    .execute();
  const units: { id: string; type: string; area: number; rent: number }[] = [];
  for (const plan of BUILDINGS) {
    const buildingId = newId();
    await trx
      .insertInto('buildings')
      .values({
        tenantId,
        id: buildingId,
        parkId,
        name: plan.name,
        floorCount: plan.floors,
        outline: rectangle(...plan.at),
        notes: null,
        ...stamps,
      })
      .execute();
    for (let f = 1; f <= plan.floors; f++) {
      const floorId = newId();
      await trx
        .insertInto('floors')
        .values({ tenantId, id: floorId, buildingId, number: f, label: null, ...stamps })
        .execute();
      const rows = [];
      for (let u = 1; u <= plan.perFloor; u++) {
        const r = rnd();
        const area = Math.round(r.int(plan.area[0], plan.area[1]) / 10) * 10;
        const rent = r.int(plan.rent[0], plan.rent[1]);
        const id = newId();
        units.push({ id, type: plan.type, area, rent });
        rows.push({
          tenantId,
          id,
          buildingId,
          floorId,
          code: `${plan.name[0]}${f}${String(u).padStart(2, '0')}`,
          type: plan.type,
          area,
          status: r.weighted([
            ['vacant', 90],
            ['fitting_out', 6],
            ['self_used', 4],
          ] as const),
          monthlyRentPerSqm: rent,
          floorLoadKn: null,
          labWater: 0,
          exhaust: 0,
          cleanRoomGrade: null,
          gmpReady: 0,
          envPermit: 0,
          notes: null,
          ...plan.attrs(r),
          ...stamps,
        });
      }
      await trx.insertInto('units').values(rows).execute();
    }
  }

  // Leases: a little over half of the units, to companies of the registry; terms of one to five years.
  const companies = await trx
    .selectFrom('enterprises')
    .select('id')
    .where('tenantId', '=', tenantId)
    .orderBy('id')
    .limit(400)
    .execute();
  const leases = [];
  const leaseUnits = [];
  for (const unit of units) {
    const r = rnd();
    if (!r.chance(0.58)) continue;
    const startOffset = -r.int(30, 1400);
    const years = r.int(1, 5);
    let ends = startOffset + years * 365 - 1;
    // Some end soon (the 90/60/30-day alerts have something to say); expired ones are not kept in the demo.
    if (ends < 0) ends = r.int(5, 400);
    const id = newId();
    leases.push({
      tenantId,
      id,
      enterpriseId: r.pick(companies).id,
      startsOn: day(startOffset),
      endsOn: day(ends),
      monthlyRent: Math.round(unit.area * unit.rent),
      deposit: Math.round(unit.area * unit.rent * 3),
      rentFreeMonths: r.pick([0, 0, 1, 2, 3]),
      escalationPercent: r.pick([0, 3, 5]),
      notes: null,
      terminatedOn: null,
      createdBy: o.createdBy,
      ...stamps,
    });
    leaseUnits.push({ tenantId, leaseId: id, unitId: unit.id });
  }
  for (let i = 0; i < leases.length; i += 100) {
    await trx
      .insertInto('leases')
      .values(leases.slice(i, i + 100))
      .execute();
    await trx
      .insertInto('leaseUnits')
      .values(leaseUnits.slice(i, i + 100))
      .execute();
  }

  // Parcels around the park: a grid of plots, some idle or inefficient (what the office wants to revitalise).
  const parcels = [];
  for (let i = 0; i < DEMO_PARCELS; i++) {
    const r = rnd();
    const w = r.int(80, 220);
    const h = r.int(60, 160);
    const x = 400 + (i % 6) * 260;
    const y = Math.floor(i / 6) * 200 - 200;
    parcels.push({
      tenantId,
      id: newId(),
      code: `KM-${String(i + 1).padStart(3, '0')}`,
      name: `${r.pick(['东', '西', '南', '北'])}区 ${i + 1} 号地块`,
      area: w * h,
      zoning: r.pick(['工业用地（M1）', '科研用地（A35）', '商务用地（B2）']),
      status: r.weighted([
        ['in_use', 45],
        ['idle', 20],
        ['inefficient', 20],
        ['planned', 15],
      ] as const),
      owner: r.pick(['园区管委会', '开门产业投资公司', '村集体经济组织']),
      outline: rectangle(x, y, w, h),
      notes: null,
      ...stamps,
    });
  }
  await trx.insertInto('parcels').values(parcels).execute();
  return { units: units.length, leases: leases.length, parcels: parcels.length };
}
