/**
 * The data of property.bench.ts: one tenant with a large park estate — five parks of buildings (offices, R&D labs,
 * GMP plants, standard plants, warehouses) with floors of 10–20 units and their biotech attributes; companies from
 * the registry generator, ~60 % of the units leased today to them, with past (some ended early) and upcoming leases;
 * leads with space needs, ~1 % of the units held for them; land parcels with GeoJSON outlines; rental notices over
 * free units. Deterministic (RowRandom), written with bulkInsert as needs-seed.ts writes its rows.
 */
import { findEntry, normalizeCompanyName, officeDate, UNIT_TYPES } from '@kaimen/shared';
import { bulkTarget, bulkInsert, type BulkTable, type BulkTarget } from '../apps/server/src/db/bulk-insert.js';
import type { Database } from '../apps/server/src/db/database.js';
import { newId } from '../apps/server/src/lib/ids.js';
import { iso } from '../apps/server/src/lib/time.js';
import { chainNodeIds, insertEnterprisesBulk } from '../apps/server/src/modules/seed/bulk-enterprises.js';
import { generateEnterprises } from '../apps/server/src/modules/seed/enterprise-generator.js';
import { hashSeed, RowRandom } from '../apps/server/src/modules/seed/generator-random.js';
import { provisionTenant } from '../apps/server/src/modules/tenants/tenants.service.js';

export interface PropertySizes {
  units: number;
  /** Units per building on average (floors of 10–20 units). */
  unitsPerBuilding: number;
  enterprises: number;
  /** Companies holding today's leases (the first ones of the registry). */
  lessees: number;
  leads: number;
  parcels: number;
  notices: number;
}

export interface PropertyTenant {
  tenantId: string;
  propertyUsername: string;
  investmentUsername: string;
  /** The building with the most units (its 租控表), and how many it has. */
  bigBuilding: { id: string; name: string; units: number };
  /** A lead needing a 3,000 m² GMP plant with gmp_ready and lab_exhaust. */
  gmpLeadId: string;
  /** Units no lease covers from today on, held for nobody, on no notice: the lease-writing run takes them. */
  freeUnitIds: string[];
  /** Companies of the registry, in generation order (ids and names). */
  companyIds: string[];
  companyNames: string[];
  counts: Record<string, number>;
  seconds: { setup: number; enterprises: number; property: number };
}

const SEED = 'kaimen-bench-property';
const DAY = 86_400_000;
const COMPANY_BATCH = 5_000;
/** The estate's south-west corner; outlines are drawn from here, in metres. */
const ORIGIN = { lon: 120.7, lat: 31.3 };
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((ORIGIN.lat * Math.PI) / 180);
const PARKS = ['一期', '二期', '三期', '四期', '五期'];
const PARK_LETTERS = ['A', 'B', 'C', 'D', 'E'];

const text = (...names: string[]) => names.map((name) => ({ name, type: 'text' as const }));
const int = (...names: string[]) => names.map((name) => ({ name, type: 'integer' as const }));
const STAMPS = [...text('created_at', 'updated_at'), ...int('version')];

// Areas, rents and loads are whole numbers: integer arrays, which PostgreSQL casts to double precision on insert.
const TABLES = {
  parks: { name: 'parks', columns: [...text('tenant_id', 'id', 'name', 'address'), ...STAMPS] },
  buildings: {
    name: 'buildings',
    columns: [...text('tenant_id', 'id', 'park_id', 'name'), ...int('floor_count'), ...text('outline'), ...STAMPS],
  },
  floors: { name: 'floors', columns: [...text('tenant_id', 'id', 'building_id'), ...int('number'), ...STAMPS] },
  units: {
    name: 'units',
    columns: [
      ...text('tenant_id', 'id', 'building_id', 'floor_id', 'code', 'type'),
      ...int('area'),
      ...text('status'),
      ...int('monthly_rent_per_sqm', 'floor_load_kn', 'lab_water', 'exhaust'),
      ...text('clean_room_grade'),
      ...int('gmp_ready', 'env_permit'),
      ...STAMPS,
    ],
  },
  parcels: {
    name: 'parcels',
    columns: [...text('tenant_id', 'id', 'code', 'name'), ...int('area'), ...text('zoning', 'status', 'owner', 'outline'), ...STAMPS],
  },
  leases: {
    name: 'leases',
    columns: [
      ...text('tenant_id', 'id', 'enterprise_id', 'starts_on', 'ends_on'),
      ...int('monthly_rent', 'deposit', 'rent_free_months', 'escalation_percent'),
      ...text('terminated_on', 'created_by'),
      ...STAMPS,
    ],
  },
  leaseUnits: { name: 'lease_units', columns: text('tenant_id', 'lease_id', 'unit_id') },
  leads: {
    name: 'leads',
    columns: [
      ...text('tenant_id', 'id', 'company_name', 'normalized_name', 'source_channel', 'owner_id', 'stage'),
      ...text('stage_entered_at', 'space_unit_type'),
      ...int('space_area'),
      ...text('space_requirements', 'created_by'),
      ...STAMPS,
    ],
  },
  reservations: {
    name: 'unit_reservations',
    columns: text('tenant_id', 'id', 'unit_id', 'lead_id', 'note', 'reserved_by', 'reserved_at', 'released_at'),
  },
  notices: {
    name: 'rental_notices',
    columns: [
      ...text('tenant_id', 'id', 'title', 'body', 'contact_name', 'contact_phone', 'status', 'published_at'),
      ...text('withdrawn_at', 'withdrawn_reason', 'created_by'),
      ...STAMPS,
    ],
  },
  noticeUnits: { name: 'rental_notice_units', columns: text('tenant_id', 'notice_id', 'unit_id') },
} satisfies Record<string, BulkTable>; // prettier-ignore

