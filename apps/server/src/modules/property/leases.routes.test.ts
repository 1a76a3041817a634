import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

/**
 * Leases (issue 6): a unit is never leased twice for overlapping dates — checked in the write transaction, so two
 * racing requests get one 201 and one 409; a lease's status and its units' 已租 follow the dates on the office's clock;
 * a company sees only its own leases.
 */
describe(`leases (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let pm: Client;
  let ent: string;
  let ent2: string;
  const units: Record<string, string> = {};

  /** Moves the office's clock to 10:00 of `date` in Shanghai, and signs the managers in again. */
  const at = async (date: string) => {
    h.clock.t = new Date(`${date}T02:00:00.000Z`);
    pm = await login(h.app, t.users.property.username);
  };
  const lease = (c: Client, unitIds: string[], startsOn: string, endsOn: string, enterpriseId = ent) =>
    c.post('/api/leases', { enterpriseId, unitIds, startsOn, endsOn, monthlyRent: 30_000, deposit: 90_000 });
  const unitStatus = async (code: string) => (await pm.get(`/api/units/${units[code]}`)).json().status as string;

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'ls', h.clock.now());
    other = await createTenant(h.database, 'lo', h.clock.now());
    const admin = await login(h.app, t.users.admin.username);
    const company = async (n: number, name: string) => {
      const res = await admin.post('/api/enterprises', { uscc: testUscc(n), name });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ent = await company(7101, '甲生物科技有限公司');
    ent2 = await company(7102, '乙制药有限公司');
    await h.database.db
      .updateTable('users')
      .set({ enterpriseId: ent })
      .where('id', '=', t.users.enterprise.id)
      .execute();
    pm = await login(h.app, t.users.property.username);
    const park = (await pm.post('/api/parks', { name: '生物医药产业园' })).json();
    const building = (await pm.post('/api/buildings', { parkId: park.id, name: 'A 栋', floorCount: 5 })).json();
    const floor = (await pm.post('/api/floors', { buildingId: building.id, number: 1 })).json();
    for (const code of ['A101', 'A102', 'A103', 'A104', 'A105']) {
      const res = await pm.post('/api/units', { floorId: floor.id, code, type: 'lab', area: 320, labWater: true });
      expect(res.statusCode, res.body).toBe(201);
      units[code] = res.json().id;
    }
  });
  afterAll(async () => h?.close());

  it('leases a unit, which then reads 已租, and refuses an overlapping lease naming the unit and dates', async () => {
    let res = await lease(pm, [units.A101!], '2026-01-01', '2026-12-31');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'active',
      enterprise: { id: ent, name: '甲生物科技有限公司' },
      units: [{ code: 'A101', buildingName: 'A 栋', area: 320 }],
      monthlyRent: 30_000,
      deposit: 90_000,
      version: 1,
    });
    expect(await unitStatus('A101')).toBe('leased');

    res = await lease(pm, [units.A101!], '2026-06-01', '2027-05-31', ent2);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('conflict');
    expect(res.json().detail).toBe('单元 A101 在 2026-01-01 至 2026-12-31 已出租，与 2026-06-01 至 2027-05-31 重叠。');
    res = await pm.inject({
      method: 'POST',
      url: '/api/leases',
      headers: { 'accept-language': 'en' },
      payload: {
        enterpriseId: ent2,
        unitIds: [units.A101],
        startsOn: '2025-06-01',
        endsOn: '2026-01-01',
        monthlyRent: 1,
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      'Unit A101 is leased from 2026-01-01 to 2026-12-31, which overlaps 2025-06-01 to 2026-01-01.',
    );
  });

  it('treats dates as inclusive: a lease starting on the last day is refused, the day after is fine', async () => {
    expect((await lease(pm, [units.A101!], '2026-12-31', '2027-12-30', ent2)).statusCode).toBe(409);
    const res = await lease(pm, [units.A101!], '2027-01-01', '2027-12-31', ent2);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('upcoming');
  });

  it('refuses a lease of several units when one of them is taken, and records none of it', async () => {
    const res = await lease(pm, [units.A102!, units.A101!], '2026-05-01', '2026-08-31');
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('A101');
    const list = (await pm.get(`/api/leases?unitId=${units.A102}`)).json();
    expect(list.total).toBe(0);
    expect(await unitStatus('A102')).toBe('vacant');
  });

  it('of two racing leases of one unit, exactly one is written', async () => {
    const pm2 = await login(h.app, t.users.property.username);
    const results = await Promise.all([
      lease(pm, [units.A103!], '2026-03-01', '2027-02-28'),
      lease(pm2, [units.A104!, units.A103!], '2026-09-01', '2027-08-31', ent2),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await h.database.db
      .selectFrom('leaseUnits')
      .select('leaseId')
      .where('tenantId', '=', t.id)
      .where('unitId', '=', units.A103!)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a change that would overlap, and a stale version', async () => {
    const a = (await lease(pm, [units.A105!], '2026-01-01', '2026-02-28')).json();
    const b = (await lease(pm, [units.A105!], '2026-03-01', '2026-06-30', ent2)).json();
    let res = await pm.patch(`/api/leases/${a.id}`, { version: a.version, endsOn: '2026-03-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
    res = await pm.patch(`/api/leases/${b.id}`, { version: b.version, monthlyRent: 31_000, rentFreeMonths: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ monthlyRent: 31_000, rentFreeMonths: 2, version: 2 });
    res = await pm.patch(`/api/leases/${b.id}`, { version: b.version, monthlyRent: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stale-version');
    res = await pm.post('/api/leases', {
      enterpriseId: ent,
      unitIds: [units.A102],
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
      monthlyRent: 1,
    });
    expect(res.statusCode).toBe(400);
  });

  it('lets an investment officer read leases but not write them; a company sees only its own', async () => {
    const investment = await login(h.app, t.users.investment.username);
    const list = await investment.get('/api/leases');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(3);
    expect((await lease(investment, [units.A102!], '2030-01-01', '2030-12-31')).statusCode).toBe(403);

    const company = await login(h.app, t.users.enterprise.username);
    const mine = (await company.get('/api/leases')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((l: { enterprise: { id: string } }) => l.enterprise.id === ent)).toBe(true);
    const theirs = (await pm.get(`/api/leases?enterpriseId=${ent2}`)).json().items[0];
    expect((await company.get(`/api/leases/${theirs.id}`)).statusCode).toBe(404);
    expect((await company.get(`/api/leases/${mine.items[0].id}`)).statusCode).toBe(200);
    expect((await company.get('/api/units')).statusCode).toBe(403);
    expect((await lease(company, [units.A102!], '2030-01-01', '2030-12-31')).statusCode).toBe(403);

    const dept = await login(h.app, t.users.department.username);
    expect((await dept.get('/api/leases')).statusCode).toBe(403);
  });

  it('finds leases by part of the company name or of a unit code, and a company only among its own', async () => {
    const companies = async (c: Client, q: string) => {
      const res = await c.get(`/api/leases?q=${encodeURIComponent(q)}&pageSize=100`);
      expect(res.statusCode, res.body).toBe(200);
      return new Set(res.json().items.map((l: { enterprise: { name: string } }) => l.enterprise.name));
    };
    expect(await companies(pm, '乙制药')).toEqual(new Set(['乙制药有限公司']));
    const byUnit = (await pm.get('/api/leases?q=A10&pageSize=100')).json();
    expect(byUnit.total).toBe((await pm.get('/api/leases?pageSize=100')).json().total);
    expect((await pm.get('/api/leases?q=A1%25')).json().total).toBe(0); // % is a character, not a wildcard
    const company = await login(h.app, t.users.enterprise.username);
    expect(await companies(company, '乙制药')).toEqual(new Set());
    expect(await companies(company, '甲生物')).toEqual(new Set(['甲生物科技有限公司']));
  });

  it('keeps tenants apart: another office sees none of it and cannot lease these units', async () => {
    const pmOther = await login(h.app, other.users.property.username);
    expect((await pmOther.get('/api/leases')).json().total).toBe(0);
    const id = (await pm.get('/api/leases')).json().items[0].id;
    expect((await pmOther.get(`/api/leases/${id}`)).statusCode).toBe(404);
    expect((await pmOther.patch(`/api/leases/${id}`, { version: 1, monthlyRent: 1 })).statusCode).toBe(404);
    expect((await pmOther.get(`/api/units/${units.A101}`)).statusCode).toBe(404);
    const res = await lease(pmOther, [units.A102!], '2030-01-01', '2030-12-31');
    expect(res.statusCode).toBe(400);
  });

  it('moves status with the office’s clock, and frees a unit the day after a termination', async () => {
    const l = (await lease(pm, [units.A102!], '2026-04-01', '2026-04-30')).json();
    expect(l.status).toBe('upcoming');
    expect(await unitStatus('A102')).toBe('vacant');
    expect((await pm.get('/api/units?status=vacant')).json().items.map((u: { code: string }) => u.code)).toContain(
      'A102',
    );

    // 2026-03-31 16:30 UTC is already 1 April in Shanghai.
    h.clock.t = new Date('2026-03-31T16:30:00.000Z');
    pm = await login(h.app, t.users.property.username);
    expect((await pm.get(`/api/leases/${l.id}`)).json().status).toBe('active');
    expect(await unitStatus('A102')).toBe('leased');
    const leased = (await pm.get('/api/units?status=leased')).json().items.map((u: { code: string }) => u.code);
    expect(leased).toContain('A102');
    expect((await pm.get('/api/leases?status=active')).json().items.map((x: { id: string }) => x.id)).toContain(l.id);

    await at('2026-05-01');
    expect((await pm.get(`/api/leases/${l.id}`)).json().status).toBe('expired');
    expect(await unitStatus('A102')).toBe('vacant');

    const a101 = (await pm.get(`/api/leases?unitId=${units.A101}&status=active`)).json().items[0];
    const res = await pm.post(`/api/leases/${a101.id}/terminate`, {
      version: a101.version,
      terminatedOn: '2026-05-15',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', terminatedOn: '2026-05-15' });
    expect((await pm.patch(`/api/leases/${a101.id}`, { version: 2, monthlyRent: 1 })).statusCode).toBe(409);
    expect((await lease(pm, [units.A101!], '2026-05-15', '2026-06-30', ent2)).statusCode).toBe(409);
    expect((await lease(pm, [units.A101!], '2026-05-16', '2026-06-30', ent2)).statusCode).toBe(201);

    await at('2026-05-16');
    expect((await pm.get(`/api/leases/${a101.id}`)).json().status).toBe('terminated');
    const audit = await h.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'lease')
      .where('entityId', '=', a101.id)
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['create', 'terminate']);
  });
});
