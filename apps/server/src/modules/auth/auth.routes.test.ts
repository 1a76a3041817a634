import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, Client, DB_KIND, login, TEST_PASSWORD, type TestHarness } from '../../test/helper.js';
import { totpCode } from './totp.js';

describe(`sign-in, sessions and CSRF (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'auth', h.clock.now());
  });
  afterAll(async () => h.close());

  const attempt = (username: string, password: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

  it('signs in, sets a hardened cookie and answers me', async () => {
    const res = await attempt(t.users.service.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kaimen_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.value.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const body = res.json();
    expect(body.user).toMatchObject({ username: t.users.service.username, role: 'service', tenant: { slug: 'auth' } });
    expect(body.user).not.toHaveProperty('passwordHash');
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `kaimen_sid=${cookie.value}` },
    });
    expect(me.json().user.id).toBe(t.users.service.id);
  });

  it('issues a fresh token at every login', async () => {
    const a = await login(h.app, t.users.leader.username);
    const b = await login(h.app, t.users.leader.username);
    expect(a.cookie).not.toBe(b.cookie);
  });

  it('locks an account after 5 failures for 30 minutes, then lets it in again', async () => {
    const u = t.users.property.username;
    for (let i = 1; i <= 4; i++) {
      const res = await attempt(u, 'wrong-Password1', { 'accept-language': 'zh-CN' });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid-credentials');
      expect(res.json().detail).toContain('5 次');
    }
    const fifth = await attempt(u, 'wrong-Password1', { 'accept-language': 'en' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.headers['content-type']).toContain('application/problem+json');
    expect(fifth.json()).toMatchObject({ code: 'account-locked', type: '/problems/account-locked' });
    expect(fifth.json().detail).toMatch(/locked.*30 minutes/);
    // Even the right password is refused while locked.
    expect((await attempt(u, TEST_PASSWORD)).statusCode).toBe(423);
    h.clock.advanceMinutes(29);
    expect((await attempt(u, TEST_PASSWORD)).statusCode).toBe(423);
    h.clock.advanceMinutes(2);
    expect((await attempt(u, TEST_PASSWORD)).statusCode).toBe(200);
    const events = await h.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'login')
      .where('actorUsername', '=', u)
      .execute();
    expect(events.filter((e) => e.outcome === 'failed')).toHaveLength(5);
    expect(events.filter((e) => e.outcome === 'refused')).toHaveLength(2);
    expect(events.filter((e) => e.outcome === 'ok')).toHaveLength(1);
  });

  it('says the same for an unknown user as for a wrong password, and audits it', async () => {
    const res = await attempt('nobody-here', 'whatever-Pw1');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid-credentials');
    const ev = await h.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('actorUsername', '=', 'nobody-here')
      .executeTakeFirst();
    expect(ev).toMatchObject({ action: 'login', outcome: 'failed', detail: 'unknown-user' });
  });

  it('ends a session after 30 idle minutes but keeps an active one alive', async () => {
    const c = await login(h.app, t.users.investment.username);
    h.clock.advanceMinutes(20);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    h.clock.advanceMinutes(20); // 40 minutes since login, 20 since the last request
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    h.clock.advanceMinutes(31);
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('ends a session after 12 hours however active it is', async () => {
    const c = await login(h.app, t.users.investment.username);
    for (let i = 0; i < 24; i++) {
      h.clock.advanceMinutes(29);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    }
    h.clock.advanceMinutes(29); // 12 h 5 min
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses an unsafe request without the CSRF token with 403, and audits it', async () => {
    const c = await login(h.app, t.users.admin.username);
    const missing = await c.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en' }, csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('csrf');
    const wrong = await c.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      payload: { locale: 'en' },
      headers: { 'x-csrf-token': 'nope' },
      csrf: false,
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await c.patch('/api/auth/me', { locale: 'en' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe('en');
    const refused = await h.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('outcome', '=', 'refused')
      .where('detail', '=', 'csrf')
      .execute();
    expect(refused.length).toBeGreaterThanOrEqual(2);
  });

  it("uses the user's language setting for error texts", async () => {
    const c = await login(h.app, t.users.admin.username);
    await c.patch('/api/auth/me', { locale: 'en' });
    const res = await c.inject({
      method: 'GET',
      url: '/api/platform/tenants',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('Your role may not do this.');
    await c.patch('/api/auth/me', { locale: 'zh-CN' });
  });

  it('logs out: the cookie no longer works', async () => {
    const c = await login(h.app, t.users.leader.username);
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    const res = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie! } });
    expect(res.statusCode).toBe(401);
  });

  it('changing the password ends the other sessions and keeps this one with a new token', async () => {
    const other = await login(h.app, t.users.department.username);
    const c = await login(h.app, t.users.department.username);
    const oldCookie = c.cookie;
    const weak = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ field: 'newPassword' });
    expect(weak.json().errors[0].message).toMatch(/至少 8 位/);
    const wrong = await c.post('/api/auth/password', { currentPassword: 'not-it-Pw1', newPassword: 'New-Passw0rd' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const res = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'New-Passw0rd' });
    expect(res.statusCode).toBe(204);
    expect(c.cookie).not.toBe(oldCookie);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: oldCookie! } })).statusCode,
    ).toBe(401);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await attempt(t.users.department.username, 'New-Passw0rd')).statusCode).toBe(200);
  });

  it('rate-limits sign-in per IP generously', async () => {
    const limited = await buildTestApp({ loginRatePerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (
            await limited.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: 'x', password: 'y' },
            })
          ).statusCode,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
    expect(h.config.loginRatePerMinute).toBe(60);
  });
});

describe(`TOTP second factor (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'totp', h.clock.now());
  });
  afterAll(async () => h.close());

  it('enrols, then asks for a code at sign-in and refuses a wrong or replayed one', async () => {
    const c = await login(h.app, t.users.service.username);
    const setup = (await c.post('/api/auth/totp/setup')).json();
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect((await c.post('/api/auth/totp/enable', { code: '000000' })).statusCode).toBe(401);
    const enabled = await c.post('/api/auth/totp/enable', { code: totpCode(setup.secret, h.clock.now()) });
    expect(enabled.json().user.totpEnabled).toBe(true);

    h.clock.advanceMinutes(1);
    const noCode = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: t.users.service.username, password: TEST_PASSWORD },
    });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('totp-required');
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: t.users.service.username, password: TEST_PASSWORD, totp: '123456' },
    });
    expect(bad.json().code).toBe('totp-invalid');
    const code = totpCode(setup.secret, h.clock.now());
    await login(h.app, t.users.service.username, TEST_PASSWORD, code);
    const replay = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: t.users.service.username, password: TEST_PASSWORD, totp: code },
    });
    expect(replay.json().code).toBe('totp-invalid');
  });

  it('a role that requires TOTP must enrol before doing anything else', async () => {
    const admin = await login(h.app, t.users.admin.username);
    const settings = (await admin.get('/api/settings/security')).json();
    const put = await admin.put('/api/settings/security', { totpRequiredRoles: ['leader'], version: settings.version });
    expect(put.statusCode).toBe(200);
    const leader = await login(h.app, t.users.leader.username);
    expect((await leader.get('/api/auth/me')).json().user.totpEnrolmentRequired).toBe(true);
    const blocked = await leader.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('totp-enrolment-required');
    const { secret } = (await leader.post('/api/auth/totp/setup')).json();
    await leader.post('/api/auth/totp/enable', { code: totpCode(secret, h.clock.now()) });
    expect((await leader.get('/api/users')).statusCode).toBe(200);
    const off = await leader.post('/api/auth/totp/disable', { password: TEST_PASSWORD });
    expect(off.statusCode).toBe(403);
  });
});

describe(`disabled users (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'dis', h.clock.now());
  });
  afterAll(async () => h.close());

  it("an admin disabling a user ends that user's sessions at once and blocks sign-in", async () => {
    const victim = await login(h.app, t.users.property.username);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
    const admin = await login(h.app, t.users.admin.username);
    const res = await admin.post(`/api/users/${t.users.property.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    const again = await new Client(h.app).post('/api/auth/login', {
      username: t.users.property.username,
      password: TEST_PASSWORD,
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('account-disabled');
    await admin.post(`/api/users/${t.users.property.id}/enable`);
    await login(h.app, t.users.property.username);
  });

  it('a password reset by an admin ends the sessions and sets the new password', async () => {
    const victim = await login(h.app, t.users.enterprise.username);
    const admin = await login(h.app, t.users.admin.username);
    expect(
      (await admin.post(`/api/users/${t.users.enterprise.id}/reset-password`, { password: 'Reset-Passw0rd' }))
        .statusCode,
    ).toBe(204);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    await login(h.app, t.users.enterprise.username, 'Reset-Passw0rd');
  });
});
