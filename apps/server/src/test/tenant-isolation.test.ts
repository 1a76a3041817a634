import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuperAdmin, createTenant, type TestTenant } from './factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from './helper.js';

describe(`tenant isolation and list/record agreement (${DB_KIND})`, () => {
  let h: TestHarness;
  let a: TestTenant;
  let b: TestTenant;
  let adminA: Client;
  let adminB: Client;
  beforeAll(async () => {
    h = await buildTestApp();
    a = await createTenant(h.database, 'ta', h.clock.now());
    b = await createTenant(h.database, 'tb', h.clock.now());
    adminA = await login(h.app, a.users.admin.username);
    adminB = await login(h.app, b.users.admin.username);
    await adminB.patch('/api/auth/me', { displayName: 'B admin' });
  });
  afterAll(async () => h.close());

  it("an admin of tenant A cannot read or change tenant B's users", async () => {
    const list = (await adminA.get('/api/users?pageSize=200')).json();
    expect(list.items.map((u: { username: string }) => u.username).every((n: string) => n.startsWith('ta-'))).toBe(
      true,
    );
    expect(list.total).toBe(7);
    const victim = b.users.service.id;
    expect((await adminA.get(`/api/users/${victim}`)).statusCode).toBe(404);
    expect((await adminA.patch(`/api/users/${victim}`, { version: 1, displayName: 'hacked' })).statusCode).toBe(404);
    expect((await adminA.post(`/api/users/${victim}/disable`)).statusCode).toBe(404);
    expect((await adminA.post(`/api/users/${victim}/reset-password`, { password: 'Hacked-Passw0rd' })).statusCode).toBe(
      404,
    );
    const row = await h.database.db.selectFrom('users').selectAll().where('id', '=', victim).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ displayName: 'tb service', disabled: 0, version: 1 });
    const refusals = await h.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', victim)
      .where('outcome', '=', 'refused')
      .execute();
    expect(refusals).toHaveLength(4);
  });

  it("cannot see or change another tenant's departments and need categories", async () => {
    const bDept = b.departments.housing!;
    const aDepts = (await adminA.get('/api/departments')).json().items.map((d: { id: string }) => d.id);
    expect(aDepts).not.toContain(bDept);
    expect(aDepts).toHaveLength(11);
    expect((await adminA.get(`/api/departments/${bDept}`)).statusCode).toBe(404);
    expect((await adminA.patch(`/api/departments/${bDept}`, { version: 1, nameZh: 'x' })).statusCode).toBe(404);
    expect((await adminA.delete(`/api/departments/${bDept}`)).statusCode).toBe(404);
    const bCat = (await adminB.get('/api/dictionaries')).json().needCategories[0];
    expect(
      (await adminA.patch(`/api/need-categories/${bCat.id}`, { version: bCat.version, slaWorkingDays: 1 })).statusCode,
    ).toBe(404);
    // A department id of tenant B cannot be given to a user of tenant A.
    const res = await adminA.post('/api/users', {
      username: 'ta-cross',
      displayName: 'x',
      role: 'department',
      departmentId: bDept,
      password: 'Cross-Passw0rd',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('departmentId');
  });

  it("the audit log of tenant A holds none of tenant B's events; the operator sees both", async () => {
    const events = (await adminA.get('/api/audit?pageSize=200')).json().items;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e: { tenantId: string }) => e.tenantId === a.id)).toBe(true);
    const op = await createSuperAdmin(h.database, 'iso-op');
    const all = (await (await login(h.app, op.username)).get('/api/audit?pageSize=200')).json().items;
    expect(all.some((e: { tenantId: string }) => e.tenantId === b.id)).toBe(true);
    expect(all.some((e: { tenantId: string }) => e.tenantId === a.id)).toBe(true);
  });

  it('the tenant comes from the session: a tenantId in the body is ignored', async () => {
    const res = await adminA.post('/api/users', {
      username: 'ta-body',
      displayName: 'x',
      role: 'service',
      password: 'Body-Passw0rd',
      tenantId: b.id,
    });
    expect(res.statusCode).toBe(201);
    const row = await h.database.db
      .selectFrom('users')
      .select('tenantId')
      .where('username', '=', 'ta-body')
      .executeTakeFirstOrThrow();
    expect(row.tenantId).toBe(a.id);
  });

  it('for every role, the user list shows exactly the users whose record it may open', async () => {
    const everyone = await h.database.db.selectFrom('users').select('id').execute();
    for (const role of ['admin', 'leader', 'service', 'enterprise'] as const) {
      const c = await login(h.app, a.users[role].username);
      const list = await c.get('/api/users?pageSize=200');
      const listed =
        list.statusCode === 200
          ? list
              .json()
              .items.map((u: { id: string }) => u.id)
              .sort()
          : [];
      const openable: string[] = [];
      for (const u of everyone) if ((await c.get(`/api/users/${u.id}`)).statusCode === 200) openable.push(u.id);
      expect(listed, role).toEqual(openable.sort());
    }
  });

  it('a disabled tenant cannot sign in and its open sessions end', async () => {
    const op = await createSuperAdmin(h.database, 'iso-op2');
    const opc = await login(h.app, op.username);
    const bUser = await login(h.app, b.users.leader.username);
    const t = (await opc.get('/api/platform/tenants')).json().items.find((x: { slug: string }) => x.slug === 'tb');
    expect((await opc.patch(`/api/platform/tenants/${t.id}`, { version: t.version, disabled: true })).statusCode).toBe(
      200,
    );
    expect((await bUser.get('/api/auth/me')).statusCode).toBe(401);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: b.users.leader.username, password: 'Kaimen-test-2026' },
    });
    expect(res.json().code).toBe('account-disabled');
  });
});

describe(`the audit log cannot be changed (${DB_KIND})`, () => {
  let h: TestHarness;
  const routes: { method: string; url: string }[] = [];
  beforeAll(async () => {
    h = await buildTestApp();
  });
  afterAll(async () => h.close());

  it('no route but GET touches the audit log', async () => {
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/audit', '/api/audit/1']) {
        routes.push({ method: m, url });
        expect(h.app.hasRoute({ method: m, url })).toBe(false);
      }
    }
    expect(h.app.hasRoute({ method: 'GET', url: '/api/audit' })).toBe(true);
  });

  it('write attempts on the audit log are refused and the log stays intact', async () => {
    const t = await createTenant(h.database, 'au', h.clock.now());
    const admin = await login(h.app, t.users.admin.username);
    const before = (await admin.get('/api/audit?pageSize=200')).json();
    for (const { method, url } of routes) {
      const res = await admin.inject({
        method: method as 'DELETE',
        url,
        payload: method === 'DELETE' ? undefined : { outcome: 'ok' },
      });
      expect(res.statusCode).toBe(404);
    }
    const after = (await admin.get('/api/audit?pageSize=200')).json();
    const ids = (x: { items: { id: number }[] }) => x.items.map((e) => e.id);
    expect(ids(after)).toEqual(expect.arrayContaining(ids(before)));
    expect(after.items.find((e: { id: number }) => e.id === before.items[0].id)).toEqual(before.items[0]);
  });
});
