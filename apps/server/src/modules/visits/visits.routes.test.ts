import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, Client, DB_KIND, login, type TestHarness } from '../../test/helper.js';

/**
 * Visits (issue 5): one form records the visit and its needs, all or nothing; survey answers are checked against the
 * template; an officer visits their own companies; coverage counts the year's visits against the targets.
 */
describe(`visits (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let admin: Client;
  let officer: Client;
  let mine: string;
  let notMine: string;
  let survey: { id: string; version: number };

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'vt', h.clock.now());
    other = await createTenant(h.database, 'vo', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
    officer = await login(h.app, t.users.service.username);
    const make = async (n: number, name: string, park: string, officerId: string | null) => {
      const res = await admin.post('/api/enterprises', { uscc: testUscc(n), name, park, assignedOfficerId: officerId });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    mine = await make(6101, '甲生物科技有限公司', '一期', t.users.service.id);
    notMine = await make(6102, '乙制药有限公司', '二期', null);
    await make(6103, '丙检测有限公司', '一期', t.users.service.id);
    const res = await admin.post('/api/survey-templates', {
      name: '企业经营情况调研',
      questions: [
        { id: 'revenue', type: 'number', label: '今年预计营收（万元）', required: true },
        { id: 'hiring', type: 'single', label: '是否有招聘计划', options: ['有', '没有'] },
        { id: 'topics', type: 'multi', label: '最关心的政策', options: ['研发补助', '人才', '场地'] },
        { id: 'service', type: 'rating', label: '对园区服务的评价' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    survey = res.json();
  });
  afterAll(async () => h?.close());

  it('records a visit with a filled-in survey and its needs in one go', async () => {
    const res = await officer.post('/api/visits', {
      enterpriseId: mine,
      visitedOn: '2026-03-02',
      kind: 'onsite_office',
      departmentIds: [t.departments.housing, t.departments.power],
      notes: '现场办公，住建、供电到场',
      surveyTemplateId: survey.id,
      surveyAnswers: { revenue: 3200, hiring: '有', topics: ['人才', '场地'], service: 4 },
      needs: [{ categoryCode: 'talent', title: '招聘 QA 人员', description: '缺 8 名 QA。' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v.departments.map((d: { nameZh: string }) => d.nameZh).sort()).toEqual(['住建分局', '供电所'].sort());
    expect(v.surveyAnswers).toEqual({ revenue: 3200, hiring: '有', topics: ['人才', '场地'], service: 4 });
    expect(v.needs).toHaveLength(1);
    expect(v.needCount).toBe(1);
    const list = (await officer.get('/api/visits')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([v.id]);
  });

  it('refuses bad survey answers and a bad need, and then records nothing at all', async () => {
    const before = await h.database.db.selectFrom('needs').select('id').execute();
    let res = await officer.post('/api/visits', {
      enterpriseId: mine,
      visitedOn: '2026-03-03',
      kind: 'survey',
      surveyTemplateId: survey.id,
      surveyAnswers: { hiring: '也许', service: 9 },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['surveyAnswers.hiring', 'surveyAnswers.revenue', 'surveyAnswers.service'].sort());
    res = await officer.post('/api/visits', {
      enterpriseId: mine,
      visitedOn: '2026-03-03',
      kind: 'visit',
      needs: [
        { categoryCode: 'power', title: '扩容', description: '800kVA' },
        { categoryCode: 'no-such-category', title: 'x', description: 'y' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('needs.1.categoryCode');
    expect(await h.database.db.selectFrom('needs').select('id').execute()).toHaveLength(before.length);
    expect((await officer.get('/api/visits?from=2026-03-03')).json().items).toEqual([]);
  });

  it('lets an officer visit only their own companies, and keeps other roles and tenants out', async () => {
    const res = await officer.post('/api/visits', { enterpriseId: notMine, visitedOn: '2026-03-02', kind: 'visit' });
    expect(res.statusCode).toBe(404);
    const adminVisit = await admin.post('/api/visits', {
      enterpriseId: notMine,
      visitedOn: '2026-03-02',
      kind: 'visit',
    });
    expect(adminVisit.statusCode, adminVisit.body).toBe(201);
    // The officer does not see a visit to a company that is not theirs (and that they did not go on).
    expect((await officer.get(`/api/visits/${adminVisit.json().id}`)).statusCode).toBe(404);
    for (const role of ['investment', 'department', 'property', 'enterprise'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await c.get('/api/visits')).statusCode, role).toBe(403);
      expect((await c.get(`/api/visits/${adminVisit.json().id}`)).statusCode, role).toBe(403);
    }
    const outsider = await login(h.app, other.users.admin.username);
    expect((await outsider.get('/api/visits')).json().items).toEqual([]);
    expect((await outsider.get(`/api/visits/${adminVisit.json().id}`)).statusCode).toBe(404);
    expect(
      (await outsider.post('/api/visits', { enterpriseId: mine, visitedOn: '2026-03-02', kind: 'visit' })).statusCode,
    ).toBe(404);
  });

  it('does not delete a visit that raised needs', async () => {
    const v = (await officer.get('/api/visits')).json().items.find((x: { needCount: number }) => x.needCount > 0);
    const res = await admin.delete(`/api/visits/${v.id}`);
    expect(res.statusCode).toBe(409);
  });

  it('shows coverage per officer and park against the targets, the companies behind first', async () => {
    let cov = (await admin.get('/api/visits/coverage?year=2026')).json();
    expect(cov.defaultTarget).toBe(2);
    const officerRow = cov.byOfficer.find((o: { key: string }) => o.key === t.users.service.id);
    expect(officerRow).toMatchObject({ companies: 2, visited: 1, metTarget: 0, visits: 1, targetVisits: 4 });
    expect(cov.byPark.find((p: { key: string }) => p.key === '二期')).toMatchObject({ companies: 1, visited: 1 });
    expect(cov.behind[0]).toMatchObject({ name: '丙检测有限公司', visits: 0 });
    // A company's own target, and the default, change what "met" means.
    expect((await admin.put(`/api/visits/plan/enterprises/${mine}`, { yearlyVisitTarget: 1 })).statusCode).toBe(200);
    cov = (await admin.get('/api/visits/coverage?year=2026')).json();
    expect(cov.byOfficer.find((o: { key: string }) => o.key === t.users.service.id)).toMatchObject({
      metTarget: 1,
      targetVisits: 3,
    });
    // The officer sees their own companies only.
    const own = (await officer.get('/api/visits/coverage?year=2026')).json();
    expect(own.totals.companies).toBe(2);
    expect((await officer.put('/api/visits/plan', { yearlyVisitTarget: 5 })).statusCode).toBe(403);
  });
});
