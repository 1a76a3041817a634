import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

/** A square outline at (lon, lat), as the forms send it. */
const square = (lon: number, lat: number, d = 0.001) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});

async function sheetOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const [headers, ...data] = rows;
  return {
    name: sheet.name,
    headers: headers!.map(String),
    rows: data.map((r) => Object.fromEntries(headers!.map((h, i) => [String(h), r[i] ?? null]))),
  };
}

/**
 * The occupancy dashboard and the parcel map (issue 6) on a fixed park, on the office date 2026-03-02: a unit is
 * leased only while a lease covers that date (a lease starting in April and one terminated in February do not count),
 * a unit held for a lead counts as reserved, a self-used one as neither; the leases export is the list as xlsx.
 */
describe(`occupancy, parcel map and leases export (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let pm: Client;
  let parkId: string;
  let ent: string;
  const buildings: Record<string, string> = {};

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'oc', h.clock.now());
    other = await createTenant(h.database, 'oo', h.clock.now());
    const admin = await login(h.app, t.users.admin.username);
    const company = async (n: number, name: string) => {
      const res = await admin.post('/api/enterprises', { uscc: testUscc(n), name });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ent = await company(7201, '甲生物科技有限公司');
    const ent2 = await company(7202, '乙制药有限公司');
    await h.database.db
      .updateTable('users')
      .set({ enterpriseId: ent })
      .where('id', '=', t.users.enterprise.id)
      .execute();
    pm = await login(h.app, t.users.property.username);

    parkId = (await pm.post('/api/parks', { name: '生物医药产业园' })).json().id;
    const park2 = (await pm.post('/api/parks', { name: '二期' })).json().id as string;
    const building = async (name: string, park: string, outline: unknown) => {
      const res = await pm.post('/api/buildings', { parkId: park, name, floorCount: 3, outline });
      expect(res.statusCode, res.body).toBe(201);
      buildings[name] = res.json().id;
      return (await pm.post('/api/floors', { buildingId: res.json().id, number: 1 })).json().id as string;
    };
    const floorA = await building('A 栋', parkId, square(120.7, 31.3));
    const floorB = await building('B 栋', parkId, square(120.71, 31.3));
    await building('C 栋', parkId, null);
    const floorD = await building('D 栋', park2, null);
    const units: Record<string, string> = {};
    const unit = async (floorId: string, code: string, type: string, area: number, status?: string) => {
      const res = await pm.post('/api/units', { floorId, code, type, area, status });
      expect(res.statusCode, res.body).toBe(201);
      units[code] = res.json().id;
    };
    await unit(floorA, 'A1', 'office', 100);
    await unit(floorA, 'A2', 'office', 200);
    await unit(floorA, 'A3', 'lab', 300);
    await unit(floorA, 'A4', 'lab', 400);
    await unit(floorB, 'B1', 'office', 500);
    await unit(floorB, 'B2', 'gmp', 1000, 'self_used');
    await unit(floorB, 'B3', 'lab', 250);
    await unit(floorD, 'D1', 'office', 50);

    const lease = async (code: string, startsOn: string, endsOn: string, enterpriseId = ent) => {
      const res = await pm.post('/api/leases', {
        enterpriseId,
        unitIds: [units[code]],
        startsOn,
        endsOn,
        monthlyRent: 9000,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    };
    await lease('A1', '2026-01-01', '2026-03-20'); // ends in 18 days
    await lease('A2', '2026-04-01', '2027-03-31', ent2); // not yet started
    const ended = await lease('A3', '2025-01-01', '2026-12-31', ent2);
    const res = await pm.post(`/api/leases/${ended.id}/terminate`, {
      version: ended.version,
      terminatedOn: '2026-02-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    await lease('A4', '2025-06-01', '2026-05-15', ent2); // 74 days
    await lease('B3', '2026-01-01', '2026-04-20'); // 49 days

    const investment = await login(h.app, t.users.investment.username);
    const lead = await investment.post('/api/leads', {
      companyName: '苏州某 CDMO 有限公司',
      sourceChannel: 'industry',
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const held = await investment.put(`/api/units/${units.B1}/reservation`, { leadId: lead.json().id });
    expect(held.statusCode, held.body).toBe(200);

    for (const [code, status, area, outline] of [
      ['P1', 'idle', 1000, square(120.72, 31.3)],
      ['P2', 'inefficient', 500, square(120.73, 31.3)],
      ['P3', 'in_use', 2000, square(120.74, 31.3)],
      ['P4', 'in_use', 3000, null],
    ] as const) {
      const p = await pm.post('/api/parcels', { code, name: `${code} 地块`, status, area, outline });
      expect(p.statusCode, p.body).toBe(201);
    }
  });
  afterAll(async () => h?.close());

  const figures = (o: Record<string, number>, byArea: number | null, byCount: number | null) => ({
    leasedUnits: 0,
    vacantUnits: 0,
    reservedUnits: 0,
    leasedArea: 0,
    vacantArea: 0,
    reservedArea: 0,
    ...o,
    vacancyRate: { byArea, byCount },
  });

  it('computes vacancy by building and unit type from the leases covering today, and the reservations', async () => {
    const res = await pm.get(`/api/property/occupancy?parkId=${parkId}`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.date).toBe('2026-03-02');
    expect(o.total).toEqual(
      figures(
        {
          units: 7,
          area: 2750,
          leasedArea: 750,
          vacantArea: 500,
          reservedArea: 500,
          leasedUnits: 3,
          vacantUnits: 2,
          reservedUnits: 1,
        },
        0.1818,
        0.2857,
      ),
    );
    expect(o.buildings).toEqual([
      {
        id: buildings['A 栋'],
        parkId,
        name: 'A 栋',
        ...figures(
          { units: 4, area: 1000, leasedArea: 500, vacantArea: 500, leasedUnits: 2, vacantUnits: 2 },
          0.5,
          0.5,
        ),
      },
      {
        id: buildings['B 栋'],
        parkId,
        name: 'B 栋',
        ...figures(
          { units: 3, area: 1750, leasedArea: 250, reservedArea: 500, leasedUnits: 1, reservedUnits: 1 },
          0,
          0,
        ),
      },
      { id: buildings['C 栋'], parkId, name: 'C 栋', ...figures({ units: 0, area: 0 }, null, null) },
    ]);
    expect(o.unitTypes).toEqual([
      { type: 'gmp', ...figures({ units: 1, area: 1000 }, 0, 0) },
      {
        type: 'lab',
        ...figures(
          { units: 3, area: 950, leasedArea: 650, vacantArea: 300, leasedUnits: 2, vacantUnits: 1 },
          0.3158,
          0.3333,
        ),
      },
      {
        type: 'office',
        ...figures(
          {
            units: 3,
            area: 800,
            leasedArea: 100,
            vacantArea: 200,
            reservedArea: 500,
            leasedUnits: 1,
            vacantUnits: 1,
            reservedUnits: 1,
          },
          0.25,
          0.3333,
        ),
      },
    ]);
  });

  it('sums land by parcel status and counts the running leases ending within 30, 60 and 90 days', async () => {
    const o = (await pm.get(`/api/property/occupancy?parkId=${parkId}`)).json();
    expect(o.parcels).toEqual({
      byStatus: [
        { status: 'idle', parcels: 1, area: 1000 },
        { status: 'inefficient', parcels: 1, area: 500 },
        { status: 'in_use', parcels: 2, area: 5000 },
        { status: 'planned', parcels: 0, area: 0 },
      ],
      idleArea: 1500,
    });
    expect(o.leasesEnding).toMatchObject({ within30: 1, within60: 2, within90: 3 });
    expect(
      o.leasesEnding.next.map((l: { units: { code: string }[]; endsOn: string; daysLeft: number }) => [
        l.units.map((u) => u.code).join(),
        l.endsOn,
        l.daysLeft,
      ]),
    ).toEqual([
      ['A1', '2026-03-20', 18],
      ['B3', '2026-04-20', 49],
      ['A4', '2026-05-15', 74],
    ]);
    expect(o.leasesEnding.next[0].enterprise).toEqual({ id: ent, name: '甲生物科技有限公司' });
  });

  it('takes every park without parkId, and follows the office clock', async () => {
    let o = (await pm.get('/api/property/occupancy')).json();
    expect(o.total).toMatchObject({ units: 8, area: 2800, vacantArea: 550, vacantUnits: 3 });
    expect(o.buildings.map((b: { name: string }) => b.name)).toEqual(['A 栋', 'B 栋', 'C 栋', 'D 栋']);

    // On 1 April the lease of A2 has started; A1's has ended.
    h.clock.t = new Date('2026-04-01T02:00:00.000Z');
    try {
      o = (
        await (await login(h.app, t.users.property.username)).get(`/api/property/occupancy?parkId=${parkId}`)
      ).json();
      expect(o.buildings[0]).toMatchObject({ name: 'A 栋', leasedArea: 600, vacantArea: 400, leasedUnits: 2 });
      expect(o.leasesEnding).toMatchObject({ within30: 1, within60: 2, within90: 2 });
    } finally {
      h.clock.t = new Date('2026-03-02T01:00:00.000Z');
    }
  });

  it('gives the map the parcels and buildings that have an outline, with status, area and vacancy', async () => {
    const res = await pm.get('/api/property/map');
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json();
    expect(map.parcels).toEqual([
      {
        id: expect.any(String),
        code: 'P1',
        name: 'P1 地块',
        status: 'idle',
        area: 1000,
        outline: square(120.72, 31.3),
      },
      {
        id: expect.any(String),
        code: 'P2',
        name: 'P2 地块',
        status: 'inefficient',
        area: 500,
        outline: square(120.73, 31.3),
      },
      {
        id: expect.any(String),
        code: 'P3',
        name: 'P3 地块',
        status: 'in_use',
        area: 2000,
        outline: square(120.74, 31.3),
      },
    ]);
    expect(map.buildings).toEqual([
      {
        id: buildings['A 栋'],
        parkId,
        name: 'A 栋',
        outline: square(120.7, 31.3),
        units: 4,
        area: 1000,
        vacantArea: 500,
        vacancyRate: 0.5,
      },
      {
        id: buildings['B 栋'],
        parkId,
        name: 'B 栋',
        outline: square(120.71, 31.3),
        units: 3,
        area: 1750,
        vacantArea: 0,
        vacancyRate: 0,
      },
    ]);
  });

  it('lets the inventory readers see the dashboard and map; refuses the others and keeps tenants apart', async () => {
    for (const role of ['admin', 'leader', 'investment'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await c.get('/api/property/occupancy')).statusCode).toBe(200);
      expect((await c.get('/api/property/map')).statusCode).toBe(200);
    }
    // A service officer reads the units but not the parcels, which both pages show.
    for (const role of ['service', 'enterprise', 'department'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await c.get('/api/property/occupancy')).statusCode).toBe(403);
      expect((await c.get('/api/property/map')).statusCode).toBe(403);
    }
    const refused = await h.database.db
      .selectFrom('auditEvents')
      .select('entityType')
      .where('tenantId', '=', t.id)
      .where('outcome', '!=', 'ok')
      .where('actorRole', '=', 'service')
      .execute();
    expect(refused.map((e) => e.entityType)).toContain('parcel');

    const pmOther = await login(h.app, other.users.property.username);
    const o = (await pmOther.get(`/api/property/occupancy?parkId=${parkId}`)).json();
    expect(o.total).toMatchObject({ units: 0, area: 0 });
    expect(o.buildings).toEqual([]);
    expect(o.parcels.idleArea).toBe(0);
    expect(o.leasesEnding).toMatchObject({ within90: 0, next: [] });
    expect((await pmOther.get('/api/property/map')).json()).toEqual({ parcels: [], buildings: [] });
  });

  it('exports the filtered leases as xlsx headed in the reader’s language, and audits it', async () => {
    let res = await pm.get('/api/leases/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('租赁台账-20260302.xlsx')}`,
    );
    let sheet = await sheetOf(res.rawPayload);
    expect(sheet.name).toBe('租赁台账');
    expect(sheet.headers).toEqual([
      '企业名称',
      '楼宇',
      '单元',
      '面积（㎡）',
      '起租日',
      '到期日',
      '终止日',
      '状态',
      '月租金（元）',
      '押金（元）',
      '免租期（月）',
      '年递增（%）',
      '备注',
    ]);
    expect(sheet.rows).toHaveLength(5);
    const a3 = sheet.rows.find((r) => r['单元'] === 'A3')!;
    expect(a3).toMatchObject({
      企业名称: '乙制药有限公司',
      楼宇: 'A 栋',
      '面积（㎡）': 300,
      起租日: '2025-01-01',
      终止日: '2026-02-01',
      状态: '已终止',
      '月租金（元）': 9000,
    });

    res = await pm.inject({
      method: 'GET',
      url: '/api/leases/export?status=active',
      headers: { 'accept-language': 'en' },
    });
    sheet = await sheetOf(res.rawPayload);
    expect(sheet.name).toBe('Leases');
    expect(sheet.headers.slice(0, 3)).toEqual(['Company', 'Building', 'Units']);
    expect(sheet.rows.map((r) => r.Units).sort()).toEqual(['A1', 'A4', 'B3']);
    expect(sheet.rows.every((r) => r.Status === 'Active')).toBe(true);

    const audit = await h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'after'])
      .where('tenantId', '=', t.id)
      .where('entityType', '=', 'lease')
      .where('action', '=', 'export')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(String(audit[1]!.after))).toMatchObject({
      format: 'xlsx',
      rows: 3,
      filters: { status: 'active' },
    });
  });

  it('lets a company export only its own leases; refuses departments; another tenant exports none', async () => {
    const company = await login(h.app, t.users.enterprise.username);
    const res = await company.get('/api/leases/export');
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.rows.map((r) => r['单元']).sort()).toEqual(['A1', 'B3']);
    expect(sheet.rows.every((r) => r['企业名称'] === '甲生物科技有限公司')).toBe(true);

    for (const role of ['department', 'service'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await c.get('/api/leases/export')).statusCode).toBe(403);
    }
    const pmOther = await login(h.app, other.users.property.username);
    expect((await sheetOf((await pmOther.get('/api/leases/export')).rawPayload)).rows).toEqual([]);
  });
});
