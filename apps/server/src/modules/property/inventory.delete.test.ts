import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

/**
 * Deleting parks, buildings, units and parcels: the property manager removes what was entered by mistake; what still
 * carries something (a building's units, a unit's lease history or hold) is refused and stays as it was.
 */
describe(`deleting inventory (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let pm: Client;
  let park: { id: string; version: number };
  let building: { id: string; version: number };
  const units: Record<string, { id: string; version: number }> = {};
  let parcel: { id: string; version: number };

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'idl', h.clock.now());
    other = await createTenant(h.database, 'ido', h.clock.now());
    pm = await login(h.app, t.users.property.username);
    const admin = await login(h.app, t.users.admin.username);
    park = (await pm.post('/api/parks', { name: '删除测试园' })).json();
    building = (await pm.post('/api/buildings', { parkId: park.id, name: 'D 栋', floorCount: 3 })).json();
    const floor = (await pm.post('/api/floors', { buildingId: building.id, number: 1 })).json();
    for (const code of ['D101', 'D102', 'D103']) {
      const res = await pm.post('/api/units', { floorId: floor.id, code, area: 300, type: 'office' });
      expect(res.statusCode, res.body).toBe(201);
      units[code] = res.json();
    }
    const ent = (await admin.post('/api/enterprises', { uscc: testUscc(7601), name: '删除测试生物有限公司' })).json();
    const lease = await pm.post('/api/leases', {
      enterpriseId: ent.id,
      unitIds: [units.D101!.id],
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      monthlyRent: 9000,
    });
    expect(lease.statusCode, lease.body).toBe(201);
    const investment = await login(h.app, t.users.investment.username);
    const lead = await investment.post('/api/leads', { companyName: '某 CRO 公司', sourceChannel: 'industry' });
    expect(lead.statusCode, lead.body).toBe(201);
    const held = await investment.put(`/api/units/${units.D102!.id}/reservation`, { leadId: lead.json().id });
    expect(held.statusCode, held.body).toBe(200);
    units.D102 = held.json(); // a hold is a change of the unit: its version moved
    parcel = (
      await pm.post('/api/parcels', { code: 'DL-01', name: '删除测试地块', area: 5000, status: 'idle' })
    ).json();
    expect(parcel.id).toBeTruthy();
  });
  afterAll(async () => h?.close());

  const del = (c: Client, path: string, version: number) => c.delete(`${path}?version=${version}`);

  it('refuses a unit with a lease (even an ended one) or a hold, saying why', async () => {
    let res = await del(pm, `/api/units/${units.D101!.id}`, units.D101!.version);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('租赁记录');
    res = await del(pm, `/api/units/${units.D102!.id}`, units.D102!.version);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('预留');
    expect((await pm.get(`/api/units/${units.D101!.id}`)).statusCode).toBe(200);
    expect((await pm.get(`/api/units/${units.D102!.id}`)).statusCode).toBe(200);
  });

  it('refuses a park with buildings and a building with units', async () => {
    let res = await del(pm, `/api/parks/${park.id}`, park.version);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('还有楼宇');
    res = await del(pm, `/api/buildings/${building.id}`, building.version);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('还有房源');
  });

  it('refuses a stale version, the wrong role and another office', async () => {
    const d103 = units.D103!;
    expect((await del(pm, `/api/units/${d103.id}`, d103.version + 1)).statusCode).toBe(409);
    for (const role of ['investment', 'leader', 'service', 'department', 'enterprise'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await del(c, `/api/units/${d103.id}`, d103.version)).statusCode, role).toBe(403);
      expect((await del(c, `/api/parcels/${parcel.id}`, parcel.version)).statusCode, role).toBe(403);
    }
    const otherPm = await login(h.app, other.users.property.username);
    expect((await del(otherPm, `/api/units/${d103.id}`, d103.version)).statusCode).toBe(404);
    expect((await del(otherPm, `/api/parcels/${parcel.id}`, parcel.version)).statusCode).toBe(404);
    expect((await del(otherPm, `/api/parks/${park.id}`, park.version)).statusCode).toBe(404);
    expect((await pm.get(`/api/units/${d103.id}`)).statusCode).toBe(200);
  });

  it('deletes an unused unit and parcel, audited with the record as it was', async () => {
    const d103 = units.D103!;
    expect((await del(pm, `/api/units/${d103.id}`, d103.version)).statusCode).toBe(204);
    expect((await pm.get(`/api/units/${d103.id}`)).statusCode).toBe(404);
    expect((await del(pm, `/api/parcels/${parcel.id}`, parcel.version)).statusCode).toBe(204);
    expect((await pm.get(`/api/parcels/${parcel.id}`)).statusCode).toBe(404);
    const audit = await h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityType', 'before'])
      .where('tenantId', '=', t.id)
      .where('action', '=', 'delete')
      .where('entityId', 'in', [d103.id, parcel.id])
      .execute();
    expect(audit.map((a) => a.entityType).sort()).toEqual(['parcel', 'unit']);
    expect(audit.find((a) => a.entityType === 'unit')!.before).toContain('D103');
  });

  it('deletes an empty building with its floors, then its park', async () => {
    const spare = (await pm.post('/api/buildings', { parkId: park.id, name: '临时楼', floorCount: 2 })).json();
    expect((await pm.post('/api/floors', { buildingId: spare.id, number: 1 })).statusCode).toBe(201);
    expect((await del(pm, `/api/buildings/${spare.id}`, spare.version)).statusCode).toBe(204);
    expect((await pm.get(`/api/buildings/${spare.id}`)).statusCode).toBe(404);
    const floors = await h.database.db
      .selectFrom('floors')
      .select('id')
      .where('tenantId', '=', t.id)
      .where('buildingId', '=', spare.id)
      .execute();
    expect(floors).toEqual([]);

    const lone = (await pm.post('/api/parks', { name: '空园区' })).json();
    expect((await del(pm, `/api/parks/${lone.id}`, lone.version)).statusCode).toBe(204);
    expect((await pm.get('/api/parks')).json().items.map((p: { name: string }) => p.name)).not.toContain('空园区');
  });
});
