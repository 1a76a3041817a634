import { NEED_STATUSES } from '@kaimen/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DB_KIND, login, TEST_PASSWORD, type TestHarness } from '../../test/helper.js';
import { DEMO_NEEDS } from './demo-needs.js';
import { seedDemo } from './demo.js';

/** The demo's visits and needs look like a year of real work, and each timeline agrees with its need. */
describe(`demo visits and needs (${DB_KIND})`, () => {
  let h: TestHarness;
  beforeAll(async () => {
    h = await buildTestApp();
    await seedDemo(h.database, { password: TEST_PASSWORD, scryptCost: 1024, now: h.clock.now() });
  });
  afterAll(async () => h?.close());

  it('has about 800 needs across categories and departments, some open past their deadlines', async () => {
    const admin = await login(h.app, 'admin');
    const all = (await admin.get('/api/needs?view=all&pageSize=1')).json();
    expect(all.total).toBe(DEMO_NEEDS);
    const needs = await h.database.db
      .selectFrom('needs')
      .select(['status', 'categoryCode', 'leadDepartmentId', 'escalatedAt', 'reopenedCount', 'source'])
      .execute();
    expect(new Set(needs.map((n) => n.categoryCode)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(needs.map((n) => n.leadDepartmentId)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(needs.map((n) => n.source))).toEqual(new Set(['visit', 'hotline', 'enterprise']));
    const by = (s: string) => needs.filter((n) => n.status === s).length;
    expect(by('closed')).toBeGreaterThan(DEMO_NEEDS / 2);
    for (const s of ['submitted', 'in_progress', 'resolved', 'confirmed']) expect(by(s), s).toBeGreaterThan(0);
    expect(needs.some((n) => Number(n.reopenedCount) > 0)).toBe(true);
    const overdue = (await admin.get('/api/needs?view=all&overdue=1&pageSize=1')).json();
    expect(overdue.total).toBeGreaterThan(5);
    expect(overdue.total).toBeLessThan(DEMO_NEEDS / 4);
  });

  it('keeps every timeline in step with its need: it starts with the submission and ends at the status', async () => {
    const needs = await h.database.db.selectFrom('needs').select(['id', 'status', 'version']).execute();
    const events = await h.database.db
      .selectFrom('needEvents')
      .select(['needId', 'at', 'action', 'toStatus'])
      .orderBy('at')
      .orderBy('id')
      .execute();
    const byNeed = new Map<string, typeof events>();
    for (const e of events) byNeed.set(e.needId, [...(byNeed.get(e.needId) ?? []), e]);
    const known = new Set(NEED_STATUSES.map((s) => s.code));
    for (const n of needs) {
      const list = byNeed.get(n.id)!;
      expect(list[0]!.action).toBe('created');
      expect(known.has(n.status as never)).toBe(true);
      // Escalations keep the status; the last step that changed it says where the need is.
      const last = list.filter((e) => e.action !== 'escalate').at(-1)!;
      expect(last.toStatus, `${n.id} ${list.map((e) => e.action).join(',')}`).toBe(n.status);
    }
  });

  it('gives the demo people something to do: 住建 has new needs to accept, the company an answer to rate', async () => {
    const housing = await login(h.app, 'department');
    const queue = (await housing.get('/api/needs')).json();
    expect(queue.items.some((n: { status: string }) => n.status === 'submitted')).toBe(true);
    const company = await login(h.app, 'enterprise');
    const own = (await company.get('/api/needs')).json();
    expect(own.items.map((n: { status: string }) => n.status)).toContain('resolved');
    const head = await login(h.app, 'department-head');
    expect((await head.get('/api/auth/me')).json().user.departmentHead).toBe(true);
  });

  it('covers companies unevenly: 陈服务 nearly all, 孙服务 about half, 吴服务 few', async () => {
    const admin = await login(h.app, 'admin');
    const year = h.clock.now().getUTCFullYear() - 1;
    const cov = (await admin.get(`/api/visits/coverage?year=${year}`)).json();
    const rate = (name: string) => {
      const g = cov.byOfficer.find((o: { name: string }) => o.name === name);
      return g.visited / g.companies;
    };
    expect(rate('陈服务')).toBeGreaterThan(rate('孙服务'));
    expect(rate('孙服务')).toBeGreaterThan(rate('吴服务'));
    expect(cov.behindTotal).toBeGreaterThan(0);
  });
});
