import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

/**
 * The incubator (issue 6): a company incubates in a unit or at a desk, one incubation at a time; graduation leases it a
 * unit of its own through the lease service in the same transaction (an overlapping lease refuses the whole of it);
 * a company sees only its own record; every write is audited.
 */
describe(`incubator (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let pm: Client;
  const ents: Record<string, string> = {};
  const units: Record<string, string> = {};

  const admit = (c: Client, enterpriseId: string, extra: Record<string, unknown> = {}) =>
    c.post('/api/incubatees', {
      enterpriseId,
      unitId: units.E101,
      desk: 'A-12',
      entryDate: '2025-09-01',
      mentor: '王导师',
      ...extra,
    });
  const graduation = (version: number, unitId: string, startsOn = '2026-04-01', endsOn = '2029-03-31') => ({
    version,
    unitIds: [unitId],
    startsOn,
    endsOn,
    monthlyRent: 18_000,
    deposit: 54_000,
  });
  const audit = (entityId: string) =>
    h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityType', 'outcome'])
      .where('entityId', '=', entityId)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'ib', h.clock.now());
    other = await createTenant(h.database, 'io', h.clock.now());
    const admin = await login(h.app, t.users.admin.username);
    const company = async (key: string, n: number, name: string) => {
      const res = await admin.post('/api/enterprises', { uscc: testUscc(n), name });
      expect(res.statusCode, res.body).toBe(201);
      ents[key] = res.json().id as string;
    };
    await company('a', 7201, '甲孵化生物科技有限公司');
    await company('b', 7202, '乙基因技术有限公司');
    await company('c', 7203, '丙检测服务有限公司');
    await company('d', 7204, '丁医疗器械有限公司');
    await h.database.db
      .updateTable('users')
      .set({ enterpriseId: ents.a! })
      .where('id', '=', t.users.enterprise.id)
      .execute();
    pm = await login(h.app, t.users.property.username);
    const park = (await pm.post('/api/parks', { name: '科创园' })).json();
    const building = (await pm.post('/api/buildings', { parkId: park.id, name: 'E 栋 孵化器', floorCount: 2 })).json();
    const floor = (await pm.post('/api/floors', { buildingId: building.id, number: 1 })).json();
    for (const [code, type] of [
      ['E101', 'desk'],
      ['E102', 'office'],
      ['E103', 'office'],
      ['E104', 'lab'],
    ] as const) {
      const res = await pm.post('/api/units', { floorId: floor.id, code, type, area: 200 });
      expect(res.statusCode, res.body).toBe(201);
      units[code] = res.json().id;
    }
  });
  afterAll(async () => h?.close());

  it('takes a company in and lists it with its company, unit and building; searches by company name', async () => {
    const res = await admit(pm, ents.a!, { plannedExitDate: '2028-08-31', notes: '生物医药方向' });
    expect(res.statusCode, res.body).toBe(201);
    const rec = res.json();
    expect(rec).toMatchObject({
      enterprise: { id: ents.a, name: '甲孵化生物科技有限公司' },
      unit: { id: units.E101, code: 'E101', buildingName: 'E 栋 孵化器' },
      desk: 'A-12',
      entryDate: '2025-09-01',
      plannedExitDate: '2028-08-31',
      mentor: '王导师',
      status: 'incubating',
      graduatedOn: null,
      graduationUnit: null,
      version: 1,
    });
    expect((await admit(pm, ents.b!, { desk: 'A-13', entryDate: '2026-01-05' })).statusCode).toBe(201);

    const list = (await pm.get('/api/incubatees')).json();
    expect(list.total).toBe(2);
    expect(list.items.map((i: { enterprise: { name: string } }) => i.enterprise.name)).toEqual([
      '乙基因技术有限公司',
      '甲孵化生物科技有限公司',
    ]);
    const found = (await pm.get(`/api/incubatees?q=${encodeURIComponent('甲孵化')}`)).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([rec.id]);
    expect((await pm.get('/api/incubatees?status=graduated')).json().total).toBe(0);
    expect((await pm.get(`/api/incubatees/${rec.id}`)).json().mentor).toBe('王导师');

    const bad = await pm.post('/api/incubatees', {
      enterpriseId: ents.c,
      entryDate: '2026-01-01',
      plannedExitDate: '2025-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await pm.post('/api/incubatees', { enterpriseId: ents.c, entryDate: '2026-01-01', unitId: 'nope' })).statusCode,
    ).toBe(400);
  });

  it('keeps one incubation at a time per company', async () => {
    const res = await admit(pm, ents.a!, { desk: 'B-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
    expect(res.json().detail).toBe('该企业已在孵（2025-09-01 入孵）：一家企业同时只能有一条在孵记录。');
    const rows = await h.database.db
      .selectFrom('incubatees')
      .select('id')
      .where('tenantId', '=', t.id)
      .where('enterpriseId', '=', ents.a!)
      .execute();
    expect(rows).toHaveLength(1);

    // Two racing admissions of one company: one is written (the unique index holds if both pass the check).
    const pm2 = await login(h.app, t.users.property.username);
    const results = await Promise.all([admit(pm, ents.d!, { desk: 'C-01' }), admit(pm2, ents.d!, { desk: 'C-02' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('edits with the version read, and refuses a stale one', async () => {
    const rec = (await pm.get(`/api/incubatees?enterpriseId=${ents.b}`)).json().items[0];
    let res = await pm.patch(`/api/incubatees/${rec.id}`, { version: rec.version, mentor: '李导师', desk: 'A-14' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mentor: '李导师', desk: 'A-14', version: 2 });
    res = await pm.patch(`/api/incubatees/${rec.id}`, { version: rec.version, mentor: '赵导师' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stale-version');
    expect((await audit(rec.id)).map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('graduates a company into its own unit: the lease is written and the unit reads leased', async () => {
    const rec = (await pm.get(`/api/incubatees?enterpriseId=${ents.a}`)).json().items[0];
    const res = await pm.post(`/api/incubatees/${rec.id}/graduate`, {
      ...graduation(rec.version, units.E102!, '2026-03-01', '2029-02-28'),
      graduatedOn: '2026-03-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const grad = res.json();
    expect(grad).toMatchObject({
      status: 'graduated',
      graduatedOn: '2026-03-01',
      graduationUnit: { id: units.E102, code: 'E102', buildingName: 'E 栋 孵化器' },
      version: 2,
    });
    const lease = (await pm.get(`/api/leases/${grad.graduationLeaseId}`)).json();
    expect(lease).toMatchObject({
      enterprise: { id: ents.a },
      units: [{ code: 'E102' }],
      startsOn: '2026-03-01',
      monthlyRent: 18_000,
      deposit: 54_000,
      status: 'active',
    });
    expect((await pm.get(`/api/units/${units.E102}`)).json().status).toBe('leased');
    expect((await pm.get('/api/incubatees?status=graduated')).json().total).toBe(1);
    expect((await audit(rec.id)).map((e) => e.action)).toEqual(['create', 'graduate']);
    expect((await audit(grad.graduationLeaseId)).map((e) => [e.entityType, e.action])).toEqual([['lease', 'create']]);

    // A graduated company may start a new incubation later, and cannot graduate twice.
    const again = await pm.post(`/api/incubatees/${rec.id}/graduate`, graduation(grad.version, units.E103!));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('该企业已毕业：只有在孵企业可以办理毕业或退出。');
    const left = await pm.inject({
      method: 'POST',
      url: `/api/incubatees/${rec.id}/leave`,
      headers: { 'accept-language': 'en' },
      payload: { version: grad.version, reason: 'x' },
    });
    expect(left.statusCode).toBe(409);
    expect(left.json().detail).toBe(
      'This company has already graduated: only an incubating company can graduate or leave.',
    );
  });

  it('refuses graduation onto a unit leased for overlapping dates, and changes nothing', async () => {
    const rec = (await pm.get(`/api/incubatees?enterpriseId=${ents.b}`)).json().items[0];
    const leasesBefore = (await pm.get('/api/leases')).json().total;
    const res = await pm.post(`/api/incubatees/${rec.id}/graduate`, graduation(rec.version, units.E102!));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
    expect(res.json().detail).toBe('单元 E102 在 2026-03-01 至 2029-02-28 已出租，与 2026-04-01 至 2029-03-31 重叠。');
    const after = (await pm.get(`/api/incubatees/${rec.id}`)).json();
    expect(after).toMatchObject({ status: 'incubating', graduationLeaseId: null, version: rec.version });
    expect((await pm.get('/api/leases')).json().total).toBe(leasesBefore);
    expect((await pm.get(`/api/leases?enterpriseId=${ents.b}`)).json().total).toBe(0);
    expect((await audit(rec.id)).map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('records a company leaving with its reason', async () => {
    const rec = (await admit(pm, ents.c!, { desk: 'A-20', entryDate: '2025-06-01' })).json();
    let res = await pm.post(`/api/incubatees/${rec.id}/leave`, { version: rec.version, reason: '' });
    expect(res.statusCode).toBe(400);
    res = await pm.post(`/api/incubatees/${rec.id}/leave`, {
      version: rec.version,
      leftOn: '2026-02-28',
      reason: '迁往外地',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'left', leftOn: '2026-02-28', leftReason: '迁往外地', version: 2 });
    res = await pm.post(`/api/incubatees/${rec.id}/leave`, { version: 2, reason: '再退' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('该企业已退出孵化：只有在孵企业可以办理毕业或退出。');
    expect((await audit(rec.id)).map((e) => e.action)).toEqual(['create', 'leave']);
    // Having left, it may come back.
    expect((await admit(pm, ents.c!, { desk: 'A-21', entryDate: '2026-03-01' })).statusCode).toBe(201);
  });

  it('lets readers read and writers write; a company sees only its own record; a department nothing', async () => {
    for (const role of ['leader', 'investment', 'service', 'admin'] as const) {
      const c = await login(h.app, t.users[role].username);
      const res = await c.get('/api/incubatees');
      expect(res.statusCode, role).toBe(200);
      expect(res.json().total, role).toBe(5);
    }
    const investment = await login(h.app, t.users.investment.username);
    expect((await admit(investment, ents.d!)).statusCode).toBe(403);
    const service = await login(h.app, t.users.service.username);
    const someone = (await service.get('/api/incubatees')).json().items[0];
    expect((await service.post(`/api/incubatees/${someone.id}/leave`, { version: 1, reason: 'x' })).statusCode).toBe(
      403,
    );

    const company = await login(h.app, t.users.enterprise.username);
    const mine = (await company.get('/api/incubatees')).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0].enterprise.id).toBe(ents.a);
    expect((await company.get(`/api/incubatees/${mine.items[0].id}`)).statusCode).toBe(200);
    const theirs = (await pm.get(`/api/incubatees?enterpriseId=${ents.b}`)).json().items[0];
    expect((await company.get(`/api/incubatees/${theirs.id}`)).statusCode).toBe(404);
    expect((await company.get(`/api/incubatees?enterpriseId=${ents.b}`)).json().total).toBe(0);
    expect((await admit(company, ents.a!)).statusCode).toBe(403);

    const dept = await login(h.app, t.users.department.username);
    expect((await dept.get('/api/incubatees')).statusCode).toBe(403);
    expect((await dept.get(`/api/incubatees/${theirs.id}`)).statusCode).toBe(403);
    const refused = await h.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('outcome', '=', 'refused')
      .where('entityType', '=', 'incubatee')
      .where('entityId', '=', theirs.id)
      .execute();
    expect(refused.length).toBeGreaterThan(0);
  });

  it('keeps tenants apart: another office sees none of it and cannot take these companies in', async () => {
    const pmOther = await login(h.app, other.users.property.username);
    expect((await pmOther.get('/api/incubatees')).json().total).toBe(0);
    const id = (await pm.get('/api/incubatees')).json().items[0].id;
    expect((await pmOther.get(`/api/incubatees/${id}`)).statusCode).toBe(404);
    expect((await pmOther.patch(`/api/incubatees/${id}`, { version: 1, mentor: 'x' })).statusCode).toBe(404);
    expect((await pmOther.post(`/api/incubatees/${id}/leave`, { version: 1, reason: 'x' })).statusCode).toBe(404);
    const res = await pmOther.post(`/api/incubatees/${id}/graduate`, graduation(1, units.E103!));
    expect(res.statusCode).toBe(404);
    expect((await admit(pmOther, ents.d!)).statusCode).toBe(400);
  });
});
