import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type TestHarness } from '../../test/helper.js';
import { announceExpiringLeases } from './leases.expiry.js';

/** Lease expiry alerts (issue 6): 90, 60 and 30 days before the end, once each, to the property managers. */
describe(`lease expiry alerts (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let leaseId: string;
  /** 10:00 in Shanghai on `date`. */
  const on = (date: string) => new Date(`${date}T02:00:00.000Z`);
  const notices = async () =>
    (
      await h.database.db
        .selectFrom('notifications')
        .select(['userId', 'titleZh'])
        .where('tenantId', '=', t.id)
        .where('kind', '=', 'lease-expiring')
        .execute()
    ).map((n) => n.titleZh.slice(0, 14));

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'lx', h.clock.now());
    const admin = await login(h.app, t.users.admin.username);
    const ent = (await admin.post('/api/enterprises', { uscc: testUscc(7301), name: '丙细胞治疗有限公司' })).json().id;
    const pm = await login(h.app, t.users.property.username);
    const park = (await pm.post('/api/parks', { name: '生物医药产业园' })).json();
    const building = (await pm.post('/api/buildings', { parkId: park.id, name: 'B 栋', floorCount: 3 })).json();
    const floor = (await pm.post('/api/floors', { buildingId: building.id, number: 2 })).json();
    const unit = (await pm.post('/api/units', { floorId: floor.id, code: 'B201', type: 'office', area: 200 })).json();
    const res = await pm.post('/api/leases', {
      enterpriseId: ent,
      unitIds: [unit.id],
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      monthlyRent: 12_000,
      deposit: 36_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    leaseId = res.json().id;
  });
  afterAll(async () => h?.close());

  it('tells the property manager and the admin at 90, 60 and 30 days, once each', async () => {
    expect((await announceExpiringLeases(h.database, t.id, on('2026-03-31'))).notified).toBe(0);
    // 89 days left: the 90-day notice, to both.
    expect((await announceExpiringLeases(h.database, t.id, on('2026-04-02'))).notified).toBe(2);
    expect((await announceExpiringLeases(h.database, t.id, on('2026-04-02'))).notified).toBe(0);
    expect((await announceExpiringLeases(h.database, t.id, on('2026-04-20'))).notified).toBe(0);
    expect((await announceExpiringLeases(h.database, t.id, on('2026-05-02'))).notified).toBe(2);
    expect((await announceExpiringLeases(h.database, t.id, on('2026-06-05'))).notified).toBe(2);
    // Two runners at once send nothing twice.
    const both = await Promise.all([
      announceExpiringLeases(h.database, t.id, on('2026-06-06')),
      announceExpiringLeases(h.database, t.id, on('2026-06-06')),
    ]);
    expect(both.map((r) => r.notified)).toEqual([0, 0]);
    expect((await announceExpiringLeases(h.database, t.id, on('2026-07-01'))).notified).toBe(0);
    const sent = await notices();
    expect(sent).toHaveLength(6);
    expect(sent.filter((s) => s.includes('90'))).toHaveLength(2);
    expect(sent.filter((s) => s.includes('60'))).toHaveLength(2);
    expect(sent.filter((s) => s.includes('30'))).toHaveLength(2);
    const users = await h.database.db
      .selectFrom('notifications')
      .select('userId')
      .distinct()
      .where('tenantId', '=', t.id)
      .where('kind', '=', 'lease-expiring')
      .execute();
    expect(users.map((u) => u.userId).sort()).toEqual([t.users.admin.id, t.users.property.id].sort());
  });

  it('announces a terminated lease no more', async () => {
    const pm = await login(h.app, t.users.property.username);
    const lease = (await pm.get(`/api/leases/${leaseId}`)).json();
    const res = await pm.post(`/api/leases/${leaseId}/terminate`, {
      version: lease.version,
      terminatedOn: '2026-06-10',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await announceExpiringLeases(h.database, t.id, on('2026-06-08'))).notified).toBe(0);
  });
});
