import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type TestHarness } from '../../test/helper.js';
import { AUDIT_COUNT_CAP } from './audit.service.js';

describe(`audit log search (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'al', h.clock.now());
    const rows = Array.from({ length: AUDIT_COUNT_CAP + 5 }, (_, i) => ({
      tenantId: t.id,
      at: new Date(Date.UTC(2026, 0, 1 + (i % 60), 3)).toISOString(),
      actorUsername: i % 2 ? 'al-admin' : 'al-leader',
      action: i % 3 ? 'update' : 'create',
      entityType: 'probe',
      entityId: `p${i}`,
      outcome: 'ok' as const,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await h.database.db
        .insertInto('auditEvents')
        .values(rows.slice(i, i + 500))
        .execute();
  });
  afterAll(async () => h.close());

  it('caps the count of a long log and says so; filtered counts stay exact', async () => {
    const admin = await login(h.app, t.users.admin.username);
    const all = (await admin.get('/api/audit?pageSize=10')).json();
    expect(all).toMatchObject({ total: AUDIT_COUNT_CAP, totalCapped: true, pageSize: 10 });
    expect(all.items).toHaveLength(10);
    expect(all.items[0].id).toBeGreaterThan(all.items[9].id);
    const one = (await admin.get('/api/audit?entityType=probe&entityId=p7')).json();
    expect(one).toMatchObject({ total: 1, totalCapped: false });
    const day = (await admin.get('/api/audit?entityType=probe&from=2026-01-02&to=2026-01-02&actor=al-admin')).json();
    // 10,005 rows over 60 days: day 2 gets i ≡ 1 (mod 60), 167 rows, every one odd, so all by al-admin.
    expect(day.total).toBe(167);
    expect(
      day.items.every(
        (e: { at: string; actorUsername: string }) => e.at.startsWith('2026-01-02') && e.actorUsername === 'al-admin',
      ),
    ).toBe(true);
  });
});
