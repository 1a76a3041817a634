import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, Client, DB_KIND, login, TEST_PASSWORD, type TestHarness } from '../../test/helper.js';
import { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { hashPassword } from '../../lib/password.js';
import { iso } from '../../lib/time.js';
import { escalateTenantNeeds } from './needs.escalation.js';

/**
 * The need workflow through the API (issue 5): a service officer records a visit with two needs; the 住建 handler
 * accepts and resolves; the company answers 不满意 and the need reopens; return, resubmit, reassign, escalation and
 * close; and who sees what — a handler never sees a need of a department not involved, a company never another's.
 */
describe(`needs workflow (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let officer: Client;
  let housing: Client;
  let housingHead: Client;
  let economy: Client;
  let company: Client;
  let otherCompany: Client;
  let admin: Client;
  let ent: string;
  let ent2: string;

  async function addUser(
    tenant: TestTenant,
    username: string,
    o: { role: string; departmentId?: string; head?: boolean; enterpriseId?: string },
  ) {
    const now = iso(h.clock.now());
    await h.database.db
      .insertInto('users')
      .values({
        id: newId(),
        tenantId: tenant.id,
        username,
        displayName: username,
        passwordHash: await hashPassword(TEST_PASSWORD, 1024),
        role: o.role,
        departmentId: o.departmentId ?? null,
        departmentHead: o.head ? 1 : 0,
        enterpriseId: o.enterpriseId ?? null,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    return login(h.app, username);
  }

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'nw', h.clock.now());
    other = await createTenant(h.database, 'nx', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
    const make = async (n: number, name: string, officerId: string | null) => {
      const res = await admin.post('/api/enterprises', {
        uscc: testUscc(n),
        name,
        park: '生物医药产业园',
        assignedOfficerId: officerId,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ent = await make(5101, '苏州某某生物科技有限公司', t.users.service.id);
    ent2 = await make(5102, '另一家制药有限公司', null);
    await h.database.db
      .updateTable('users')
      .set({ enterpriseId: ent })
      .where('id', '=', t.users.enterprise.id)
      .execute();
    officer = await login(h.app, t.users.service.username);
    housing = await login(h.app, t.users.department.username);
    housingHead = await addUser(t, 'nw-housing-head', {
      role: 'department',
      departmentId: t.departments.housing!,
      head: true,
    });
    economy = await addUser(t, 'nw-economy', { role: 'department', departmentId: t.departments.economy! });
    company = await login(h.app, t.users.enterprise.username);
    otherCompany = await addUser(t, 'nw-other-company', { role: 'enterprise', enterpriseId: ent2 });
  });
  afterAll(async () => h?.close());

  const act = (c: Client, id: string, body: Record<string, unknown>) => c.post(`/api/needs/${id}/actions`, body);
  const need = async (c: Client, id: string) => {
    const res = await c.get(`/api/needs/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  let planning: string;
  let power: string;

  it('records a visit with two needs, each routed to its category’s department with deadlines', async () => {
    const res = await officer.post('/api/visits', {
      enterpriseId: ent,
      visitedOn: '2026-03-02',
      kind: 'visit',
      notes: '走访了解扩产计划',
      needs: [
        {
          categoryCode: 'construction',
          title: '新建厂房规划许可办理',
          description: '二期厂房需要办理建设工程规划许可证，咨询流程。',
        },
        {
          categoryCode: 'power',
          title: '扩容用电',
          description: '新增生产线需要增加 800kVA 用电容量。',
          urgency: 'urgent',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const visit = res.json();
    expect(visit.needs).toHaveLength(2);
    expect(visit.visitors.map((v: { id: string }) => v.id)).toEqual([t.users.service.id]);
    planning = visit.needs.find((n: { categoryCode: string }) => n.categoryCode === 'construction').id;
    power = visit.needs.find((n: { categoryCode: string }) => n.categoryCode === 'power').id;
    const p = await need(officer, planning);
    expect(p.status).toBe('submitted');
    expect(p.source).toBe('visit');
    expect(p.leadDepartment.code).toBe('housing');
    expect(p.reference).toMatch(/^SQ2026-\d{6}$/);
    // Monday 2 March 09:00 in Shanghai: 12 working hours end Tuesday 13:00; the planning SLA counts from Tuesday.
    expect(p.acceptBy).toBe('2026-03-03T05:00:00.000Z');
    expect(p.timeline.map((e: { action: string }) => e.action)).toEqual(['created']);
    expect(p.allowedActions).toEqual(expect.arrayContaining(['escalate', 'reassign', 'comment']));
    expect(p.allowedActions).not.toContain('accept');
    const pw = await need(officer, power);
    expect(pw.leadDepartment.code).toBe('power');
    // The 住建 handlers were told; the power supply office has no users here.
    const notes = await housing.get('/api/notifications');
    expect(notes.json().items.map((n: { kind: string }) => n.kind)).toContain('need-submitted');
  });

  it('shows a handler only the needs of their department, on the list and the record', async () => {
    const list = await housing.get('/api/needs');
    expect(list.json().items.map((n: { id: string }) => n.id)).toEqual([planning]);
    expect((await housing.get(`/api/needs/${power}`)).statusCode).toBe(404);
    expect((await act(housing, power, { action: 'accept', version: 1 })).statusCode).toBe(404);
    expect((await economy.get('/api/needs')).json().items).toEqual([]);
    expect((await economy.get(`/api/needs/${planning}`)).statusCode).toBe(404);
  });

  it('a supporting department sees the need and may comment but not answer it', async () => {
    const before = await need(officer, planning);
    const res = await officer.patch(`/api/needs/${planning}`, {
      version: before.version,
      supportingDepartmentIds: [t.departments.economy],
    });
    expect(res.statusCode, res.body).toBe(200);
    const seen = await need(economy, planning);
    expect(seen.supportingDepartments.map((d: { code: string }) => d.code)).toEqual(['economy']);
    expect(seen.allowedActions).toEqual(['comment']);
    expect((await act(economy, planning, { action: 'accept', version: seen.version })).statusCode).toBe(403);
    const c = await act(economy, planning, {
      action: 'comment',
      version: 1,
      text: '经发局可协助对接规划审批绿色通道。',
    });
    expect(c.statusCode, c.body).toBe(200);
    expect((await economy.get('/api/needs')).json().items.map((n: { id: string }) => n.id)).toEqual([planning]);
  });

  it('the 住建 handler accepts and resolves; the company says 不满意 and the need reopens; then it is confirmed and closed', async () => {
    let n = await need(housing, planning);
    expect(n.allowedActions).toEqual(expect.arrayContaining(['accept', 'return']));
    let res = await act(housing, planning, { action: 'accept', version: n.version });
    expect(res.statusCode, res.body).toBe(200);
    n = res.json();
    expect(n.status).toBe('accepted');
    // A stale version is refused and changes nothing.
    res = await act(housing, planning, { action: 'start', version: n.version - 1 });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    // An answer needs its text.
    res = await act(housing, planning, { action: 'resolve', version: n.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('text');
    res = await act(housing, planning, {
      action: 'resolve',
      version: n.version,
      text: '已开辟绿色通道，材料齐全后 5 个工作日内核发。',
    });
    expect(res.statusCode, res.body).toBe(200);
    n = res.json();
    expect(n.status).toBe('resolved');
    expect(n.resolvedLate).toBe(false);

    // The company sees its need and was told to rate the answer.
    const mine = await company.get('/api/needs');
    expect(
      mine
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([planning, power].sort());
    expect((await company.get('/api/notifications')).json().items.map((x: { kind: string }) => x.kind)).toContain(
      'need-resolved',
    );
    let c = await need(company, planning);
    expect(c.allowedActions).toEqual(expect.arrayContaining(['confirm']));
    res = await act(company, planning, {
      action: 'confirm',
      version: c.version,
      satisfaction: 'unsatisfied',
      text: '材料清单仍不清楚',
    });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c.status).toBe('in_progress');
    expect(c.reopenedCount).toBe(1);
    expect(c.satisfaction).toBe('unsatisfied');
    expect(c.timeline.at(-1)).toMatchObject({
      action: 'reopen',
      fromStatus: 'resolved',
      toStatus: 'in_progress',
      satisfaction: 'unsatisfied',
      text: '材料清单仍不清楚',
    });
    expect((await housing.get('/api/notifications')).json().items.map((x: { kind: string }) => x.kind)).toContain(
      'need-reopened',
    );

    n = await need(housing, planning);
    res = await act(housing, planning, {
      action: 'resolve',
      version: n.version,
      text: '已发送完整材料清单并电话确认。',
    });
    expect(res.statusCode, res.body).toBe(200);
    c = await need(company, planning);
    res = await act(company, planning, { action: 'confirm', version: c.version, satisfaction: 'satisfied' });
    expect(res.json().status).toBe('confirmed');
    // The company cannot close it; the officer does.
    expect((await act(company, planning, { action: 'close', version: res.json().version })).statusCode).toBe(403);
    res = await act(officer, planning, { action: 'close', version: res.json().version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('closed');
    expect(res.json().timeline.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'edit',
      'comment',
      'accept',
      'resolve',
      'reopen',
      'resolve',
      'confirm',
      'close',
    ]);
    // Every step has who and when.
    for (const e of res.json().timeline) {
      expect(e.actor.name).toBeTruthy();
      expect(e.at).toMatch(/^2026-/);
    }
  });

  it('returns with a reason, is resubmitted to another department, reassigned, and escalated once', async () => {
    let res = await company.post('/api/needs', {
      enterpriseId: ent,
      categoryCode: 'construction',
      title: '厂区道路开口',
      description: '希望在北侧增设一个车辆出入口。',
      contactName: '王经理',
      contactPhone: '13812345678',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(res.json().source).toBe('enterprise');
    // A company cannot raise needs for another company.
    const refused = await company.post('/api/needs', {
      enterpriseId: ent2,
      categoryCode: 'other',
      title: 'x',
      description: 'y',
    });
    expect(refused.statusCode).toBe(404);

    let n = await need(housing, id);
    expect(n.contactPhone).toBe('13812345678');
    res = await act(housing, id, { action: 'return', version: n.version });
    expect(res.statusCode).toBe(400);
    res = await act(housing, id, { action: 'return', version: n.version, reason: '道路开口归规划分局审批' });
    expect(res.json().status).toBe('returned');
    n = await need(company, id);
    expect(n.returnedReason).toBe('道路开口归规划分局审批');
    res = await act(company, id, { action: 'resubmit', version: n.version, departmentId: t.departments.planning });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().leadDepartment.code).toBe('planning');
    // Housing no longer sees it (not involved); the timeline kept the return.
    expect((await housing.get(`/api/needs/${id}`)).statusCode).toBe(404);
    // The officer reassigns it back to housing (another lead department is required).
    n = await need(officer, id);
    res = await act(officer, id, {
      action: 'reassign',
      version: n.version,
      departmentId: t.departments.planning,
      reason: 'x',
    });
    expect(res.statusCode).toBe(400);
    res = await act(officer, id, {
      action: 'reassign',
      version: n.version,
      departmentId: t.departments.housing,
      reason: '规划已确认，由住建牵头',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('submitted');

    // Not accepted within 12 working hours (Tue 13:00 → escalates by Wed): the job escalates it once, two runners racing.
    const later = new Date(Date.parse(res.json().acceptBy) + 60_000);
    // Two runners at once. On PostgreSQL each has its own pool, as two app servers would; SQLite is one server's
    // embedded file (several instances means PostgreSQL), so there the two share its connection.
    const second = DB_KIND === 'postgres' ? Database.open(h.testDb.options) : h.database;
    const [a, b] = await Promise.all([
      escalateTenantNeeds(h.database, t.id, later),
      escalateTenantNeeds(second, t.id, later),
    ]).finally(() => (second === h.database ? undefined : second.close()));
    const escalatedHere = [...a.escalated, ...b.escalated].filter((e) => e.needId === id);
    expect(escalatedHere).toEqual([{ needId: id, kind: 'not_accepted' }]);
    expect((await escalateTenantNeeds(h.database, t.id, later)).escalated).toEqual([]);
    n = await need(housingHead, id);
    expect(n.escalationKind).toBe('not_accepted');
    expect(n.overdue).toBe(true);
    expect(n.timeline.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(1);
    const headNotes = (await housingHead.get('/api/notifications'))
      .json()
      .items.filter((x: { kind: string; entityId: string }) => x.kind === 'need-escalated' && x.entityId === id);
    expect(headNotes).toHaveLength(1);
    // The ordinary handler is not the head: no escalation notice for them.
    const handlerNotes = (await housing.get('/api/notifications'))
      .json()
      .items.filter((x: { kind: string; entityId: string }) => x.kind === 'need-escalated' && x.entityId === id);
    expect(handlerNotes).toHaveLength(0);
    // The head's queue has it, escalated first; the red filter finds it.
    const queue = await housingHead.get('/api/needs?queue=mine');
    expect(queue.json().items[0].id).toBe(id);
    const red = await admin.get('/api/needs?overdue=1');
    expect(red.json().items.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('a company never sees another company’s needs; roles without needs are refused; tenants are apart', async () => {
    expect((await otherCompany.get('/api/needs')).json().items).toEqual([]);
    expect((await otherCompany.get(`/api/needs/${power}`)).statusCode).toBe(404);
    for (const role of ['investment', 'property'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await c.get('/api/needs')).statusCode).toBe(403);
      expect((await c.get(`/api/needs/${power}`)).statusCode).toBe(403);
    }
    const outsider = await login(h.app, other.users.admin.username);
    expect((await outsider.get('/api/needs')).json().items).toEqual([]);
    expect((await outsider.get(`/api/needs/${power}`)).statusCode).toBe(404);
    expect((await act(outsider, power, { action: 'escalate', version: 1, reason: 'x' })).statusCode).toBe(404);
    const otherHandler = await login(h.app, other.users.department.username);
    expect((await otherHandler.get('/api/needs')).json().items).toEqual([]);
    // The leader reads everything and may take no step.
    const leader = await login(h.app, t.users.leader.username);
    expect((await leader.get('/api/needs')).json().total).toBeGreaterThanOrEqual(3);
    expect((await leader.get(`/api/needs/${power}`)).json().allowedActions).toEqual([]);
    expect((await act(leader, power, { action: 'escalate', version: 1, reason: 'x' })).statusCode).toBe(403);
    // A handler sees the contact's phone unmasked only for needs it can see; the list and record rules agree.
    for (const c of [housing, economy, company, otherCompany, officer]) {
      const ids = (await c.get('/api/needs?pageSize=200')).json().items.map((x: { id: string }) => x.id) as string[];
      for (const id of [planning, power]) {
        expect((await c.get(`/api/needs/${id}`)).statusCode).toBe(ids.includes(id) ? 200 : 404);
      }
    }
  });

  it('escalates a need past its due date, and an officer may escalate by hand once', async () => {
    let res = await officer.post('/api/needs', {
      enterpriseId: ent,
      source: 'hotline',
      categoryCode: 'water',
      title: '停水抢修',
      description: '厂区供水管爆裂，纯化水系统停机。',
      urgency: 'critical',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(res.json().source).toBe('hotline');
    res = await act(officer, id, { action: 'escalate', version: res.json().version });
    expect(res.statusCode).toBe(400);
    res = await act(officer, id, { action: 'escalate', version: 1, reason: '企业停产等水' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().escalationKind).toBe('manual');
    expect(res.json().overdue).toBe(true);
    res = await act(officer, id, { action: 'escalate', version: res.json().version, reason: 'again' });
    expect(res.statusCode).toBe(409);
    // Past the due date the job escalates it again, as overdue, once.
    const n = await need(officer, id);
    const past = new Date(Date.parse(n.dueAt) + 60_000);
    const first = await escalateTenantNeeds(h.database, t.id, past);
    expect(first.escalated.filter((e) => e.needId === id)).toEqual([{ needId: id, kind: 'overdue' }]);
    expect((await escalateTenantNeeds(h.database, t.id, past)).escalated.filter((e) => e.needId === id)).toEqual([]);
    const after = await need(officer, id);
    expect(after.escalationKind).toBe('overdue');
    expect(after.timeline.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(2);
  });

  it('puts the needs waiting for a user on their 工作台, overdue ones counted', async () => {
    const work = (await housingHead.get('/api/my-work')).json();
    expect(work.needs.enabled).toBe(true);
    expect(work.needs.overdue).toBeGreaterThanOrEqual(1);
    expect(work.needs.items[0].overdue).toBe(true);
    const economyWork = (await economy.get('/api/my-work')).json();
    expect(economyWork.needs.items.map((n: { id: string }) => n.id)).not.toContain(power);
    const investment = await login(h.app, t.users.investment.username);
    expect((await investment.get('/api/my-work')).json().needs).toEqual({
      enabled: false,
      items: [],
      total: 0,
      overdue: 0,
    });
  });

  it('exports the list a user sees as xlsx, the phone masked for who may not see it, and audits it', async () => {
    const read = async (c: Client) => {
      const res = await c.get('/api/needs/export?view=all');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      const rows: string[] = [];
      sheet.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).join('|')));
      return { header: (sheet.getRow(1).values as unknown[]).join('|'), rows };
    };
    const mine = await read(housing);
    expect(mine.header).toContain('牵头部门');
    expect(mine.rows.some((r) => r.includes('厂区道路开口') && r.includes('13812345678'))).toBe(true);
    expect(mine.rows.some((r) => r.includes('扩容用电'))).toBe(false);
    const leader = await login(h.app, t.users.leader.username);
    const all = await read(leader);
    expect(all.rows.some((r) => r.includes('扩容用电'))).toBe(true);
    expect(all.rows.some((r) => r.includes('138****5678'))).toBe(true);
    expect(all.rows.some((r) => r.includes('13812345678'))).toBe(false);
    for (const c of [company, await login(h.app, t.users.investment.username)]) {
      expect((await c.get('/api/needs/export')).statusCode).toBe(403);
    }
    const audits = await h.database.db
      .selectFrom('auditEvents')
      .select(['detail', 'actorUserId'])
      .where('tenantId', '=', t.id)
      .where('entityType', '=', 'need')
      .where('action', '=', 'export')
      .where('outcome', '=', 'ok')
      .execute();
    expect(audits.map((a) => a.detail).sort()).toEqual(['masked', 'unmasked']);
  });

  it('audits every step', async () => {
    const rows = await h.database.db
      .selectFrom('auditEvents')
      .select(['action'])
      .where('tenantId', '=', t.id)
      .where('entityType', '=', 'need')
      .execute();
    const actions = rows.map((r) => r.action);
    for (const a of [
      'create',
      'need-accept',
      'need-resolve',
      'need-reopen',
      'need-confirm',
      'need-close',
      'need-return',
      'need-resubmit',
      'need-reassign',
      'need-escalate',
      'update',
    ]) {
      expect(actions).toContain(a);
    }
  });
});
