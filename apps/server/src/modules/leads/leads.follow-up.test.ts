import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.js';
import type { LeadsTable } from '../../db/schema/pipeline.js';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, type TestHarness } from '../../test/helper.js';
import { createJobRunner } from '../jobs/jobs.js';
import { checkTenantFollowUps, localDate, overdueStateOf } from './leads.follow-up.js';
import { insertLeadRow } from './leads.test-rows.js';

/** 10:00 on 10 March in the office (Asia/Shanghai). */
const NOW = new Date('2026-03-10T02:00:00.000Z');
const quiet = { log: { error: () => undefined } };
/** An instant at a local (UTC+8) date and hour. */
const at = (date: string, hour = 10) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + (hour - 8) * 3_600_000).toISOString();

describe(`lead follow-up job (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let lenient: TestTenant;
  const ids: Record<string, string> = {};

  async function lead(tenant: TestTenant, name: string, o: Partial<Insertable<LeadsTable>> = {}) {
    const base = { tenantId: tenant.id, ownerId: tenant.users.investment.id, companyName: name };
    ids[name] = await insertLeadRow(h.database.db, base, o);
  }
  const marks = async (tenant: TestTenant) => {
    const rows = await h.database.db
      .selectFrom('leads')
      .select(['companyName', 'overdueKind', 'overdueSince'])
      .where('tenantId', '=', tenant.id)
      .where('overdueKind', 'is not', null)
      .orderBy('companyName')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.companyName, [r.overdueKind, r.overdueSince]]));
  };
  /** Sorted here: PostgreSQL's collation may order Chinese text differently. */
  const notices = async (tenant: TestTenant) =>
    (await h.database.db.selectFrom('notifications').selectAll().where('tenantId', '=', tenant.id).execute()).sort(
      (a, b) => (a.titleZh < b.titleZh ? -1 : 1),
    );

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'fu', h.clock.now());
    lenient = await createTenant(h.database, 'fl', h.clock.now());
    await h.database.db
      .updateTable('tenantSettings')
      .set({ followUpRules: JSON.stringify({ firstContactDays: 5, screeningDays: 10, staleDays: 30 }) })
      .where('tenantId', '=', lenient.id)
      .execute();

    // First contact (1 day): created 8 March → answer by 9 March → overdue from 10 March.
    await lead(t, '甲-未联系-已逾期', { createdAt: at('2026-03-08') });
    await lead(t, '乙-未联系-未到期', { createdAt: at('2026-03-09') });
    // 01:00 on 9 March in Shanghai is still 8 March in UTC: the office's calendar decides.
    await lead(t, '丙-未联系-时区', { createdAt: at('2026-03-09', 1) });
    // Never answered and past the screening deadline too: still first contact.
    await lead(t, '丁-未联系-很久', { createdAt: at('2026-03-01') });
    // Screening (3 days): answered but still 线索; created 1 March → overdue from 5 March.
    await lead(t, '戊-未初筛', { createdAt: at('2026-03-01'), lastActivityAt: at('2026-03-02') });
    await lead(t, '己-初筛期内', { createdAt: at('2026-03-07'), lastActivityAt: at('2026-03-08') });
    // Stale: a follow-up planned (at the last call) for a day before today; today itself is due, not overdue.
    const called = { stage: 'contacted', createdAt: at('2026-02-01'), lastActivityAt: at('2026-03-02') };
    await lead(t, '庚-跟进日已过', { ...called, nextFollowUpOn: '2026-03-09' });
    await lead(t, '辛-今日跟进', { ...called, nextFollowUpOn: '2026-03-10' });
    // Stale (14 days) without a date: the last activity, stage move or creation counts.
    await lead(t, '壬-久未跟进', {
      stage: 'negotiating',
      createdAt: at('2026-01-05'),
      stageEnteredAt: at('2026-02-20'),
      lastActivityAt: at('2026-02-23', 23),
    });
    await lead(t, '癸-刚跟进', {
      stage: 'negotiating',
      createdAt: at('2026-01-05'),
      stageEnteredAt: at('2026-02-24'),
      lastActivityAt: at('2026-02-01'),
    });
    // Side and final stages are never overdue; old marks on them and on leads back on track are cleared.
    await lead(t, '子-搁置', {
      stage: 'on_hold',
      nextFollowUpOn: '2026-03-01',
      overdueKind: 'stale',
      overdueSince: '2026-03-02',
    });
    await lead(t, '丑-流失', { stage: 'lost', nextFollowUpOn: '2026-03-01' });
    await lead(t, '寅-投产', { stage: 'operating', createdAt: at('2025-01-01') });
    await lead(t, '卯-已改期', {
      stage: 'signed',
      nextFollowUpOn: '2026-03-20',
      overdueKind: 'stale',
      overdueSince: '2026-03-05',
    });
    // Another office with longer deadlines (5 / 10 / 30 days).
    await lead(lenient, '宽-未到期', { createdAt: at('2026-03-07') });
    await lead(lenient, '宽-已逾期', { createdAt: at('2026-03-04') });
  });
  afterAll(async () => h.close());

  it('reads "today" in Asia/Shanghai', () => {
    expect(localDate(new Date('2026-03-09T15:59:59Z'))).toBe('2026-03-09');
    expect(localDate(new Date('2026-03-09T16:00:00Z'))).toBe('2026-03-10');
    expect(localDate('2026-03-09')).toBe('2026-03-09');
    const facts = { stage: 'lead', createdAt: at('2026-03-08'), stageEnteredAt: at('2026-03-08') };
    const rules = { firstContactDays: 1, screeningDays: 3, staleDays: 14 };
    expect(overdueStateOf({ ...facts, lastActivityAt: null, nextFollowUpOn: null }, rules, '2026-03-09')).toBeNull();
    expect(overdueStateOf({ ...facts, lastActivityAt: null, nextFollowUpOn: null }, rules, '2026-03-10')).toEqual({
      kind: 'first_contact',
      since: '2026-03-10',
    });
  });

  it('counts a follow-up made after the planned date, and never waits longer than the rule for a far-off date', () => {
    const rules = { firstContactDays: 1, screeningDays: 3, staleDays: 14 };
    const base = { stage: 'contacted', createdAt: at('2026-02-01'), stageEnteredAt: at('2026-02-01') };
    // Planned for 2 March, called on 5 March without a new date: not stale until 14 days after the call.
    const called = { ...base, nextFollowUpOn: '2026-03-02', lastActivityAt: at('2026-03-05') };
    expect(overdueStateOf(called, rules, '2026-03-10')).toBeNull();
    expect(overdueStateOf(called, rules, '2026-03-20')).toEqual({ kind: 'stale', since: '2026-03-20' });
    // Called on the planned day itself: that meets it.
    const onTheDay = { ...base, nextFollowUpOn: '2026-03-02', lastActivityAt: at('2026-03-02') };
    expect(overdueStateOf(onTheDay, rules, '2026-03-03')).toBeNull();
    // Entered today with a date already past: overdue from the day after that date.
    const backdated = {
      ...base,
      createdAt: at('2026-03-05'),
      stageEnteredAt: at('2026-03-05'),
      nextFollowUpOn: '2026-03-04',
      lastActivityAt: null,
    };
    expect(overdueStateOf(backdated, rules, '2026-03-05')).toEqual({ kind: 'stale', since: '2026-03-05' });
    // A date months away does not excuse five weeks of silence.
    const farOff = { ...base, nextFollowUpOn: '2026-06-30', lastActivityAt: at('2026-03-01') };
    expect(overdueStateOf(farOff, rules, '2026-03-16')).toEqual({ kind: 'stale', since: '2026-03-16' });
  });

  it("marks exactly the leads past a deadline by the tenant's own rules, and clears the others", async () => {
    const result = await checkTenantFollowUps(h.database, t.id, NOW);
    expect(await marks(t)).toEqual({
      '甲-未联系-已逾期': ['first_contact', '2026-03-10'],
      '丁-未联系-很久': ['first_contact', '2026-03-03'],
      '戊-未初筛': ['screening', '2026-03-05'],
      '庚-跟进日已过': ['stale', '2026-03-10'],
      '壬-久未跟进': ['stale', '2026-03-10'],
    });
    expect(result.cleared.sort()).toEqual([ids['子-搁置'], ids['卯-已改期']].sort());
    expect(result.notified).toBe(5);

    await checkTenantFollowUps(h.database, lenient.id, NOW);
    expect(await marks(lenient)).toEqual({ '宽-已逾期': ['first_contact', '2026-03-10'] });

    // The marks are derived: the lead's version is the one an officer's open form holds.
    const row = await h.database.db
      .selectFrom('leads')
      .select(['version', 'updatedAt'])
      .where('id', '=', ids['甲-未联系-已逾期']!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ version: 1, updatedAt: at('2026-03-08') });
  });

  it('tells each owner once, in Chinese and English, naming the company and linking the lead', async () => {
    const sent = await notices(t);
    expect(sent.map((n) => [n.userId, n.titleZh, n.titleEn])).toEqual(
      [
        ['待首次联系：丁-未联系-很久', 'First contact overdue: 丁-未联系-很久'],
        ['待首次联系：甲-未联系-已逾期', 'First contact overdue: 甲-未联系-已逾期'],
        ['待完成初筛：戊-未初筛', 'Screening overdue: 戊-未初筛'],
        ['跟进已逾期：壬-久未跟进', 'Follow-up overdue: 壬-久未跟进'],
        ['跟进已逾期：庚-跟进日已过', 'Follow-up overdue: 庚-跟进日已过'],
      ]
        .sort((a, b) => (a[0]! < b[0]! ? -1 : 1))
        .map(([zh, en]) => [t.users.investment.id, zh, en]),
    );
    const stale = sent.find((n) => n.titleZh.includes('庚'))!;
    expect(stale).toMatchObject({
      kind: 'lead-overdue',
      link: `/leads/${ids['庚-跟进日已过']}`,
      entityType: 'lead',
      entityId: ids['庚-跟进日已过'],
      bodyZh: '计划跟进日期 2026-03-09 已过。',
      dedupeKey: `lead-overdue:${ids['庚-跟进日已过']}:stale:2026-03-10`,
      readAt: null,
    });

    // Again the same day, and again after the pipeline cleared a mark that still holds: no second notice.
    expect((await checkTenantFollowUps(h.database, t.id, new Date(NOW.getTime() + 3_600_000))).notified).toBe(0);
    await h.database.db
      .updateTable('leads')
      .set({ overdueKind: null, overdueSince: null })
      .where('id', '=', ids['庚-跟进日已过']!)
      .execute();
    const again = await checkTenantFollowUps(h.database, t.id, new Date(NOW.getTime() + 7_200_000));
    expect(again).toMatchObject({ notified: 0, cleared: [] });
    expect(again.marked.map((m) => m.leadId)).toEqual([ids['庚-跟进日已过']]);
    expect(await notices(t)).toHaveLength(5);

    const audits = await h.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('tenantId', '=', t.id)
      .where('action', '=', 'follow-up-check')
      .execute();
    // The run that changed nothing left no event.
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorUsername: 'job:lead-follow-up', entityType: 'lead', outcome: 'ok' });
    expect(audits[0]!.detail).toBe('5 overdue, 2 cleared, 5 notified');
  });

  it('moves an answered lead from first contact to screening, with a new notice', async () => {
    const id = ids['甲-未联系-已逾期']!;
    await h.database.db
      .updateTable('leads')
      .set({ lastActivityAt: at('2026-03-10', 15), overdueKind: null, overdueSince: null })
      .where('id', '=', id)
      .execute();
    await checkTenantFollowUps(h.database, t.id, new Date('2026-03-10T09:00:00Z'));
    expect((await marks(t))['甲-未联系-已逾期']).toBeUndefined();

    // Created 8 March, screening within 3 days: overdue from 12 March.
    await checkTenantFollowUps(h.database, t.id, new Date('2026-03-12T01:00:00Z'));
    expect((await marks(t))['甲-未联系-已逾期']).toEqual(['screening', '2026-03-12']);
    const mine = (await notices(t)).filter((n) => n.entityId === id).map((n) => n.titleZh);
    expect(mine.sort()).toEqual(['待完成初筛：甲-未联系-已逾期', '待首次联系：甲-未联系-已逾期']);
  });

  it('runs once per tick across two instances on the same database', async () => {
    await lead(t, '辰-双实例', { createdAt: at('2026-03-05') });
    const second = Database.open(h.testDb.options);
    try {
      const runners = [h.database, second].map((database, i) =>
        createJobRunner({ database, config: h.config }, `instance-${i}`, quiet),
      );
      const now = new Date('2026-03-13T01:30:00Z');
      const outcomes = (await Promise.all(runners.map((r) => r.tick(now))))
        .flat()
        .filter((o) => o.job === 'lead-follow-up')
        .map((o) => o.outcome)
        .sort();
      expect(outcomes).toEqual(['ok', 'taken']);
    } finally {
      await second.close();
    }
    const runs = await h.database.db.selectFrom('jobRuns').selectAll().where('job', '=', 'lead-follow-up').execute();
    expect(runs).toMatchObject([{ slot: '2026-03-13T01:00:00.000Z', status: 'ok', error: null }]);
    const forNew = (await notices(t)).filter((n) => n.entityId === ids['辰-双实例']);
    expect(forNew.map((n) => n.titleZh)).toEqual(['待首次联系：辰-双实例']);
    // The job covered every tenant.
    expect(await marks(lenient)).toEqual({
      '宽-未到期': ['first_contact', '2026-03-13'],
      '宽-已逾期': ['first_contact', '2026-03-10'],
    });
  });
});
