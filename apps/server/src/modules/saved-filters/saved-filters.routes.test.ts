import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

describe(`saved filters (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let officer: Client;
  let admin: Client;

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'sf', h.clock.now());
    officer = await login(h.app, t.users.investment.username);
    admin = await login(h.app, t.users.admin.username);
  });
  afterAll(async () => h.close());

  const names = async (c: Client, screen = 'leads') =>
    (await c.get(`/api/saved-filters?screen=${screen}`)).json().items.map((f: { name: string }) => f.name);

  it('saves a list’s filters under a name, lists them by name, and audits the save', async () => {
    const res = await officer.post('/api/saved-filters', {
      screen: 'leads',
      name: '大项目',
      query: '?minInvestment=100000000&view=table',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ screen: 'leads', name: '大项目', query: 'minInvestment=100000000&view=table' });
    await officer.post('/api/saved-filters', { screen: 'leads', name: '逾期', query: 'overdue=any' });
    await officer.post('/api/saved-filters', { screen: 'enterprises', name: '园区', query: 'park=BioBAY' });
    expect(await names(officer)).toEqual(['大项目', '逾期']);
    expect(await names(officer, 'enterprises')).toEqual(['园区']);
    const audit = await h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('entityType', '=', 'saved-filter')
      .execute();
    expect(audit.filter((a) => a.action === 'create')).toHaveLength(3);
  });

  it('refuses a second filter of the same name on the same screen (409 on the name)', async () => {
    const res = await officer.post('/api/saved-filters', { screen: 'leads', name: '大项目', query: 'stage=signed' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'name' }] });
    expect(res.json().detail).toContain('大项目');
    // Another user may use the same name.
    expect((await admin.post('/api/saved-filters', { screen: 'leads', name: '大项目', query: 'q=x' })).statusCode).toBe(
      201,
    );
  });

  it('shows and deletes only one’s own filters', async () => {
    expect(await names(admin)).toEqual(['大项目']);
    const mine = (await officer.get('/api/saved-filters?screen=leads')).json().items as { id: string; name: string }[];
    const target = mine.find((f) => f.name === '逾期')!;
    expect((await admin.delete(`/api/saved-filters/${target.id}`)).statusCode).toBe(404);
    expect(await names(officer)).toEqual(['大项目', '逾期']);
    expect((await officer.delete(`/api/saved-filters/${target.id}`)).statusCode).toBe(204);
    expect(await names(officer)).toEqual(['大项目']);
    const deleted = await h.database.db
      .selectFrom('auditEvents')
      .select(['actorUsername'])
      .where('entityType', '=', 'saved-filter')
      .where('action', '=', 'delete')
      .where('outcome', '=', 'ok')
      .execute();
    expect(deleted.map((d) => d.actorUsername)).toEqual([t.users.investment.username]);
  });

  it('checks the screen and the name', async () => {
    expect((await officer.get('/api/saved-filters?screen=nope')).statusCode).toBe(400);
    expect((await officer.post('/api/saved-filters', { screen: 'leads', name: '  ', query: '' })).statusCode).toBe(400);
  });
});
