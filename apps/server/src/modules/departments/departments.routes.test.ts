import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type TestHarness } from '../../test/helper.js';

/** A department's robot webhook URL carries the robot's key: the admin sets and sees it, nobody else reads it. */
describe(`department webhooks (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-robot-key';

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'dw', h.clock.now());
  });
  afterAll(async () => h?.close());

  it('keeps the webhook URL to the admin, on the list and the record', async () => {
    const admin = await login(h.app, t.users.admin.username);
    const id = t.departments.housing!;
    const before = (await admin.get(`/api/departments/${id}`)).json();
    const res = await admin.patch(`/api/departments/${id}`, { version: before.version, webhookUrl: url });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().webhookUrl).toBe(url);
    expect((await admin.get('/api/departments')).json().items.find((d: { id: string }) => d.id === id).webhookUrl).toBe(
      url,
    );
    for (const role of ['leader', 'service', 'department', 'enterprise'] as const) {
      const c = await login(h.app, t.users[role].username);
      const list = await c.get('/api/departments');
      expect(list.statusCode).toBe(200);
      expect(list.body, role).not.toContain('secret-robot-key');
      expect((await c.get(`/api/departments/${id}`)).body, role).not.toContain('secret-robot-key');
    }
  });

  it('refuses a webhook URL that is not http(s)', async () => {
    const admin = await login(h.app, t.users.admin.username);
    const id = t.departments.power!;
    const before = (await admin.get(`/api/departments/${id}`)).json();
    const res = await admin.patch(`/api/departments/${id}`, { version: before.version, webhookUrl: 'ftp://robot' });
    expect(res.statusCode).toBe(400);
  });
});
