import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

type Cells = (string | number | null)[];

/** The sheet's rows as objects keyed by header, read back with ExcelJS. */
async function sheetOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: Cells[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => (values[i + 1] ?? null) as string | number | null));
  });
  const [headers, ...data] = rows;
  return {
    name: sheet.name,
    headers: headers!.map(String),
    rows: data.map((r) => Object.fromEntries(headers!.map((h, i) => [String(h), r[i] ?? null]))),
  };
}

describe(`lead export (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let officer: Client;
  let leader: Client;

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'lx', h.clock.now());
    other = await createTenant(h.database, 'ly', h.clock.now());
    officer = await login(h.app, t.users.investment.username);
    leader = await login(h.app, t.users.leader.username);
    const add = async (c: Client, body: Record<string, unknown>) => {
      const res = await c.post('/api/leads', body);
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json() as { id: string; version: number };
    };
    await add(officer, {
      companyName: '苏州导出基因治疗有限公司',
      sourceChannel: 'industry',
      plannedInvestment: '5亿',
      spaceUnitType: 'GMP厂房',
      spaceArea: '3000',
      contacts: [{ name: '李总', title: '董事长', mobile: '13900001234', email: 'li@example.cn' }],
    });
    const small = await add(officer, {
      companyName: '上海导出检测技术有限公司',
      sourceChannel: 'fund',
      plannedInvestment: '800万',
    });
    h.clock.advanceMinutes(1);
    const moved = await officer.post(`/api/leads/${small.id}/move`, { to: 'contacted', version: small.version });
    expect(moved.statusCode, moved.body).toBe(200);
    await add(await login(h.app, other.users.investment.username), {
      companyName: '别处导出生物有限公司',
      sourceChannel: 'industry',
    });
  });
  afterAll(async () => h.close());

  it('gives an officer the filtered leads with Chinese headers, money in 万元 and contacts in full', async () => {
    const res = await officer.get('/api/leads/export?minInvestment=100000000');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('招商项目-20260302.xlsx'));
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.name).toBe('招商项目');
    expect(sheet.headers.slice(0, 7)).toEqual([
      '企业名称',
      '统一社会信用代码',
      '招商渠道',
      '产业链环节',
      '阶段',
      '负责人',
      '计划投资（万元）',
    ]);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toMatchObject({
      企业名称: '苏州导出基因治疗有限公司',
      招商渠道: '产业招商',
      阶段: '线索',
      '计划投资（万元）': 50000,
      载体类型: 'GMP厂房',
      联系人: '李总 董事长 13900001234 li@example.cn',
    });
  });

  it('respects the stage and channel filters, and never shows another office’s leads', async () => {
    const byStage = await sheetOf((await officer.get('/api/leads/export?stage=contacted')).rawPayload);
    expect(byStage.rows.map((r) => r['企业名称'])).toEqual(['上海导出检测技术有限公司']);
    expect(byStage.rows[0]).toMatchObject({ 阶段: '初步接洽', 招商渠道: '投资招商（基金招商）' });
    const all = await sheetOf((await officer.get('/api/leads/export?sort=companyName')).rawPayload);
    expect(all.rows.map((r) => r['企业名称']).sort()).toEqual(
      ['上海导出检测技术有限公司', '苏州导出基因治疗有限公司'].sort(),
    );
  });

  it('masks contacts for a leader, heads the sheet in English when asked, and audits each export once', async () => {
    const res = await leader.get('/api/leads/export?q=基因治疗', { 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.name).toBe('Leads');
    expect(sheet.rows[0]).toMatchObject({
      Company: '苏州导出基因治疗有限公司',
      'Source channel': 'Industry chain',
      Stage: 'Lead',
    });
    const contacts = String(sheet.rows[0]!['Contacts']);
    expect(contacts).toContain('李总');
    expect(contacts).not.toContain('13900001234');
    expect(contacts).toContain('139****1234');

    const events = await h.database.db
      .selectFrom('auditEvents')
      .select(['actorUsername', 'detail', 'after'])
      .where('action', '=', 'export')
      .where('entityType', '=', 'lead')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.actorUsername, e.detail])).toEqual([
      [t.users.investment.username, 'unmasked'],
      [t.users.investment.username, 'masked'],
      [t.users.investment.username, 'unmasked'],
      [t.users.leader.username, 'masked'],
    ]);
    expect(JSON.parse(events.at(-1)!.after!)).toMatchObject({ rows: 1, filters: { q: '基因治疗' } });
  });

  it('refuses roles outside the pipeline (403, audited)', async () => {
    const service = await login(h.app, t.users.service.username);
    const res = await service.get('/api/leads/export');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const refused = await h.database.db
      .selectFrom('auditEvents')
      .select('outcome')
      .where('actorUsername', '=', t.users.service.username)
      .where('outcome', '=', 'refused')
      .execute();
    expect(refused.length).toBeGreaterThan(0);
  });

  it('lists who may own a lead: admins and investment officers of the office only', async () => {
    const res = await leader.get('/api/leads/owner-options');
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((u: { id: string }) => u.id);
    expect(ids.sort()).toEqual([t.users.admin.id, t.users.investment.id].sort());
    expect((await (await login(h.app, t.users.service.username)).get('/api/leads/owner-options')).statusCode).toBe(403);
  });
});