interface TypePlan {
  label: string;
  area: [number, number];
  rent: [number, number];
  attrs: (r: RowRandom) => {
    floorLoadKn: number;
    labWater?: number;
    exhaust?: number;
    gmpReady?: number;
    cleanRoomGrade?: string | null;
    envPermit?: number;
  };
}

const TYPES: Record<string, TypePlan> = {
  office: { label: '研发办公楼', area: [80, 600], rent: [45, 70], attrs: () => ({ floorLoadKn: 4 }) },
  lab: {
    label: '研发实验楼',
    area: [150, 900],
    rent: [60, 90],
    attrs: (r) => ({ floorLoadKn: 5, labWater: 1, exhaust: r.chance(0.85) ? 1 : 0, envPermit: r.chance(0.4) ? 1 : 0 }),
  },
  gmp: {
    label: 'GMP 厂房',
    area: [800, 4000],
    rent: [50, 75],
    attrs: (r) => ({
      floorLoadKn: 10,
      labWater: 1,
      exhaust: r.chance(0.9) ? 1 : 0,
      gmpReady: r.chance(0.85) ? 1 : 0,
      cleanRoomGrade: r.pick(['B 级', 'C 级', 'C 级', 'D 级']),
      envPermit: r.chance(0.7) ? 1 : 0,
    }),
  },
  standard_plant: {
    label: '标准厂房',
    area: [500, 2500],
    rent: [25, 40],
    attrs: (r) => ({ floorLoadKn: r.pick([8, 10, 12]), exhaust: r.chance(0.2) ? 1 : 0 }),
  },
  warehouse: { label: '仓储中心', area: [300, 3000], rent: [18, 30], attrs: (r) => ({ floorLoadKn: r.pick([12, 15, 20]) }) },
}; // prettier-ignore
const BUILDING_KINDS = [
  ['office', 40],
  ['lab', 25],
  ['gmp', 10],
  ['standard_plant', 15],
  ['warehouse', 10],
] as const;
/** A lab building's floors hold some offices, a plant's some storage. */
const MIXED: Record<string, [string, number] | undefined> = {
  lab: ['office', 0.2],
  standard_plant: ['warehouse', 0.1],
};

const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);

/** A polygon of `points` corners around (x, y) metres from the origin, radius about `r`, as GeoJSON text. */
function outline(x: number, y: number, w: number, h: number, jitter?: { r: RowRandom; points: number }) {
  const p = (dx: number, dy: number) => [
    Math.round((ORIGIN.lon + dx / M_PER_DEG_LON) * 1e6) / 1e6,
    Math.round((ORIGIN.lat + dy / M_PER_DEG_LAT) * 1e6) / 1e6,
  ];
  let ring: number[][];
  if (!jitter) ring = [p(x, y), p(x + w, y), p(x + w, y + h), p(x, y + h)];
  else {
    ring = [];
    for (let k = 0; k < jitter.points; k++) {
      const a = (2 * Math.PI * k) / jitter.points;
      const f = 0.75 + jitter.r.next() * 0.25;
      ring.push(p(x + w / 2 + (Math.cos(a) * f * w) / 2, y + h / 2 + (Math.sin(a) * f * h) / 2));
    }
  }
  return JSON.stringify({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });
}

