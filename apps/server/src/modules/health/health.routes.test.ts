import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DB_KIND, type TestHarness } from '../../test/helper.js';

describe(`health and platform basics (${DB_KIND})`, () => {
  let h: TestHarness;
  beforeAll(async () => {
    h = await buildTestApp();
  });
  afterAll(async () => h.close());

  it('reports the database as healthy', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'ok', dialect: DB_KIND });
  });

  it('serves an OpenAPI 3 document that lists the routes, and a docs UI', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/audit', '/api/departments']),
    );
    const ui = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers unknown API routes with problem+json in the asked language', async () => {
    const zh = await h.app.inject({ method: 'GET', url: '/api/nope' });
    expect(zh.statusCode).toBe(404);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ type: '/problems/not-found', status: 404, code: 'not-found' });
    expect(zh.json().detail).toMatch(/未找到/);
    const en = await h.app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().detail).toMatch(/does not exist/);
  });

  it('sends the security headers of DESIGN.md §6', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    expect(res.headers['content-security-policy']).toContain('frame-ancestors');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const https = await h.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    // Without trustProxy a forwarded header must not fake HTTPS.
    expect(https.headers['strict-transport-security']).toBeUndefined();
  });
});
