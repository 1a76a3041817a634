import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc as makeUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

describe(`investment pipeline API (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let officer: Client;
  let leader: Client;
  let admin: Client;
  let seq = 500;
  const newLead = async (body: Record<string, unknown> = {}, c: Client = officer) => {
    const res = await c.post('/api/leads', {
      companyName: `苏州测试生物科技有限公司${++seq}`,
      sourceChannel: 'industry',
      ...body,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json();
  };
  const move = (c: Client, lead: { id: string; version: number }, to: string, extra: Record<string, unknown> = {}) =>
    c.post(`/api/leads/${lead.id}/move`, { to, version: lead.version, ...extra });
  const moveOk = async (lead: { id: string; version: number }, to: string, extra: Record<string, unknown> = {}) => {
    h.clock.advanceMinutes(1); // moves happen one after another, as in an office
    const res = await move(officer, lead, to, extra);
    if (res.statusCode !== 200) throw new Error(res.body);
    return res.json();
  };

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'pl', h.clock.now());
    other = await createTenant(h.database, 'po', h.clock.now());
    officer = await login(h.app, t.users.investment.username);
    leader = await login(h.app, t.users.leader.username);
    admin = await login(h.app, t.users.admin.username);
  });
  afterAll(async () => h.close());

  it('adds a lead with contacts, space need and capital arrived, at stage 线索 with its first history row, audited', async () => {
    const res = await officer.post('/api/leads', {
      companyName: ' 上海某某基因治疗（CDMO）有限公司 ',
      uscc: makeUscc(9001),
      sourceChannel: '产业招商',
      chainNodeCode: 'cro_preclinical',
      plannedInvestment: '5亿',
      spaceUnitType: 'GMP厂房',
      spaceArea: '3,000㎡',
      spaceRequirements: ['gmp_ready', '实验室排风'],
      expectedJobs: '120人',
      expectedAnnualTax: '800万元',
      nextFollowUpOn: '2026年3月9日',
      contacts: [{ name: '李总', title: '董事长', mobile: '+86 139-0000-1234', email: 'li@example.cn' }],
      capital: [{ arrivedOn: '2026-02-01', amount: '1000万' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const lead = res.json();
    expect(lead).toMatchObject({
      companyName: '上海某某基因治疗(CDMO)有限公司',
      sourceChannel: 'industry',
      stage: 'lead',
      plannedInvestment: 500_000_000,
      spaceUnitType: 'gmp',
      spaceArea: 3000,
      spaceRequirements: ['gmp_ready', 'lab_exhaust'],
      expectedJobs: 120,
      expectedAnnualTax: 8_000_000,
      nextFollowUpOn: '2026-03-09',
      capitalArrived: 10_000_000,
      owner: { id: t.users.investment.id },
      chainNode: { code: 'cro_preclinical' },
      personalDataMasked: false,
      version: 1,
    });
    expect(lead.contacts[0]).toMatchObject({ name: '李总', mobile: '13900001234' });
    const timeline = (await officer.get(`/api/leads/${lead.id}/timeline`)).json().items;
    expect(timeline).toEqual([
      expect.objectContaining({
        type: 'created',
        toStage: 'lead',
        by: expect.objectContaining({ id: t.users.investment.id }),
      }),
    ]);
    const audit = (await admin.get(`/api/audit?entityType=lead&entityId=${lead.id}`)).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].after.contacts[0].mobile).toBe('13900001234');
    // A leader reads the pipeline but not the contacts' numbers.
    const seen = (await leader.get(`/api/leads/${lead.id}`)).json();
    expect(seen.personalDataMasked).toBe(true);
    expect(seen.contacts[0].mobile).toBe('139****1234');
  });

  it('refuses bad input with a message per field in the user’s language', async () => {
    const res = await officer.inject({
      method: 'POST',
      url: '/api/leads',
      payload: { companyName: '  ', uscc: '91350100M000100Y4Z', sourceChannel: '路边招商', spaceArea: '-5' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const errors = res.json().errors as { field: string; code: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'companyName', code: 'required' }),
        expect.objectContaining({
          field: 'uscc',
          code: 'uscc-invalid',
          message: expect.stringContaining('统一社会信用代码'),
        }),
        expect.objectContaining({ field: 'sourceChannel', code: 'channel-invalid', message: '未知的招商渠道' }),
        expect.objectContaining({ field: 'spaceArea', code: 'area-invalid' }),
      ]),
    );
  });

  it('moves through the stages with who, when, from, to and comment; lost needs a reason; a stale version is refused', async () => {
    let lead = await newLead({ plannedInvestment: '3000万' });
    lead = await moveOk(lead, 'contacted', { comment: '电话联系上了' });
    h.clock.advanceMinutes(5);
    const stale = await move(officer, { ...lead, version: 1 }, 'negotiating');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale-version');
    const same = await move(officer, lead, 'contacted');
    expect(same.json().code).toBe('invalid-transition');
    const noReason = await move(officer, lead, 'lost');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'lostReason', code: 'required' })]);
    lead = await moveOk(lead, 'lost', { lostReason: '选择了苏州工业园区' });
    expect(lead).toMatchObject({ stage: 'lost', lostReason: '选择了苏州工业园区' });
    const timeline = (await officer.get(`/api/leads/${lead.id}/timeline`)).json().items;
    expect(
      timeline.map((e: { type: string; fromStage?: string; toStage?: string }) => [
        e.type,
        e.fromStage ?? null,
        e.toStage,
      ]),
    ).toEqual([
      ['stage', 'contacted', 'lost'],
      ['stage', 'lead', 'contacted'],
      ['created', null, 'lead'],
    ]);
    expect(timeline[1]).toMatchObject({ comment: '电话联系上了', by: { id: t.users.investment.id } });
    // Reopened: the reason goes with the lost state.
    lead = await moveOk(lead, 'negotiating');
    expect(lead.lostReason).toBeNull();
  });

  it('holds a large project at 签约 until a leader approves, then moves it with the approval on its history', async () => {
    let lead = await newLead({ plannedInvestment: '5亿', uscc: makeUscc(9100) });
    lead = await moveOk(lead, 'contacted');
    lead = await moveOk(lead, 'negotiating');
    lead = await moveOk(lead, 'signed');
    const refused = await officer.inject({
      method: 'POST',
      url: `/api/leads/${lead.id}/move`,
      payload: { to: 'registered', version: lead.version },
      headers: { 'accept-language': 'en' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'approval-required', threshold: 100_000_000, to: 'registered' });
    expect(refused.json().detail).toMatch(/approval/);
    expect((await officer.get(`/api/leads/${lead.id}`)).json().stage).toBe('signed');

    const asked = await officer.post(`/api/leads/${lead.id}/approvals`, {
      to: 'registered',
      comment: '已完成工商注册',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const approval = asked.json();
    expect(approval).toMatchObject({ status: 'pending', fromStage: 'signed', toStage: 'registered' });
    expect((await officer.post(`/api/leads/${lead.id}/approvals`, { to: 'registered' })).statusCode).toBe(409);
    expect((await officer.get(`/api/leads/${lead.id}`)).json().pendingApproval).toEqual({
      id: approval.id,
      toStage: 'registered',
    });
    const bell = await h.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('userId', '=', t.users.leader.id)
      .where('entityId', '=', approval.id)
      .execute();
    expect(bell).toHaveLength(1);
    expect(bell[0]!.titleZh).toContain(lead.companyName);

    // The officer cannot decide their own request.
    expect(
      (await officer.post(`/api/approvals/${approval.id}/decide`, { decision: 'approved', version: 1 })).statusCode,
    ).toBe(403);
    const decided = await leader.post(`/api/approvals/${approval.id}/decide`, {
      decision: 'approved',
      comment: '同意',
      version: 1,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', decidedBy: { id: t.users.leader.id } });
    const after = (await officer.get(`/api/leads/${lead.id}`)).json();
    expect(after).toMatchObject({ stage: 'registered', pendingApproval: null });
    // With its USCC known, reaching 注册落地 registered the company in the registry.
    expect(after.enterpriseId).toBeTruthy();
    const moveRow = await h.database.db
      .selectFrom('leadStageMoves')
      .selectAll()
      .where('leadId', '=', lead.id)
      .where('toStage', '=', 'registered')
      .executeTakeFirstOrThrow();
    expect(moveRow).toMatchObject({ fromStage: 'signed', approvalId: approval.id, byUserId: t.users.leader.id });
    expect(
      (await leader.post(`/api/approvals/${approval.id}/decide`, { decision: 'rejected', version: 2 })).json().code,
    ).toBe('invalid-transition');
    // Further moves past 签约 need no second approval.
    expect((await move(officer, after, 'construction')).statusCode).toBe(200);
  });

  it('keeps the lead where it is when the leader rejects, and a small project needs no approval', async () => {
    let big = await newLead({ plannedInvestment: 200_000_000 });
    for (const s of ['contacted', 'negotiating', 'signed']) big = await moveOk(big, s);
    const approval = (await officer.post(`/api/leads/${big.id}/approvals`, { to: 'registered' })).json();
    const rejected = await leader.post(`/api/approvals/${approval.id}/decide`, {
      decision: 'rejected',
      comment: '资金未落实',
      version: 1,
    });
    expect(rejected.json().status).toBe('rejected');
    expect((await officer.get(`/api/leads/${big.id}`)).json().stage).toBe('signed');
    const decidedNotice = await h.database.db
      .selectFrom('notifications')
      .select('titleZh')
      .where('userId', '=', t.users.investment.id)
      .where('entityId', '=', approval.id)
      .executeTakeFirstOrThrow();
    expect(decidedNotice.titleZh).toContain('未批准');

    let small = await newLead({ plannedInvestment: '5000万' });
    for (const s of ['contacted', 'negotiating', 'signed', 'registered']) small = await moveOk(small, s);
    expect(small.stage).toBe('registered');
    expect((await officer.post(`/api/leads/${small.id}/approvals`, { to: 'operating' })).json().code).toBe(
      'invalid-transition',
    );
    // Nor can the gate be stepped around by the amount: small past 签约, it may not be raised above the line later.
    const raised = await officer.patch(`/api/leads/${small.id}`, { plannedInvestment: '5亿', version: small.version });
    expect(raised.statusCode).toBe(409);
    expect(raised.json().code).toBe('approval-required');
    expect((await officer.get(`/api/leads/${small.id}`)).json().plannedInvestment).toBe(50_000_000);
    expect(
      (await admin.patch(`/api/leads/${small.id}`, { plannedInvestment: '5亿', version: small.version })).statusCode,
    ).toBe(200);
    const noOwner = await officer.patch(`/api/leads/${small.id}`, { ownerId: null, version: small.version + 1 });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().errors[0]).toMatchObject({ field: 'ownerId', code: 'required' });
  });

  it('lets the admin change the threshold; a leader may not', async () => {
    const s = (await admin.get('/api/settings/pipeline')).json();
    expect(s).toMatchObject({
      leadApprovalThreshold: 100_000_000,
      followUpRules: { firstContactDays: 1, screeningDays: 3, staleDays: 14 },
    });
    const body = {
      leadApprovalThreshold: 50_000_000,
      followUpRules: { firstContactDays: 2, screeningDays: 5, staleDays: 10 },
      version: s.version,
    };
    expect((await leader.put('/api/settings/pipeline', body)).statusCode).toBe(403);
    const res = await admin.put('/api/settings/pipeline', body);
    expect(res.json()).toMatchObject({ leadApprovalThreshold: 50_000_000, followUpRules: { staleDays: 10 } });
    let lead = await newLead({ plannedInvestment: '6000万' });
    for (const st of ['contacted', 'negotiating', 'signed']) lead = await moveOk(lead, st);
    expect((await move(officer, lead, 'registered')).json().code).toBe('approval-required');
    await admin.put('/api/settings/pipeline', {
      ...body,
      leadApprovalThreshold: 100_000_000,
      version: res.json().version,
    });
  });

  it('logs activities that set the next follow-up and show on the timeline', async () => {
    const lead = await newLead();
    h.clock.advanceMinutes(1);
    const res = await officer.post(`/api/leads/${lead.id}/activities`, {
      kind: 'site_visit',
      occurredOn: '2026-03-01',
      subject: '园区实地考察',
      participants: ['李总', '王专员'],
      notes: '看了 3 号楼 GMP 厂房',
      nextFollowUpOn: '2026-03-15',
    });
    expect(res.statusCode, res.body).toBe(201);
    const updated = (await officer.get(`/api/leads/${lead.id}`)).json();
    expect(updated.nextFollowUpOn).toBe('2026-03-15');
    expect(updated.lastActivityAt).toBeTruthy();
    const timeline = (await officer.get(`/api/leads/${lead.id}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({
      type: 'activity',
      activity: { kind: 'site_visit', participants: ['李总', '王专员'] },
    });
    expect(
      (await leader.post(`/api/leads/${lead.id}/activities`, { kind: 'call', occurredOn: '2026-03-02' })).statusCode,
    ).toBe(403);
  });

  it('warns of leads and local companies that look like the same company', async () => {
    const first = await newLead({ companyName: '杭州某某细胞治疗有限公司' });
    const company = await admin.post('/api/enterprises', { uscc: makeUscc(9200), name: '南京某某试剂有限公司' });
    expect(company.statusCode).toBe(201);
    const second = await newLead({ companyName: '杭州某某细胞治疗（有限公司）' });
    expect(second.duplicates).toEqual([expect.objectContaining({ type: 'lead', id: first.id, match: 'name' })]);
    const third = await newLead({ companyName: '南京某某试剂', uscc: makeUscc(9200) });
    expect(third.duplicates).toEqual([
      expect.objectContaining({ type: 'enterprise', id: company.json().id, match: 'uscc' }),
    ]);
    const probe = (
      await officer.get(`/api/leads/duplicates?companyName=${encodeURIComponent('杭州某某细胞治疗')}`)
    ).json();
    expect(probe.items.map((d: { id: string }) => d.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('lands a registered lead on one company however often it is called, and the company shows the lead', async () => {
    let lead = await newLead({
      plannedInvestment: '2000万',
      chainNodeCode: 'cdmo',
      contacts: [{ name: '赵经理', mobile: '13700001111' }],
    });
    expect((await officer.post(`/api/leads/${lead.id}/land`, {})).json().code).toBe('invalid-transition');
    for (const s of ['contacted', 'negotiating', 'signed', 'registered']) lead = await moveOk(lead, s);
    expect(lead.enterpriseId).toBeNull();
    const noCode = await officer.post(`/api/leads/${lead.id}/land`, {});
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().errors[0].field).toBe('uscc');
    const uscc = makeUscc(9300);
    const [a, b] = await Promise.all([
      officer.post(`/api/leads/${lead.id}/land`, { uscc }),
      officer.post(`/api/leads/${lead.id}/land`, { uscc }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const results = [a.json(), b.json()];
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0].enterpriseId).toBe(results[1].enterpriseId);
    const again = (await officer.post(`/api/leads/${lead.id}/land`, { uscc })).json();
    expect(again).toMatchObject({ enterpriseId: results[0].enterpriseId, created: false, already: true });
    const companies = await h.database.db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).execute();
    expect(companies).toHaveLength(1);
    const company = (await officer.get(`/api/enterprises/${companies[0]!.id}`)).json();
    expect(company).toMatchObject({ name: lead.companyName, uscc, chainNodes: ['cdmo'] });
    expect(company.contacts[0]).toMatchObject({ name: '赵经理', mobile: '13700001111' });
    const history = (await officer.get(`/api/leads?enterpriseId=${companies[0]!.id}`)).json();
    expect(history.items.map((l: { id: string }) => l.id)).toEqual([lead.id]);
    // The landed company cannot be deleted from under its project.
    const del = await admin.delete(`/api/enterprises/${companies[0]!.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().detail).toContain('招商项目');
  });

  it('filters, sorts and pages the list; the board groups the same leads by stage', async () => {
    const fresh = await createTenant(h.database, 'pf', h.clock.now());
    const c = await login(h.app, fresh.users.investment.username);
    const mk = async (name: string, body: Record<string, unknown>) =>
      (await c.post('/api/leads', { companyName: name, sourceChannel: 'policy', ...body })).json();
    const a = await mk('甲生物', { plannedInvestment: '1亿', sourceChannel: 'fund' });
    const b = await mk('乙医药', { plannedInvestment: '2000万' });
    await mk('丙试剂', {});
    await c.post(`/api/leads/${b.id}/move`, { to: 'contacted', version: b.version });
    const list = async (qs: string) => (await c.get(`/api/leads?${qs}`)).json();
    expect((await list('sourceChannel=fund')).items.map((l: { id: string }) => l.id)).toEqual([a.id]);
    expect((await list('stage=contacted')).items.map((l: { id: string }) => l.id)).toEqual([b.id]);
    expect((await list('minInvestment=30000000')).items.map((l: { id: string }) => l.id)).toEqual([a.id]);
    expect((await list('q=乙')).items.map((l: { id: string }) => l.id)).toEqual([b.id]);
    expect((await list('sort=-plannedInvestment')).items.map((l: { companyName: string }) => l.companyName)).toEqual([
      '甲生物',
      '乙医药',
      '丙试剂',
    ]);
    const paged = await list('sort=companyName&pageSize=2&page=2');
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(1);
    const board = (await c.get('/api/leads/board')).json();
    const col = (s: string) => board.columns.find((x: { stage: string }) => x.stage === s);
    expect(col('lead').total).toBe(2);
    expect(col('contacted').items.map((l: { id: string }) => l.id)).toEqual([b.id]);
    expect(board.columns.map((x: { stage: string }) => x.stage)).toEqual([
      'lead',
      'contacted',
      'negotiating',
      'signed',
      'registered',
      'construction',
      'operating',
      'on_hold',
      'lost',
    ]);
  });

  it('shows the pipeline to no service officer, department handler, property manager or enterprise user', async () => {
    const lead = await newLead();
    for (const role of ['service', 'department', 'property', 'enterprise'] as const) {
      const c = await login(h.app, t.users[role].username);
      for (const url of [
        '/api/leads',
        '/api/leads/board',
        `/api/leads/${lead.id}`,
        `/api/leads/${lead.id}/timeline`,
        '/api/approvals',
      ]) {
        expect((await c.get(url)).statusCode, `${role} ${url}`).toBe(403);
      }
      expect((await c.post('/api/leads', { companyName: 'x', sourceChannel: 'policy' })).statusCode).toBe(403);
      expect((await c.post(`/api/leads/${lead.id}/move`, { to: 'contacted', version: 1 })).statusCode).toBe(403);
      const file = await c.get(`/api/attachments?entityType=lead&entityId=${lead.id}`);
      expect([403, 404]).toContain(file.statusCode);
    }
    // A leader reads but does not write.
    expect((await leader.get(`/api/leads/${lead.id}`)).statusCode).toBe(200);
    expect((await leader.patch(`/api/leads/${lead.id}`, { version: 1, notes: 'x' })).statusCode).toBe(403);
    expect((await move(leader, lead, 'contacted')).statusCode).toBe(403);
  });

  it("never lets another tenant's leader see or decide this tenant's approvals", async () => {
    let lead = await newLead({ plannedInvestment: '3亿' });
    for (const s of ['contacted', 'negotiating', 'signed']) lead = await moveOk(lead, s);
    const approval = (await officer.post(`/api/leads/${lead.id}/approvals`, { to: 'registered' })).json();
    const theirLeader = await login(h.app, other.users.leader.username);
    const theirOfficer = await login(h.app, other.users.investment.username);
    expect((await theirLeader.get('/api/approvals?status=pending')).json().items).toEqual([]);
    expect((await theirLeader.get(`/api/approvals/${approval.id}`)).statusCode).toBe(404);
    expect(
      (await theirLeader.post(`/api/approvals/${approval.id}/decide`, { decision: 'approved', version: 1 })).statusCode,
    ).toBe(404);
    expect((await theirOfficer.post(`/api/approvals/${approval.id}/withdraw`)).statusCode).toBe(404);
    // Someone else of this office may not take back the officer's request either.
    const colleague = await login(h.app, t.users.admin.username);
    expect((await leader.post(`/api/approvals/${approval.id}/withdraw`)).statusCode).toBe(403);
    expect((await colleague.post(`/api/approvals/${approval.id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await officer.get(`/api/leads/${lead.id}`)).json()).toMatchObject({
      stage: 'signed',
      pendingApproval: null,
    });
  });

  it("never shows or changes another tenant's leads, on the list or the record", async () => {
    const mine = await newLead({ companyName: '本区独有生物' });
    const theirs = await login(h.app, other.users.investment.username);
    const theirAdmin = await login(h.app, other.users.admin.username);
    const list = (await theirs.get('/api/leads?pageSize=200')).json();
    expect(list.items.map((l: { id: string }) => l.id)).not.toContain(mine.id);
    expect((await theirs.get(`/api/leads?q=${encodeURIComponent('本区独有')}`)).json().total).toBe(0);
    for (const res of [
      await theirs.get(`/api/leads/${mine.id}`),
      await theirs.get(`/api/leads/${mine.id}/timeline`),
      await theirs.patch(`/api/leads/${mine.id}`, { version: 1, notes: 'hacked' }),
      await move(theirs, mine, 'contacted'),
      await theirs.post(`/api/leads/${mine.id}/activities`, { kind: 'call', occurredOn: '2026-03-02' }),
      await theirs.post(`/api/leads/${mine.id}/land`, {}),
      await theirAdmin.delete(`/api/leads/${mine.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    // An owner from another tenant cannot be given a lead.
    const bad = await officer.post('/api/leads', {
      companyName: '跨区',
      sourceChannel: 'policy',
      ownerId: other.users.investment.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('ownerId');
    const row = await h.database.db.selectFrom('leads').selectAll().where('id', '=', mine.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ stage: 'lead', notes: null, version: 1 });
    const refusals = await h.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', mine.id)
      .where('outcome', '=', 'refused')
      .execute();
    expect(refusals.length).toBeGreaterThanOrEqual(6);
  });
});
