import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

/**
 * Matching a space need to units (issue 6) on a fixed set: exactly the units that fit, best first, with why; and
 * holding one for a lead (意向), which both the unit and the lead's matches then show.
 */
describe(`space matching and reservations (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let pm: Client;
  let investment: Client;
  let leadId: string;
  let otherLeadId: string;
  const units: Record<string, string> = {};

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'sm', h.clock.now());
    pm = await login(h.app, t.users.property.username);
    investment = await login(h.app, t.users.investment.username);
    const admin = await login(h.app, t.users.admin.username);
    const ent = (await admin.post('/api/enterprises', { uscc: testUscc(7401), name: '丁生物制药有限公司' })).json().id;
    const park = (await pm.post('/api/parks', { name: '生物医药产业园' })).json();
    const building = (await pm.post('/api/buildings', { parkId: park.id, name: 'GMP 厂房', floorCount: 2 })).json();
    const floor = (await pm.post('/api/floors', { buildingId: building.id, number: 1 })).json();
    const gmp = { type: 'gmp', gmpReady: true, exhaust: true };
    const make = async (code: string, o: Record<string, unknown>) => {
      const res = await pm.post('/api/units', { floorId: floor.id, code, area: 3000, ...o });
      expect(res.statusCode, res.body).toBe(201);
      units[code] = res.json().id;
    };
    await make('G1', { ...gmp, area: 3000, monthlyRentPerSqm: 60 });
    await make('G2', { ...gmp, area: 3300, monthlyRentPerSqm: 55 });
    await make('G3', { ...gmp, area: 2300 }); // 23% short: outside ±20%
    await make('G4', { type: 'gmp', gmpReady: true, exhaust: false, area: 3100 }); // no lab exhaust
    await make('G5', { ...gmp, area: 2900 }); // leased
    await make('G6', { ...gmp, area: 3000, status: 'self_used' });
    await make('G7', { ...gmp, area: 3050 }); // held for another lead
    await make('L1', { type: 'lab', gmpReady: true, exhaust: true, area: 3000 }); // another type
    const leased = await pm.post('/api/leases', {
      enterpriseId: ent,
      unitIds: [units.G5],
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      monthlyRent: 100_000,
      deposit: 300_000,
    });
    expect(leased.statusCode, leased.body).toBe(201);
    const newLead = async (companyName: string) => {
      const res = await investment.post('/api/leads', {
        companyName,
        sourceChannel: 'industry',
        spaceUnitType: 'gmp',
        spaceArea: 3000,
        spaceRequirements: ['gmp_ready', 'lab_exhaust'],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    leadId = await newLead('苏州某 CDMO 有限公司');
    otherLeadId = await newLead('上海某抗体药有限公司');
    const held = await investment.put(`/api/units/${units.G7}/reservation`, { leadId: otherLeadId });
    expect(held.statusCode, held.body).toBe(200);
  });
  afterAll(async () => h?.close());

  const codes = (body: { items: { unit: { code: string } }[] }) => body.items.map((i) => i.unit.code);

  it('returns exactly the units that fit, closest first, the one held for another lead last, with why', async () => {
    const res = await investment.get('/api/units/matches?type=gmp&area=3000&requirements=gmp_ready,lab_exhaust');
    expect(res.statusCode, res.body).toBe(200);
    expect(codes(res.json())).toEqual(['G1', 'G2', 'G7']);
    const [first] = res.json().items;
    expect(first.reasons).toEqual([
      '类型：GMP厂房',
      '面积 3,000㎡（需求 3,000㎡，0%）',
      '具备：GMP 条件',
      '具备：实验室排风',
      `${'2026-03-02'} 起可用`,
    ]);
    expect(res.json().items[2].reasons.at(-1)).toBe('已为“上海某抗体药有限公司”保留意向');
    // Free only from 2028: the leased unit fits then.
    const later = await investment.get(
      '/api/units/matches?type=gmp&area=3000&requirements=gmp_ready,lab_exhaust&availableOn=2028-01-01',
    );
    expect(codes(later.json())).toEqual(['G1', 'G5', 'G2', 'G7']);
    // Without the requirements and the type, the unit without exhaust and the lab come in.
    const loose = await investment.get('/api/units/matches?area=3000');
    expect(codes(loose.json()).sort()).toEqual(['G1', 'G2', 'G4', 'G7', 'L1'].sort());
  });

  it('offers the land a project could build on instead: idle before inefficient before planned, smallest first', async () => {
    const parcel = async (code: string, area: number, status: string) => {
      const res = await pm.post('/api/parcels', { code, name: `${code} 地块`, area, status, zoning: '工业用地' });
      expect(res.statusCode, res.body).toBe(201);
    };
    await parcel('P-idle-big', 6000, 'idle');
    await parcel('P-idle-small', 1600, 'idle'); // 1,600 m² at ratio 2 holds 3,200 m²: enough
    await parcel('P-idle-tiny', 1400, 'idle'); // 2,800 m² at most: too small
    await parcel('P-low', 2000, 'inefficient');
    await parcel('P-planned', 1500, 'planned');
    await parcel('P-used', 9000, 'in_use');
    const res = await investment.get('/api/units/matches?type=gmp&area=3000');
    const land = res.json().parcels;
    expect(land.items.map((i: { parcel: { code: string } }) => i.parcel.code)).toEqual([
      'P-idle-small',
      'P-idle-big',
      'P-low',
      'P-planned',
    ]);
    expect(land.total).toBe(4);
    expect(land.items[0].reasons).toEqual([
      '状态：闲置',
      '用地 1,600㎡，按容积率 1–2 可建 1,600–3,200㎡（需求 3,000㎡）',
      '用地性质：工业用地',
    ]);
    // A service officer reads the units for a company's need, but not the land.
    const service = await login(h.app, t.users.service.username);
    const theirs = await service.get('/api/units/matches?type=gmp&area=3000');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().items.length).toBeGreaterThan(0);
    expect(theirs.json().parcels).toEqual({ items: [], total: 0 });
  });

  it('matches a lead’s own space need, and holds a unit for it, which reads 意向 on the unit', async () => {
    let res = await investment.get(`/api/leads/${leadId}/space-matches`);
    expect(res.statusCode, res.body).toBe(200);
    expect(codes(res.json())).toEqual(['G1', 'G2', 'G7']);
    res = await investment.put(`/api/units/${units.G1}/reservation`, { leadId, note: '意向 3 个月' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'reserved',
      reservation: { leadId, companyName: '苏州某 CDMO 有限公司' },
    });
    // Held for this lead, it stays first in its own matches.
    expect(codes((await investment.get(`/api/leads/${leadId}/space-matches`)).json())[0]).toBe('G1');
    // The lead's page lists what is held for it.
    const held = (await investment.get(`/api/units?reservedFor=${leadId}`)).json();
    expect(held.items.map((u: { code: string }) => u.code)).toEqual(['G1']);
    // Another lead cannot take it, nor a leased unit be held.
    res = await investment.put(`/api/units/${units.G1}/reservation`, { leadId: otherLeadId });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('苏州某 CDMO 有限公司');
    res = await investment.put(`/api/units/${units.G5}/reservation`, { leadId });
    expect(res.statusCode).toBe(409);
    // Released, it is vacant again.
    res = await pm.delete(`/api/units/${units.G1}/reservation`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'vacant', reservation: null });
  });

  it('lets only the pipeline and the property manager hold units, and keeps other tenants out', async () => {
    for (const role of ['service', 'leader', 'enterprise', 'department'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await c.put(`/api/units/${units.G2}/reservation`, { leadId })).statusCode, role).toBe(403);
    }
    const enterprise = await login(h.app, t.users.enterprise.username);
    expect((await enterprise.get('/api/units/matches?area=3000')).statusCode).toBe(403);
    const outsider = await createTenant(h.database, 'sx', h.clock.now());
    const other = await login(h.app, outsider.users.investment.username);
    expect((await other.get('/api/units/matches?area=3000')).json().items).toEqual([]);
    expect((await other.get(`/api/leads/${leadId}/space-matches`)).statusCode).toBe(404);
    expect((await other.put(`/api/units/${units.G2}/reservation`, { leadId })).statusCode).toBe(404);
    const audits = await h.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('tenantId', '=', t.id)
      .where('entityType', '=', 'unit')
      .where('outcome', '=', 'ok')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['reserve', 'release']));
  });
});