interface Unit {
  id: string;
  buildingId: string;
  floorId: string;
  code: string;
  type: string;
  area: number;
  rent: number;
  status: string;
}

export async function seedPropertyTenant(
  database: Database,
  o: PropertySizes & { now: Date; passwordHash: string; log: (line: string) => void },
): Promise<PropertyTenant> {
  const stamp = iso(o.now);
  const today = officeDate(o.now);
  const t0 = performance.now();
  const cacheSize = database.sqlite?.pragma('cache_size', { simple: true });
  database.sqlite?.pragma('cache_size = -262144');
  const write = (fn: (target: BulkTarget) => Promise<void>) =>
    database.transaction((trx) => fn(bulkTarget(database, trx)));

  const setup = await database.transaction(async (trx) => {
    const { tenant } = await provisionTenant(trx, {
      slug: 'bench',
      name: '园区 bench',
      now: new Date(o.now.getTime() - 9 * 365 * DAY),
      admin: { username: 'bench-admin', displayName: 'bench 管理员', passwordHash: o.passwordHash },
    });
    const user = async (username: string, displayName: string, role: string) => {
      const id = newId();
      await trx
        .insertInto('users')
        .values({
          id,
          tenantId: tenant.id,
          username,
          displayName,
          passwordHash: o.passwordHash,
          role,
          passwordChangedAt: stamp,
          createdAt: stamp,
          updatedAt: stamp,
          version: 1,
        })
        .execute();
      return id;
    };
    const property = await user('bench-property', '王物业（物业主管）', 'property');
    const investment = await user('bench-investment', '张招商（招商专员）', 'investment');
    return { tenantId: tenant.id, property, investment };
  });
  const { tenantId } = setup;
  const t1 = performance.now();

  // Companies: the registry generator's, without the search index (as needs-seed.ts writes them).
  const nodeIds = await chainNodeIds(database.db, tenantId);
  const companyIds: string[] = [];
  const companyNames: string[] = [];
  for (let start = 0; start < o.enterprises; start += COMPANY_BATCH) {
    const count = Math.min(COMPANY_BATCH, o.enterprises - start);
    const rows = [...generateEnterprises({ seed: SEED, start, count })].map((input) => {
      const id = newId();
      companyIds.push(id);
      companyNames.push(input.name);
      return { id, input };
    });
    await write((target) => insertEnterprisesBulk(target, { tenantId, now: stamp, nodeIds }, rows));
  }
  const t2 = performance.now();
  o.log(`${o.enterprises} companies in ${((t2 - t1) / 1000).toFixed(1)} s`);

  const seedHash = hashSeed(SEED);
  let n = 0;
  const rnd = () => new RowRandom(seedHash, n++);
  const stamps = [stamp, stamp, 1];
  const rows = Object.fromEntries(Object.keys(TABLES).map((k) => [k, [] as unknown[][]])) as Record<
    keyof typeof TABLES,
    unknown[][]
  >;

  // Parks and buildings in a grid, each park a block of the estate; every building with its footprint.
  const parkIds = PARKS.map((name, p) => {
    const id = newId();
    rows.parks.push([tenantId, id, `开门生物医药产业园${name}`, `生物医药大道 ${100 + p * 20} 号`, ...stamps]);
    return id;
  });
  const buildingCount = Math.max(1, Math.round(o.units / o.unitsPerBuilding));
  const units: Unit[] = [];
  let biggest = { id: '', name: '', units: 0 };
  for (let b = 0; b < buildingCount; b++) {
    const r = rnd();
    const p = b % PARKS.length;
    const inPark = Math.floor(b / PARKS.length);
    const kind = r.weighted(BUILDING_KINDS);
    const plan = TYPES[kind]!;
    const perFloor = r.int(10, 20);
    // Towers and low plants: from half to one and a half times the average, the last building what is left.
    const left = o.units - units.length;
    const target = b === buildingCount - 1 ? left : Math.round((left / (buildingCount - b)) * (0.5 + r.next()));
    const floors = Math.max(1, Math.ceil(target / perFloor));
    const id = newId();
    const prefix = `${PARK_LETTERS[p]}${String(inPark + 1).padStart(2, '0')}`;
    const name = `${prefix} 栋 ${plan.label}`;
    const [x, y] = [p * 1400 + (inPark % 7) * 180, Math.floor(inPark / 7) * 140];
    rows.buildings.push([tenantId, id, parkIds[p], name, floors, outline(x, y, 120, 60), ...stamps]);
    let inBuilding = 0;
    for (let f = 1; f <= floors && inBuilding < target; f++) {
      const floorId = newId();
      rows.floors.push([tenantId, floorId, id, f, ...stamps]);
      for (let u = 1; u <= perFloor && inBuilding < target; u++, inBuilding++) {
        const ur = rnd();
        const mixed = MIXED[kind];
        const type = mixed && ur.chance(mixed[1]) ? mixed[0] : kind;
        const tp = TYPES[type]!;
        const area = Math.round(ur.int(tp.area[0], tp.area[1]) / 10) * 10;
        const rent = ur.int(tp.rent[0], tp.rent[1]);
        const status = ur.weighted([
          ['vacant', 92],
          ['fitting_out', 5],
          ['self_used', 3],
        ] as const);
        const a = tp.attrs(ur);
        const unit = { id: newId(), buildingId: id, floorId, code: `${prefix}-${f}${String(u).padStart(2, '0')}`, type, area, rent, status }; // prettier-ignore
        units.push(unit);
        rows.units.push([
          tenantId, unit.id, id, floorId, unit.code, type, area, status, rent, a.floorLoadKn, a.labWater ?? 0,
          a.exhaust ?? 0, a.cleanRoomGrade ?? null, a.gmpReady ?? 0, a.envPermit ?? 0, ...stamps,
        ]); // prettier-ignore
      }
    }
    if (inBuilding > biggest.units) biggest = { id, name, units: inBuilding };
  }

  // Leases: units in lots of 1–3 neighbours of a floor; ~60 % of the units are let today. Each lot has a history
  // back from today (earlier tenants, some that left early) and sometimes a next tenant already signed.
  const counts: Record<string, number> = {};
  const bump = (key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);
  /** Units some lease covers today or later: not free to reserve, to offer or to lease again. */
  const takenFromToday = new Set<string>();
  let current = 0;
  const lease = (lot: Unit[], companyIdx: number, startsOn: string, endsOn: string, terminatedOn: string | null) => {
    const r = rnd();
    const id = newId();
    const rent = lot.reduce((s, u) => s + u.area * u.rent, 0);
    rows.leases.push([
      tenantId, id, companyIds[companyIdx], startsOn, endsOn, rent, rent * 3, r.pick([0, 0, 1, 2, 3]),
      r.pick([0, 3, 5]), terminatedOn, setup.property, ...stamps,
    ]); // prettier-ignore
    for (const u of lot) rows.leaseUnits.push([tenantId, id, u.id]);
    bump('leases');
    bump('leaseUnits', lot.length);
    const last = terminatedOn ?? endsOn;
    if (last >= today) for (const u of lot) takenFromToday.add(u.id);
    if (terminatedOn) bump('terminated');
    else if (startsOn > today) bump('upcoming');
    else if (endsOn < today) bump('expired');
    else bump('active');
  };
  const lessee = () => current++ % o.lessees;
  const anyCompany = (r: RowRandom) => r.int(0, o.enterprises - 1);
  for (let i = 0; i < units.length;) {
    const r = rnd();
    const big = units[i]!.area >= 1500;
    let size: number = big ? 1 : r.weighted([[1, 60], [2, 28], [3, 12]] as const); // prettier-ignore
    const lot: Unit[] = [units[i]!];
    while (lot.length < size && units[i + lot.length]?.floorId === units[i]!.floorId) lot.push(units[i + lot.length]!);
    size = lot.length;
    i += size;
    if (lot.some((u) => u.status === 'self_used')) continue;
    // Back from here: the start of the lease after each earlier one.
    let next = today;
    if (r.chance(0.6)) {
      const startsOn = addDays(today, -r.int(0, 1800));
      let endsOn = addDays(startsOn, r.int(1, 5) * 365 - 1);
      if (endsOn < today) endsOn = addDays(today, r.int(1, 400));
      lease(lot, lessee(), startsOn, endsOn, null);
      if (endsOn < addDays(today, 120) && r.chance(0.3)) {
        lease(lot, anyCompany(r), addDays(endsOn, 1), addDays(endsOn, r.int(2, 5) * 365), null);
      }
      next = startsOn;
    } else if (r.chance(0.08)) {
      const startsOn = addDays(today, r.int(7, 120));
      lease(lot, anyCompany(r), startsOn, addDays(startsOn, r.int(2, 5) * 365 - 1), null);
    }
    for (let k = 0; k < 3 && r.chance(0.7); k++) {
      const lastDay = addDays(next, -r.int(1, 120));
      const years = r.int(1, 3);
      const terminated = r.chance(0.15);
      const endsOn = terminated ? addDays(lastDay, r.int(30, (years * 365) / 2)) : lastDay;
      const startsOn = addDays(endsOn, -years * 365 + 1);
      if (startsOn < addDays(today, -8 * 365)) break;
      lease(lot, anyCompany(r), startsOn, endsOn, terminated ? lastDay : null);
      next = startsOn;
    }
  }
  const leasedToday = new Set<string>();
  {
    // Which units a lease covers on today (for the counts beside the figures).
    const byLease = new Map<string, string[]>();
    for (const [, leaseId, unitId] of rows.leaseUnits) {
      byLease.set(leaseId as string, [...(byLease.get(leaseId as string) ?? []), unitId as string]);
    }
    for (const l of rows.leases) {
      const last = (l[9] as string | null) ?? (l[4] as string);
      if ((l[3] as string) <= today && last >= today) for (const u of byLease.get(l[1] as string)!) leasedToday.add(u);
    }
  }

  // Leads with space needs; the first needs 3,000 m² of GMP plant. ~1 % of the units are held for the first ones.
  const leadIds: string[] = [];
  const leadNames = [...generateEnterprises({ seed: `${SEED}-leads`, start: 0, count: o.leads })].map((e) => e.name);
  for (let k = 0; k < o.leads; k++) {
    const r = rnd();
    const id = newId();
    leadIds.push(id);
    const type = k === 0 ? 'gmp' : r.weighted([['office', 30], ['lab', 35], ['gmp', 20], ['standard_plant', 15]] as const); // prettier-ignore
    const area = k === 0 ? 3000 : Math.round(r.int(TYPES[type]!.area[0], TYPES[type]!.area[1]) / 50) * 50;
    const requirements =
      type === 'gmp' ? ['gmp_ready', 'lab_exhaust'] : type === 'lab' ? ['lab_water', ...(r.chance(0.6) ? ['lab_exhaust'] : [])] : []; // prettier-ignore
    const stage = k === 0 ? 'negotiating' : r.weighted([['lead', 30], ['contacted', 30], ['negotiating', 30], ['signed', 10]] as const); // prettier-ignore
    const name = leadNames[k]!;
    rows.leads.push([
      tenantId, id, name, normalizeCompanyName(name), r.pick(['industry', 'location', 'policy', 'fund']),
      setup.investment, stage, stamp, type, area, JSON.stringify(requirements), setup.investment, ...stamps,
    ]); // prettier-ignore
  }
  const offerable = (u: Unit) => u.status === 'vacant' && !takenFromToday.has(u.id);
  const reserved = new Set<string>();
  {
    const want = Math.round(units.length / 100);
    const step = Math.max(1, Math.floor(units.length / (want * 4)));
    for (let i = 0, k = 0; i < units.length && reserved.size < want; i += step) {
      const u = units[i]!;
      if (!offerable(u) || leadIds.length < 2) continue;
      const leadId = leadIds[1 + (k++ % (leadIds.length - 1))]!;
      reserved.add(u.id);
      u.status = 'reserved';
      rows.reservations.push([tenantId, newId(), u.id, leadId, null, setup.investment, stamp, null]);
      // An earlier hold on the same unit for another lead, released.
      if (k % 3 === 0) rows.reservations.push([tenantId, newId(), u.id, leadIds[1 + (k % (leadIds.length - 1))], null, setup.investment, stamp, stamp]); // prettier-ignore
    }
    for (const r of rows.units) if (reserved.has(r[1] as string)) r[7] = 'reserved';
  }

  // Rental notices over free units: 1–3 of a floor each; most published, some drafts and withdrawn ones, and a few
  // published whose unit has been let since (the portal leaves them out).
  const noticed = new Set<string>();
  {
    const free = units.filter((u) => offerable(u) && !reserved.has(u.id));
    const letSince = units.filter((u) => u.status === 'vacant' && !leasedToday.has(u.id) && takenFromToday.has(u.id));
    const step = Math.max(1, Math.floor(free.length / (o.notices * 2)));
    for (let k = 0; k < o.notices; k++) {
      const r = rnd();
      const status = r.weighted([['published', 75], ['draft', 15], ['withdrawn', 10]] as const); // prettier-ignore
      const stale = status === 'published' && k % 10 === 9 && letSince.length > k;
      const first = stale ? letSince[k]! : free[(k * step) % free.length];
      if (!first || noticed.has(first.id)) continue;
      const lot = [first];
      const pool = stale ? letSince : free;
      const at = pool.indexOf(first);
      const size = r.int(1, 3);
      for (let j = 1; j < size; j++) {
        const u = pool[at + j];
        if (u && u.floorId === first.floorId && !noticed.has(u.id)) lot.push(u);
      }
      for (const u of lot) noticed.add(u.id);
      const id = newId();
      const area = lot.reduce((s, u) => s + u.area, 0);
      const created = iso(new Date(o.now.getTime() - r.int(20, 200) * DAY));
      const published = status === 'draft' ? null : iso(new Date(Date.parse(created) + r.int(1, 15) * DAY));
      const withdrawn = status === 'withdrawn' ? stamp : null;
      rows.notices.push([
        tenantId, id, `${first.code} ${findEntry(UNIT_TYPES, first.type)?.zh ?? first.type} ${area.toLocaleString('en-US')}㎡ 招租`,
        '精装交付，可拎包入驻；配套纯水、排风与货梯，入驻企业可申请园区租金补贴。', '赵载体', '0512-6288 1234', status,
        published, withdrawn, withdrawn ? '单元已另作安排' : null, setup.property, created, created, 1,
      ]); // prettier-ignore
      for (const u of lot) rows.noticeUnits.push([tenantId, id, u.id]);
      bump(`notices ${status}`);
    }
  }

  // Parcels on a grid south of the parks, irregular outlines of 5–9 corners.
  for (let k = 0; k < o.parcels; k++) {
    const r = rnd();
    const w = r.int(80, 320);
    const h = r.int(60, 240);
    const cols = 50;
    const [x, y] = [(k % cols) * 360, -400 - Math.floor(k / cols) * 300];
    const status = r.weighted([['in_use', 45], ['idle', 20], ['inefficient', 20], ['planned', 15]] as const); // prettier-ignore
    rows.parcels.push([
      tenantId, newId(), `KM-${String(k + 1).padStart(4, '0')}`, `${r.pick(['东', '西', '南', '北'])}区 ${k + 1} 号地块`,
      Math.round(w * h * 0.7), r.pick(['工业用地（M1）', '科研用地（A35）', '商务用地（B2）']), status,
      r.pick(['园区管委会', '开门产业投资公司', '村集体经济组织']), outline(x, y, w, h, { r, points: r.int(5, 9) }), ...stamps,
    ]); // prettier-ignore
  }

  // Parents first (foreign keys); lease rows in 20,000-row transactions.
  const order: (keyof typeof TABLES)[] = ['parks', 'buildings', 'floors', 'units', 'parcels', 'leases', 'leaseUnits', 'leads', 'reservations', 'notices', 'noticeUnits']; // prettier-ignore
  for (const key of order) {
    for (let i = 0; i < rows[key].length; i += 20_000) {
      await write((target) => bulkInsert(target, TABLES[key], rows[key].slice(i, i + 20_000)));
    }
  }
  const t3 = performance.now();
  const freeUnitIds = units.filter((u) => offerable(u) && !reserved.has(u.id) && !noticed.has(u.id)).map((u) => u.id);
  Object.assign(counts, {
    enterprises: o.enterprises,
    lessees: Math.min(o.lessees, current),
    parks: PARKS.length,
    buildings: buildingCount,
    floors: rows.floors.length,
    units: units.length,
    leasedToday: leasedToday.size,
    reserved: reserved.size,
    reservationRows: rows.reservations.length,
    leads: o.leads,
    parcels: o.parcels,
    notices: rows.notices.length,
    freeUnits: freeUnitIds.length,
  });
  for (const u of units) bump(`type ${u.type}`);
  o.log(`${units.length} units, ${counts.leases} leases and the rest in ${((t3 - t2) / 1000).toFixed(1)} s`);
  if (cacheSize !== undefined) database.sqlite?.pragma(`cache_size = ${Number(cacheSize)}`);
  return {
    tenantId,
    propertyUsername: 'bench-property',
    investmentUsername: 'bench-investment',
    bigBuilding: biggest,
    gmpLeadId: leadIds[0]!,
    freeUnitIds,
    companyIds,
    companyNames,
    counts,
    seconds: { setup: (t1 - t0) / 1000, enterprises: (t2 - t1) / 1000, property: (t3 - t2) / 1000 },
  };
}
