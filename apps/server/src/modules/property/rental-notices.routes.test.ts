import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, multipart, type Client, type TestHarness } from '../../test/helper.js';

/**
 * Rental notices (issue 6): a notice is made from vacant units only (a leased or reserved one is named in the 409),
 * goes draft → published → withdrawn with every other step refused, and the portal feed lists only published notices
 * whose units are all still free, with their photos — which only the property manager uploads, and only as images.
 */
describe(`rental notices (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let pm: Client;
  let ent: string;
  let leadId: string;
  let buildingA: string;
  const units: Record<string, string> = {};

  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  const notice = (c: Client, codes: string[], extra: Record<string, unknown> = {}) =>
    c.post('/api/rental-notices', {
      unitIds: codes.map((code) => units[code]),
      title: `A 栋 3层 ${codes.join('、')} 招租`,
      body: '层高 4.5 米，配套纯水与排风。\n欢迎来电洽谈。',
      contactName: '王经理',
      contactPhone: '0512-6288 1234',
      ...extra,
    });
  const created = async (codes: string[], extra: Record<string, unknown> = {}) => {
    const res = await notice(pm, codes, extra);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; status: string };
  };
  const upload = (c: Client, id: string, name: string, content: Buffer) =>
    c.inject({
      method: 'POST',
      url: '/api/attachments',
      ...multipart({ entityType: 'rental-notice', entityId: id }, { name, content }),
    });
  const audits = async (id: string) =>
    (
      await h.database.db
        .selectFrom('auditEvents')
        .select('action')
        .where('entityType', '=', 'rental-notice')
        .where('entityId', '=', id)
        .where('outcome', '=', 'ok')
        .orderBy('id')
        .execute()
    ).map((e) => e.action);

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'rn', h.clock.now());
    other = await createTenant(h.database, 'ro', h.clock.now());
    const admin = await login(h.app, t.users.admin.username);
    const company = await admin.post('/api/enterprises', { uscc: testUscc(7201), name: '丙生物医药有限公司' });
    expect(company.statusCode, company.body).toBe(201);
    ent = company.json().id;
    pm = await login(h.app, t.users.property.username);
    const park = (await pm.post('/api/parks', { name: '生物医药产业园' })).json();
    const a = (await pm.post('/api/buildings', { parkId: park.id, name: 'A 栋', floorCount: 5 })).json();
    const b = (await pm.post('/api/buildings', { parkId: park.id, name: 'B 栋', floorCount: 2 })).json();
    buildingA = a.id;
    const floorA = (await pm.post('/api/floors', { buildingId: a.id, number: 3 })).json();
    const floorB = (await pm.post('/api/floors', { buildingId: b.id, number: 1 })).json();
    const unit = async (floorId: string, code: string, extra: Record<string, unknown> = {}) => {
      const res = await pm.post('/api/units', { floorId, code, type: 'lab', area: 300, ...extra });
      expect(res.statusCode, res.body).toBe(201);
      units[code] = res.json().id;
    };
    await unit(floorA.id, 'A301', { type: 'gmp', area: 1200, monthlyRentPerSqm: 45, gmpReady: true, exhaust: true });
    for (const code of ['A302', 'A303', 'A304', 'A305', 'A306', 'A307']) await unit(floorA.id, code);
    await unit(floorA.id, 'A308', { status: 'fitting_out' });
    await unit(floorB.id, 'B101', { type: 'office', area: 150 });

    // A302 is leased from today; A303 is held for a lead (意向).
    const lease = await pm.post('/api/leases', {
      enterpriseId: ent,
      unitIds: [units.A302],
      startsOn: '2026-03-01',
      endsOn: '2027-02-28',
      monthlyRent: 12_000,
    });
    expect(lease.statusCode, lease.body).toBe(201);
    const investment = await login(h.app, t.users.investment.username);
    const lead = await investment.post('/api/leads', { companyName: '某 CRO 有限公司', sourceChannel: 'industry' });
    expect(lead.statusCode, lead.body).toBe(201);
    leadId = lead.json().id;
    const held = await investment.put(`/api/units/${units.A303}/reservation`, { leadId });
    expect(held.statusCode, held.body).toBe(200);
  });
  afterAll(async () => h?.close());

  it('makes a draft from vacant units, with the units’ place and biotech attributes, and audits it', async () => {
    const res = await notice(pm, ['A301', 'B101'], { askingRentPerSqm: 40 });
    expect(res.statusCode, res.body).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({
      status: 'draft',
      title: 'A 栋 3层 A301、B101 招租',
      body: '层高 4.5 米，配套纯水与排风。\n欢迎来电洽谈。',
      contactName: '王经理',
      contactPhone: '0512-6288 1234',
      askingRentPerSqm: 40,
      publishedAt: null,
      totalArea: 1350,
      available: true,
      photoIds: [],
      version: 1,
    });
    expect(n.units).toEqual([
      expect.objectContaining({
        code: 'A301',
        building: { id: buildingA, name: 'A 栋' },
        floor: { number: 3, label: null },
        type: 'gmp',
        area: 1200,
        status: 'vacant',
        available: true,
        monthlyRentPerSqm: 45,
        gmpReady: true,
        exhaust: true,
        labWater: false,
      }),
      expect.objectContaining({ code: 'B101', type: 'office', area: 150 }),
    ]);
    expect((await pm.get(`/api/rental-notices/${n.id}`)).json()).toEqual(n);
    expect(await audits(n.id)).toEqual(['create']);
  });

  it('refuses units that are leased, reserved or not vacant, naming each, and records nothing', async () => {
    const before = (await pm.get('/api/rental-notices')).json().total;
    let res = await notice(pm, ['A304', 'A302', 'A303', 'A308']);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
    expect(res.json().detail).toBe(
      '只有空置单元可以招租，以下单元不是空置：A302（已租）、A303（意向）、A308（装修）。',
    );
    expect(res.json().unitCodes).toEqual(['A302', 'A303', 'A308']);
    res = await pm.inject({
      method: 'POST',
      url: '/api/rental-notices',
      headers: { 'accept-language': 'en' },
      payload: { unitIds: [units.A302], title: 'x', body: 'y' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('Only vacant units can be offered; not vacant: A302 (leased).');
    expect((await pm.get('/api/rental-notices')).json().total).toBe(before);
    res = await pm.post('/api/rental-notices', { unitIds: ['nope'], title: 'x', body: 'y' });
    expect(res.statusCode).toBe(400);
    res = await pm.post('/api/rental-notices', { unitIds: [units.A304], title: ' ', body: 'y' });
    expect(res.statusCode).toBe(400);
    res = await pm.post('/api/rental-notices', { unitIds: [], title: 'x', body: 'y' });
    expect(res.statusCode).toBe(400);
  });

  it('counts a lease that starts later as taking the unit off the market', async () => {
    const lease = await pm.post('/api/leases', {
      enterpriseId: ent,
      unitIds: [units.A307],
      startsOn: '2026-06-01',
      endsOn: '2027-05-31',
      monthlyRent: 9000,
    });
    expect(lease.statusCode, lease.body).toBe(201);
    const res = await notice(pm, ['A307']);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('A307（已租）');
  });

  it('publishes a draft and withdraws it with a reason; every other step is refused with 409', async () => {
    const n = await created(['A304']);
    let res = await pm.post(`/api/rental-notices/${n.id}/withdraw`, { version: n.version, reason: '无' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid-transition');
    expect(res.json().detail).toBe('该公告当前为草稿：只有已发布的公告可以撤回。');

    res = await pm.post(`/api/rental-notices/${n.id}/publish`, { version: n.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', publishedAt: h.clock.now().toISOString(), version: 2 });
    res = await pm.post(`/api/rental-notices/${n.id}/publish`, { version: 2 });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('该公告当前为已发布：只有草稿可以发布。');
    expect((await pm.delete(`/api/rental-notices/${n.id}`)).statusCode).toBe(409);

    // A published notice's text may still change, with the version read.
    res = await pm.patch(`/api/rental-notices/${n.id}`, { version: 2, title: 'A304 实验室招租（可分割）' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'A304 实验室招租（可分割）', status: 'published', version: 3 });
    res = await pm.patch(`/api/rental-notices/${n.id}`, { version: 2, title: 'stale' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stale-version');

    expect((await pm.post(`/api/rental-notices/${n.id}/withdraw`, { version: 3 })).statusCode).toBe(400);
    res = await pm.post(`/api/rental-notices/${n.id}/withdraw`, { version: 3, reason: '已与意向企业洽谈' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: h.clock.now().toISOString(),
      withdrawnReason: '已与意向企业洽谈',
      version: 4,
    });
    for (const [url, body] of [
      [`/api/rental-notices/${n.id}/publish`, { version: 4 }],
      [`/api/rental-notices/${n.id}/withdraw`, { version: 4, reason: 'x' }],
    ] as const) {
      expect((await pm.post(url, body)).statusCode).toBe(409);
    }
    res = await pm.patch(`/api/rental-notices/${n.id}`, { version: 4, title: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('该公告当前为已撤回：已撤回的公告不能再修改。');
    expect(await audits(n.id)).toEqual(['create', 'publish', 'update', 'withdraw']);
  });

  it('refuses to publish a draft whose unit has been leased or reserved since, saying which', async () => {
    const n = await created(['A305', 'A306']);
    const investment = await login(h.app, t.users.investment.username);
    expect((await investment.put(`/api/units/${units.A306}/reservation`, { leadId })).statusCode).toBe(200);
    let res = await pm.post(`/api/rental-notices/${n.id}/publish`, { version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('以下单元已不再空置，公告不能发布：A306（意向）。');
    const record = (await pm.get(`/api/rental-notices/${n.id}`)).json();
    expect(record).toMatchObject({ status: 'draft', available: false });
    expect(record.units.map((u: { available: boolean }) => u.available)).toEqual([true, false]);
    expect((await investment.delete(`/api/units/${units.A306}/reservation`)).statusCode).toBe(200);
    res = await pm.post(`/api/rental-notices/${n.id}/publish`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('deletes a draft with its photos, and nothing else', async () => {
    const n = await created(['A304']);
    const photo = await upload(pm, n.id, 'front.png', PNG);
    expect(photo.statusCode, photo.body).toBe(201);
    expect((await pm.delete(`/api/rental-notices/${n.id}`)).statusCode).toBe(204);
    expect((await pm.get(`/api/rental-notices/${n.id}`)).statusCode).toBe(404);
    expect((await pm.get(`/api/attachments/${photo.json().id}`)).statusCode).toBe(404);
    expect(await audits(n.id)).toEqual(['create', 'delete']);
  });

  it('takes photos from the property manager (images only), not from an investment officer', async () => {
    const n = await created(['A304']);
    const res = await upload(pm, n.id, 'hall.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ entityType: 'rental-notice', contentType: 'image/png' });
    const pdf = await upload(pm, n.id, 'plan.pdf', PDF);
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().detail).toContain('JPEG, PNG, WebP');
    const investment = await login(h.app, t.users.investment.username);
    expect((await upload(investment, n.id, 'x.png', PNG)).statusCode).toBe(404);
    // The investment officer reads the notice and its photos.
    expect((await investment.get(`/api/rental-notices/${n.id}`)).json().photoIds).toEqual([res.json().id]);
    expect((await investment.get(`/api/attachments/${res.json().id}`)).statusCode).toBe(200);
    const pmOther = await login(h.app, other.users.property.username);
    expect((await upload(pmOther, n.id, 'x.png', PNG)).statusCode).toBe(404);
  });

  it('feeds the portal only published notices whose units are all still free, with their photo ids', async () => {
    const shown = await created(['B101'], { title: 'B 栋办公招租' });
    const photo = (await upload(pm, shown.id, 'b101.png', PNG)).json();
    expect((await pm.post(`/api/rental-notices/${shown.id}/publish`, { version: 1 })).statusCode).toBe(200);
    const later = await created(['A301']);
    expect((await pm.post(`/api/rental-notices/${later.id}/publish`, { version: 1 })).statusCode).toBe(200);

    let feed = (await pm.get('/api/rental-notices/published?pageSize=50')).json();
    const ids = feed.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(shown.id);
    expect(ids).toContain(later.id);
    const item = feed.items.find((i: { id: string }) => i.id === shown.id);
    expect(item).toMatchObject({ title: 'B 栋办公招租', photoIds: [photo.id], totalArea: 150 });
    expect(item.units[0]).toMatchObject({ code: 'B101', building: { name: 'B 栋' }, available: true });
    expect(item).not.toHaveProperty('status');
    // Every item is published: drafts and withdrawn notices never reach the feed.
    for (const i of feed.items) {
      expect((await pm.get(`/api/rental-notices/${i.id}`)).json().status).toBe('published');
    }
    expect(feed.total).toBe(feed.items.length);

    // Leasing A301 keeps its notice 已发布 for the office, but the portal stops showing it.
    const lease = await pm.post('/api/leases', {
      enterpriseId: ent,
      unitIds: [units.A301],
      startsOn: '2026-04-01',
      endsOn: '2029-03-31',
      monthlyRent: 54_000,
    });
    expect(lease.statusCode, lease.body).toBe(201);
    feed = (await pm.get('/api/rental-notices/published?pageSize=50')).json();
    expect(feed.items.map((i: { id: string }) => i.id)).not.toContain(later.id);
    expect((await pm.get(`/api/rental-notices/${later.id}`)).json()).toMatchObject({
      status: 'published',
      available: false,
    });
  });

  it('filters the list by status, building and text, and pages it', async () => {
    const all = (await pm.get('/api/rental-notices?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(4);
    const drafts = (await pm.get('/api/rental-notices?status=draft')).json();
    expect(drafts.items.every((n: { status: string }) => n.status === 'draft')).toBe(true);
    const inA = (await pm.get(`/api/rental-notices?buildingId=${buildingA}&pageSize=200`)).json();
    expect(inA.total).toBeLessThan(all.total);
    expect(
      inA.items.every((n: { units: { building: { id: string } }[] }) =>
        n.units.some((u) => u.building.id === buildingA),
      ),
    ).toBe(true);
    const byText = (await pm.get(`/api/rental-notices?q=${encodeURIComponent('B 栋办公')}`)).json();
    expect(byText.items.map((n: { title: string }) => n.title)).toEqual(['B 栋办公招租']);
    const byCode = (await pm.get('/api/rental-notices?q=B101')).json();
    expect(byCode.total).toBeGreaterThan(0);
    const page = (await pm.get('/api/rental-notices?pageSize=2&page=2')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(page.items).toHaveLength(2);
    expect(page.items[0].id).toBe(all.items[2].id);
    expect((await pm.get('/api/rental-notices?status=nope')).statusCode).toBe(400);
  });

  it('lets leaders, investment and service officers read but not write; companies and departments see nothing', async () => {
    const n = (await pm.get('/api/rental-notices')).json().items[0];
    for (const role of ['leader', 'investment', 'service', 'admin'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await c.get('/api/rental-notices')).statusCode, role).toBe(200);
      expect((await c.get(`/api/rental-notices/${n.id}`)).statusCode, role).toBe(200);
      expect((await c.get('/api/rental-notices/published')).statusCode, role).toBe(200);
    }
    for (const role of ['leader', 'investment', 'service'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await notice(c, ['A304'])).statusCode, role).toBe(403);
      expect((await c.patch(`/api/rental-notices/${n.id}`, { version: n.version, title: 'x' })).statusCode).toBe(403);
      expect((await c.post(`/api/rental-notices/${n.id}/publish`, { version: n.version })).statusCode).toBe(403);
    }
    for (const role of ['enterprise', 'department'] as const) {
      const c = await login(h.app, t.users[role].username);
      for (const url of ['/api/rental-notices', `/api/rental-notices/${n.id}`, '/api/rental-notices/published']) {
        expect((await c.get(url)).statusCode, `${role} ${url}`).toBe(403);
      }
      const file = await c.get(`/api/attachments?entityType=rental-notice&entityId=${n.id}`);
      expect(file.statusCode).toBe(404);
    }
    const refused = await h.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('tenantId', '=', t.id)
      .where('outcome', '=', 'refused')
      .where('entityType', '=', 'rental-notice')
      .execute();
    expect(refused.length).toBeGreaterThan(0);
  });

  it('keeps tenants apart: another office sees none of these notices and cannot change them', async () => {
    const pmOther = await login(h.app, other.users.property.username);
    expect((await pmOther.get('/api/rental-notices')).json().total).toBe(0);
    expect((await pmOther.get('/api/rental-notices/published')).json().total).toBe(0);
    const n = (await pm.get('/api/rental-notices?status=published')).json().items[0];
    expect((await pmOther.get(`/api/rental-notices/${n.id}`)).statusCode).toBe(404);
    expect((await pmOther.patch(`/api/rental-notices/${n.id}`, { version: n.version, title: 'x' })).statusCode).toBe(
      404,
    );
    expect(
      (await pmOther.post(`/api/rental-notices/${n.id}/withdraw`, { version: n.version, reason: 'x' })).statusCode,
    ).toBe(404);
    expect((await pmOther.delete(`/api/rental-notices/${n.id}`)).statusCode).toBe(404);
    expect((await notice(pmOther, ['A304'])).statusCode).toBe(400);
  });
});
