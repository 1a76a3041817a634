import type { TenantRole } from '@kaimen/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalStatus } from '../../db/schema/pipeline.js';
import { newId } from '../../lib/ids.js';
import { addMinutes, iso } from '../../lib/time.js';
import { createSuperAdmin, createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type TestHarness } from '../../test/helper.js';
import { checkTenantFollowUps } from '../leads/leads.follow-up.js';
import { insertLeadRow } from '../leads/leads.test-rows.js';
import { notify } from '../notifications/notifications.repository.js';

/** The clock of the harness: 09:00 on 2 March in the office. */
const TODAY = '2026-03-02';

describe(`my work (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  const ids: Record<string, string> = {};

  const lead = async (tenant: TestTenant, owner: TenantRole, name: string, o: Record<string, unknown> = {}) => {
    ids[name] = await insertLeadRow(
      h.database.db,
      { tenantId: tenant.id, ownerId: tenant.users[owner].id, companyName: name },
      { createdAt: '2026-02-24T02:00:00.000Z', stage: 'contacted', ...o },
    );
  };
  const approval = async (
    tenant: TestTenant,
    leadName: string,
    minutesAgo: number,
    status: ApprovalStatus = 'pending',
  ) => {
    const id = newId();
    const when = iso(addMinutes(h.clock.now(), -minutesAgo));
    await h.database.db
      .insertInto('approvals')
      .values({
        tenantId: tenant.id,
        id,
        entityType: 'lead',
        entityId: ids[leadName]!,
        action: 'lead-stage',
        payload: JSON.stringify({ from: 'signed', to: 'registered', comment: null }),
        status,
        requestedBy: tenant.users.investment.id,
        requestedAt: when,
        decidedBy: null,
        decidedAt: null,
        decisionComment: null,
        createdAt: when,
        updatedAt: when,
        version: 1,
      })
      .execute();
    return id;
  };
  const myWork = async (role: TenantRole, tenant = t, headers: Record<string, string> = {}) => {
    const c = await login(h.app, tenant.users[role].username);
    const res = await c.get('/api/my-work', headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'mw', h.clock.now());
    other = await createTenant(h.database, 'mx', h.clock.now());
    await lead(t, 'investment', '苏州甲生物', { stage: 'lead', createdAt: '2026-02-20T02:00:00.000Z' });
    await lead(t, 'investment', '上海乙医药', { nextFollowUpOn: '2026-02-27' });
    await lead(t, 'investment', '武汉丙基因', { nextFollowUpOn: TODAY });
    await lead(t, 'investment', '杭州丁诊断', { nextFollowUpOn: '2026-03-05' });
    await lead(t, 'investment', '南京戊搁置', { stage: 'on_hold', nextFollowUpOn: '2026-02-01' });
    await lead(t, 'admin', '北京己制药', { stage: 'lead', createdAt: '2026-02-20T02:00:00.000Z' });
    await lead(other, 'investment', '外区庚生物', { nextFollowUpOn: '2026-02-01' });
    await checkTenantFollowUps(h.database, t.id, h.clock.now());
    await checkTenantFollowUps(h.database, other.id, h.clock.now());
  });
  afterAll(async () => h.close());

  it('shows an officer their own overdue and due-today leads, longest overdue first, with counts by kind', async () => {
    const w = await myWork('investment');
    expect(w.today).toBe(TODAY);
    expect(w.followUps.enabled).toBe(true);
    expect(
      w.followUps.items.map((i: Record<string, unknown>) => [i.companyName, i.overdueKind, i.overdueSince, i.dueToday]),
    ).toEqual([
      ['苏州甲生物', 'first_contact', '2026-02-22', false],
      ['上海乙医药', 'stale', '2026-02-28', false],
      ['武汉丙基因', null, null, true],
    ]);
    expect(w.followUps.items[0]).toMatchObject({ leadId: ids['苏州甲生物'], stage: 'lead', nextFollowUpOn: null });
    expect(w.followUps.items[2]).toMatchObject({ stage: 'contacted', nextFollowUpOn: TODAY });
    expect(w.followUps).toMatchObject({
      total: 3,
      counts: { overdue: 2, firstContact: 1, screening: 0, stale: 1, dueToday: 1 },
    });
    // Not a pipeline leader: nothing to decide.
    expect(w.approvals).toEqual({ enabled: false, items: [], total: 0 });

    // Followed up since the job's run: off the page at once, though the job's mark is still on the lead.
    await h.database.db
      .updateTable('leads')
      .set({ lastActivityAt: h.clock.now().toISOString(), nextFollowUpOn: '2026-03-06' })
      .where('id', '=', ids['上海乙医药']!)
      .execute();
    const after = await myWork('investment');
    expect(after.followUps.items.map((i: { companyName: string }) => i.companyName)).toEqual([
      '苏州甲生物',
      '武汉丙基因',
    ]);
    expect(after.followUps.counts).toMatchObject({ overdue: 1, stale: 0 });

    const admin = await myWork('admin');
    expect(admin.followUps.items.map((i: { companyName: string }) => i.companyName)).toEqual(['北京己制药']);
  });

  it('shows the latest five unread notifications, newest first, in my language, and the unread count', async () => {
    for (let n = 1; n <= 6; n++) {
      await notify(
        h.database.db,
        {
          tenantId: t.id,
          userId: t.users.property.id,
          kind: 'test',
          title: { zh: `第${n}条`, en: `Number ${n}` },
          dedupeKey: `mw:${n}`,
        },
        addMinutes(h.clock.now(), n),
      );
    }
    const c = await login(h.app, t.users.property.username);
    const newest = (await c.get('/api/notifications?pageSize=1')).json().items[0];
    await c.post(`/api/notifications/${newest.id}/read`);

    const w = await myWork('property', t, { 'accept-language': 'en' });
    expect(w.notifications.unread).toBe(5);
    expect(w.notifications.items.map((n: { title: string }) => n.title)).toEqual([
      'Number 5',
      'Number 4',
      'Number 3',
      'Number 2',
      'Number 1',
    ]);
    const officer = await myWork('investment');
    expect(officer.notifications.items.map((n: { title: string }) => n.title).sort()).toEqual([
      '待首次联系：苏州甲生物',
      '跟进已逾期：上海乙医药',
    ]);
  });

  it("shows a leader the approvals waiting in the tenant, oldest first, with the lead's company", async () => {
    const older = await approval(t, '上海乙医药', 60);
    const newer = await approval(t, '武汉丙基因', 5);
    await approval(t, '杭州丁诊断', 30, 'approved');
    await approval(other, '外区庚生物', 10);

    const w = await myWork('leader');
    expect(w.approvals.enabled).toBe(true);
    expect(w.approvals.total).toBe(2);
    expect(w.approvals.items).toEqual([
      {
        id: older,
        action: 'lead-stage',
        leadId: ids['上海乙医药'],
        companyName: '上海乙医药',
        fromStage: 'signed',
        toStage: 'registered',
        requestedBy: { id: t.users.investment.id, displayName: 'mw investment' },
        requestedAt: iso(addMinutes(h.clock.now(), -60)),
      },
      expect.objectContaining({ id: newer, companyName: '武汉丙基因' }),
    ]);
    // A leader reads the pipeline but works no leads: no follow-up section.
    expect(w.followUps).toMatchObject({ enabled: false, items: [], total: 0 });

    const otherLeader = await myWork('leader', other);
    expect(otherLeader.approvals.items.map((a: { companyName: string }) => a.companyName)).toEqual(['外区庚生物']);
  });

  it('gives roles without the pipeline empty pipeline sections, never anyone else’s leads or approvals', async () => {
    for (const role of ['service', 'department', 'property', 'enterprise'] as const) {
      const w = await myWork(role);
      expect(w.followUps, role).toEqual({
        enabled: false,
        items: [],
        total: 0,
        counts: { overdue: 0, firstContact: 0, screening: 0, stale: 0, dueToday: 0 },
      });
      expect(w.approvals, role).toEqual({ enabled: false, items: [], total: 0 });
    }
    const op = await createSuperAdmin(h.database, 'mw-op');
    expect((await (await login(h.app, op.username)).get('/api/my-work')).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/my-work' })).statusCode).toBe(401);
  });
});
