import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTenant, type TestTenant } from '../test/factories.js';
import { buildTestApp, DB_KIND, login, testConfig, type Client, type TestHarness } from '../test/helper.js';

describe(`problem+json for every error (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let admin: Client;
  beforeAll(async () => {
    // The fuzzing below signs in far more than the per-IP limit allows.
    h = await buildTestApp({ loginRatePerMinute: 10_000 });
    t = await createTenant(h.database, 'eh', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
  });
  afterAll(async () => h.close());

  it('an unexpected failure says "server error" and shows no stack, SQL or path', async () => {
    const app = await buildApp(testConfig(h.testDb, h.clock), { database: h.database, webRoot: null, logger: false });
    app.get('/api/boom', async () => {
      throw new Error('SQLITE_ERROR: no such column "secret" at /work/main/apps/server/src/x.ts:12');
    });
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/boom', headers: { 'accept-language': 'en' } });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toEqual({
      type: '/problems/internal',
      title: 'Server error',
      status: 500,
      code: 'internal',
      detail: 'Something went wrong on the server: please try again later.',
      instance: '/api/boom',
    });
  });

  it('malformed JSON is a 400 problem, not a crash', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: '{"username": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation');
  });

  it('fuzzed bodies never produce a 500 or a non-problem error, and never create a half-valid user', async () => {
    const before = (await admin.get('/api/users')).json().total;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            username: fc.oneof(fc.string(), fc.constant('a'), fc.integer()),
            displayName: fc.oneof(fc.string(), fc.constant(null)),
            role: fc.oneof(fc.constantFrom('admin', 'wizard', 'super_admin'), fc.string()),
            password: fc.oneof(fc.string(), fc.constant('')),
            departmentId: fc.oneof(fc.uuid(), fc.constant(null), fc.string()),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const res = await admin.post('/api/users', body);
          if (res.statusCode === 201) return; // a valid body is allowed to create a user
          expect([400, 409, 422]).toContain(res.statusCode);
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(typeof res.json().detail).toBe('string');
        },
      ),
      { numRuns: 60 },
    );
    const created = await h.database.db
      .selectFrom('users')
      .select(['role', 'passwordHash'])
      .where('tenantId', '=', t.id)
      .execute();
    expect(created.every((u) => u.role !== 'super_admin' && u.passwordHash.startsWith('scrypt$'))).toBe(true);
    expect((await admin.get('/api/users')).json().total).toBeGreaterThanOrEqual(before);
  });

  it('fuzzed sign-ins answer 400 or 401, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (body) => {
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: JSON.stringify(body) ?? 'null',
          headers: { 'content-type': 'application/json' },
        });
        expect([400, 401]).toContain(res.statusCode);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: 60 },
    );
  });
});
