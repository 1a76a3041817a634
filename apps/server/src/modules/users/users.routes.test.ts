import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

describe(`user administration (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let admin: Client;
  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'ua', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
  });
  afterAll(async () => h.close());

  it('creates a user who can then sign in, and audits it without the password', async () => {
    const res = await admin.post('/api/users', {
      username: 'Zhang.San',
      displayName: '张三',
      role: 'department',
      departmentId: t.departments.power,
      password: 'Zhangsan-2026',
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'zhang.san',
      role: 'department',
      departmentId: t.departments.power,
      version: 1,
    });
    await login(h.app, 'zhang.san', 'Zhangsan-2026');
    const ev = (await admin.get(`/api/audit?entityType=user&entityId=${user.id}&action=create`)).json().items[0];
    expect(ev).toMatchObject({ actorUsername: t.users.admin.username, outcome: 'ok' });
    expect(ev.after.username).toBe('zhang.san');
    expect(JSON.stringify(ev)).not.toMatch(/scrypt|Zhangsan-2026/);
  });

  it('usernames are unique across the platform: 409 problem+json', async () => {
    const other = await createTenant(h.database, 'ub', h.clock.now());
    const res = await admin.post('/api/users', {
      username: other.users.leader.username,
      displayName: 'dup',
      role: 'leader',
      password: 'Dupuser-2026',
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ type: '/problems/conflict', code: 'conflict' });
    expect(res.body).not.toMatch(/UNIQUE|constraint|users_|sqlite|duplicate key/i);
  });

  it("reports every invalid field in the user's language", async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: '!', role: 'wizard', password: 'weak' },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['displayName', 'password', 'role', 'username']);
    expect(res.json().detail).toBe('Please check the highlighted fields.');
    const zh = await admin.post('/api/users', {
      username: 'ok-name',
      displayName: 'x',
      role: 'admin',
      password: 'weak',
    });
    expect(zh.json().errors[0].message).toMatch(/密码至少 8 位/);
  });

  it('a stale version is refused with 409 and changes nothing', async () => {
    const u = (
      await admin.post('/api/users', {
        username: 'ver-user',
        displayName: 'v1',
        role: 'service',
        password: 'Version-2026',
      })
    ).json();
    const first = await admin.patch(`/api/users/${u.id}`, { version: 1, displayName: 'v2' });
    expect(first.json().version).toBe(2);
    const stale = await admin.patch(`/api/users/${u.id}`, { version: 1, displayName: 'lost update' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale-version');
    expect((await admin.get(`/api/users/${u.id}`)).json().displayName).toBe('v2');
  });

  it('lists with filters, sorting and paging', async () => {
    const page = (await admin.get('/api/users?role=department&sort=-username&pageSize=1&page=1')).json();
    expect(page.pageSize).toBe(1);
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(2);
    expect(page.items[0].username).toBe('zhang.san');
    const q = (await admin.get('/api/users?q=%E5%BC%A0')).json(); // 张
    expect(q.items.map((u: { username: string }) => u.username)).toContain('zhang.san');
    expect((await admin.get('/api/users?pageSize=500')).statusCode).toBe(400);
  });

  it('an admin cannot disable their own account', async () => {
    const res = await admin.post(`/api/users/${t.users.admin.id}/disable`);
    expect(res.statusCode).toBe(422);
  });

  it('unlock lifts a lockout before its window ends', async () => {
    for (let i = 0; i < 5; i++)
      await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: t.users.investment.username, password: 'Wrong-pass1' },
      });
    const locked = (await admin.get(`/api/users/${t.users.investment.id}`)).json();
    expect(locked.lockedUntil).not.toBeNull();
    expect((await admin.post(`/api/users/${t.users.investment.id}/unlock`)).json().lockedUntil).toBeNull();
    await login(h.app, t.users.investment.username);
  });

  it('names each change in the audit log, with the role of who did it', async () => {
    const u = (
      await admin.post('/api/users', {
        username: 'audit-me',
        displayName: 'a',
        role: 'service',
        password: 'Auditme-2026',
      })
    ).json();
    await admin.post(`/api/users/${u.id}/disable`);
    await admin.post(`/api/users/${u.id}/enable`);
    await admin.post(`/api/users/${u.id}/unlock`);
    await admin.post(`/api/users/${u.id}/reset-password`, { password: 'Auditme-2027' });
    await admin.patch(`/api/users/${u.id}`, { version: 5, displayName: 'b' });
    await login(h.app, 'audit-me', 'Auditme-2027');
    const items = (await admin.get(`/api/audit?entityId=${u.id}&pageSize=50`)).json().items;
    expect(items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'create',
      'disable',
      'enable',
      'unlock',
      'reset-password',
      'update',
      'login',
    ]);
    expect(items.every((e: { actorRole: string }) => e.actorRole)).toBe(true);
    expect(items[0]).toMatchObject({ action: 'login', actorRole: 'service', actorUsername: 'audit-me' });
  });

  it('a department with users cannot be deleted', async () => {
    const res = await admin.delete(`/api/departments/${t.departments.housing}`);
    expect(res.statusCode).toBe(409);
    expect((await admin.get(`/api/departments/${t.departments.housing}`)).statusCode).toBe(200);
  });
});
