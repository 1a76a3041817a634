import type { TenantRole } from '@kaimen/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../lib/ids.js';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

describe(`Open311 API keys (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let admin: Client;
  let otherAdmin: Client;

  /** A form-encoded Open311 POST with the key: 201 while the key works, 403 once it does not. */
  const postWith = async (key: string) =>
    h.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        jurisdiction_id: t.slug,
        api_key: key,
        service_code: 'regulatory',
        address_string: '苏州工业园区星湖街 218 号',
        description: '咨询医疗器械注册证变更的办理流程',
        'attribute[enterprise_uscc]': testUscc(4101),
      }).toString(),
    });

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'ak', h.clock.now());
    other = await createTenant(h.database, 'ako', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
    otherAdmin = await login(h.app, other.users.admin.username);
    const company = await admin.post('/api/enterprises', { uscc: testUscc(4101), name: '苏州某某医疗器械有限公司' });
    expect(company.statusCode, company.body).toBe(201);
  });
  afterAll(async () => h.close());

  it('an admin issues a key, sees it once, and the list shows its prefix but never the key or its hash', async () => {
    const res = await admin.post('/api/api-keys', { name: ' 12345 热线系统 ' });
    expect(res.statusCode, res.body).toBe(201);
    const issued = res.json();
    expect(issued).toMatchObject({
      name: '12345 热线系统',
      createdBy: { id: t.users.admin.id, name: expect.any(String) },
      createdAt: h.clock.now().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(issued.key).toMatch(/^km_[A-Za-z0-9_-]{43}$/);
    expect(issued.keyPrefix).toBe(issued.key.slice(0, 8));

    const row = await h.database.db
      .selectFrom('apiKeys')
      .selectAll()
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    expect(row.keyHash).toBe(sha256(issued.key));
    expect(row.tenantId).toBe(t.id);

    const list = await admin.get('/api/api-keys');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((k: { id: string }) => k.id === issued.id);
    expect(item).toEqual({ ...issued, key: undefined });
    expect(list.body).not.toContain(issued.key);
    expect(list.body).not.toContain(row.keyHash);

    const audit = (await admin.get(`/api/audit?entityType=api_key&entityId=${issued.id}`)).json().items;
    expect(audit).toEqual([expect.objectContaining({ action: 'create', outcome: 'ok' })]);
    expect(JSON.stringify(audit)).not.toContain(issued.key);
    expect(JSON.stringify(audit)).not.toContain(row.keyHash);
  });

  it('refuses a key without a name', async () => {
    const res = await admin.post('/api/api-keys', { name: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'name', code: 'required' })]);
  });

  it('a key works on Open311, which marks it used; once revoked it no longer does', async () => {
    const issued = (await admin.post('/api/api-keys', { name: '政务服务网' })).json();
    h.clock.advanceMinutes(5);
    const ok = await postWith(issued.key);
    expect(ok.statusCode, ok.body).toBe(201);
    const used = (await admin.get('/api/api-keys')).json().items.find((k: { id: string }) => k.id === issued.id);
    expect(used.lastUsedAt).toBe(h.clock.now().toISOString());

    h.clock.advanceMinutes(5);
    const del = await admin.delete(`/api/api-keys/${issued.id}`);
    expect(del.statusCode).toBe(204);
    const revoked = (await admin.get('/api/api-keys')).json().items.find((k: { id: string }) => k.id === issued.id);
    expect(revoked.revokedAt).toBe(h.clock.now().toISOString());
    // Revoking again changes nothing.
    h.clock.advanceMinutes(1);
    expect((await admin.delete(`/api/api-keys/${issued.id}`)).statusCode).toBe(204);
    const again = (await admin.get('/api/api-keys')).json().items.find((k: { id: string }) => k.id === issued.id);
    expect(again.revokedAt).toBe(revoked.revokedAt);

    const refused = await postWith(issued.key);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual([{ code: 403, description: expect.any(String) }]);

    const audit = (await admin.get(`/api/audit?entityType=api_key&entityId=${issued.id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'revoke']);
  });

  it('other roles may neither list, issue nor revoke keys, and each refusal is audited', async () => {
    const target = (await admin.post('/api/api-keys', { name: '待撤销' })).json();
    const roles: TenantRole[] = ['leader', 'investment', 'service', 'department', 'property', 'enterprise'];
    for (const role of roles) {
      const c = await login(h.app, t.users[role].username);
      expect((await c.get('/api/api-keys')).statusCode, role).toBe(403);
      expect((await c.post('/api/api-keys', { name: 'x' })).statusCode, role).toBe(403);
      expect((await c.delete(`/api/api-keys/${target.id}`)).statusCode, role).toBe(403);
    }
    const refusals = await h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorRole'])
      .where('entityType', '=', 'api_key')
      .where('outcome', '=', 'refused')
      .execute();
    expect(refusals).toHaveLength(roles.length * 3);
    const still = (await admin.get('/api/api-keys')).json().items.find((k: { id: string }) => k.id === target.id);
    expect(still.revokedAt).toBeNull();
  });

  it('another tenant’s admin sees none of the keys and gets 404 for one of them', async () => {
    const mine = (await admin.post('/api/api-keys', { name: '本租户的密钥' })).json();
    const list = await otherAdmin.get('/api/api-keys');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    expect((await otherAdmin.delete(`/api/api-keys/${mine.id}`)).statusCode).toBe(404);
    const still = (await admin.get('/api/api-keys')).json().items.find((k: { id: string }) => k.id === mine.id);
    expect(still.revokedAt).toBeNull();
  });

  it('needs a session, and the CSRF token to write', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/api-keys' })).statusCode).toBe(401);
    expect(
      (await admin.inject({ method: 'POST', url: '/api/api-keys', payload: { name: 'x' }, csrf: false })).statusCode,
    ).toBe(403);
  });
});
