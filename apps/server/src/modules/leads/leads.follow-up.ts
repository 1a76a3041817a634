import type { Bilingual } from '@kaimen/shared';
import type { Database, Executor } from '../../db/database.js';
import type { OverdueKind } from '../../db/schema/pipeline.js';
import type { RequestContext } from '../../lib/actor.js';
import { parseJson } from '../../lib/json.js';
import { recordAudit } from '../audit/audit.repository.js';
import { forEachTenant, type JobDefinition } from '../jobs/job-runner.js';
import { notify } from '../notifications/notifications.repository.js';

/**
 * The follow-up rules of DESIGN.md §3, applied to every lead of a tenant: a new lead is answered within
 * `firstContactDays`, screened (out of 线索) within `screeningDays`, and an active lead is followed up at least every
 * `staleDays` or by its planned follow-up date. Deadlines are whole days of the office's calendar (Asia/Shanghai):
 * a lead created on 3 March with firstContactDays 1 must be answered by the end of 4 March and is overdue from 5 March,
 * the date kept in `overdue_since`. One kind per lead, the first that holds:
 *  1. first_contact — still 线索 with no activity logged, past the first-contact deadline;
 *  2. screening — still 线索 with an activity logged, past the screening deadline;
 *  3. stale — any active stage (not 流失, 搁置 or 投产运营): past `staleDays` after its last activity, stage move or
 *     creation (whichever is latest), or, sooner, past a planned follow-up date that no activity or stage move has
 *     met since (one on or after the date meets it).
 * A lead not answered at all stays first_contact after the screening deadline too: the first failure is the one to fix.
 */
export interface FollowUpRules {
  firstContactDays: number;
  screeningDays: number;
  staleDays: number;
}
export const DEFAULT_FOLLOW_UP_RULES: FollowUpRules = { firstContactDays: 1, screeningDays: 3, staleDays: 14 };

/** The office's calendar: China keeps UTC+8 all year. */
const TENANT_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** Stages no follow-up is expected in: set aside, lost, or done. */
export const INACTIVE_STAGES: readonly string[] = ['lost', 'on_hold', 'operating'];
const JOB_NAME = 'lead-follow-up';

/** The office's date (YYYY-MM-DD) of an instant; a bare date is already one. */
export function localDate(at: Date | string): string {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  return new Date(new Date(at).getTime() + TENANT_OFFSET_MS).toISOString().slice(0, 10);
}
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export interface FollowUpFacts {
  stage: string;
  createdAt: string;
  stageEnteredAt: string;
  lastActivityAt: string | null;
  nextFollowUpOn: string | null;
}
export interface OverdueState {
  kind: OverdueKind;
  /** The first day it is overdue. */
  since: string;
}

/** Which rule a lead breaks on `today` (the office's date), if any. */
export function overdueStateOf(lead: FollowUpFacts, rules: FollowUpRules, today: string): OverdueState | null {
  if (INACTIVE_STAGES.includes(lead.stage)) return null;
  const created = localDate(lead.createdAt);
  if (lead.stage === 'lead') {
    const [kind, days] = lead.lastActivityAt
      ? (['screening', rules.screeningDays] as const)
      : (['first_contact', rules.firstContactDays] as const);
    const since = addDays(created, days + 1);
    if (today >= since) return { kind, since };
  }
  const touches = [created, localDate(lead.stageEnteredAt)];
  if (lead.lastActivityAt) touches.push(localDate(lead.lastActivityAt));
  const lastTouch = touches.sort().at(-1)!;
  // What followed a planned date up: an activity or a stage move on or after it (the lead's creation does not).
  const followUps: string[] = [];
  if (lead.lastActivityAt) followUps.push(localDate(lead.lastActivityAt));
  if (lead.stageEnteredAt > lead.createdAt) followUps.push(localDate(lead.stageEnteredAt));
  const lastFollowUp = followUps.sort().at(-1);
  // Never longer than staleDays without a touch; sooner when a planned follow-up date has passed without one.
  let since = addDays(lastTouch, rules.staleDays + 1);
  if (lead.nextFollowUpOn && (!lastFollowUp || lead.nextFollowUpOn > lastFollowUp)) {
    const planned = addDays(lead.nextFollowUpOn, 1);
    if (planned < since) since = planned;
  }
  return today >= since ? { kind: 'stale', since } : null;
}

function noticeOf(lead: { companyName: string; nextFollowUpOn: string | null }, state: OverdueState, r: FollowUpRules) {
  const c = lead.companyName;
  const texts: Record<OverdueKind, { title: Bilingual; body: Bilingual }> = {
    first_contact: {
      title: { zh: `待首次联系：${c}`, en: `First contact overdue: ${c}` },
      body: {
        zh: `线索登记已超过 ${r.firstContactDays} 天，仍没有跟进记录。`,
        en: `No activity logged more than ${r.firstContactDays} day(s) after the lead came in.`,
      },
    },
    screening: {
      title: { zh: `待完成初筛：${c}`, en: `Screening overdue: ${c}` },
      body: {
        zh: `仍处于线索阶段已超过 ${r.screeningDays} 天，请推进到初步接洽或调整阶段。`,
        en: `Still a lead more than ${r.screeningDays} day(s) after it came in: move it on or set it aside.`,
      },
    },
    stale: {
      title: { zh: `跟进已逾期：${c}`, en: `Follow-up overdue: ${c}` },
      body: lead.nextFollowUpOn
        ? {
            zh: `计划跟进日期 ${lead.nextFollowUpOn} 已过。`,
            en: `The follow-up planned for ${lead.nextFollowUpOn} is past.`,
          }
        : {
            zh: `已超过 ${r.staleDays} 天没有跟进记录或阶段变化。`,
            en: `No activity or stage change for more than ${r.staleDays} day(s).`,
          },
    },
  };
  return texts[state.kind];
}

export async function followUpRulesOf(db: Executor, tenantId: string): Promise<FollowUpRules> {
  const row = await db
    .selectFrom('tenantSettings')
    .select('followUpRules')
    .where('tenantId', '=', tenantId)
    .executeTakeFirst();
  return { ...DEFAULT_FOLLOW_UP_RULES, ...parseJson<Partial<FollowUpRules>>(row?.followUpRules, {}) };
}

export interface FollowUpResult {
  marked: { leadId: string; kind: OverdueKind; since: string }[];
  cleared: string[];
  notified: number;
}

/**
 * One tenant's check at `now`, in one transaction: marks and clears `overdue_kind` / `overdue_since` and notifies each
 * owner once per newly overdue lead. The marks are derived, not edits: `version` and `updated_at` stay, so an officer's
 * open form is not made stale by the job.
 */
export async function checkTenantFollowUps(database: Database, tenantId: string, now: Date): Promise<FollowUpResult> {
  const today = localDate(now);
  return database.transaction(async (trx) => {
    const rules = await followUpRulesOf(trx, tenantId);
    const leads = await trx
      .selectFrom('leads')
      .select(['id', 'ownerId', 'companyName', 'stage', 'createdAt', 'stageEnteredAt', 'lastActivityAt'])
      .select(['nextFollowUpOn', 'overdueKind', 'overdueSince'])
      .where('tenantId', '=', tenantId)
      .where((eb) => eb.or([eb('stage', 'not in', INACTIVE_STAGES), eb('overdueKind', 'is not', null)]))
      .execute();
    const result: FollowUpResult = { marked: [], cleared: [], notified: 0 };
    for (const lead of leads) {
      const state = overdueStateOf(lead, rules, today);
      if ((state?.kind ?? null) === lead.overdueKind && (state?.since ?? null) === lead.overdueSince) continue;
      await trx
        .updateTable('leads')
        .set({ overdueKind: state?.kind ?? null, overdueSince: state?.since ?? null })
        .where('tenantId', '=', tenantId)
        .where('id', '=', lead.id)
        .execute();
      if (!state) {
        result.cleared.push(lead.id);
        continue;
      }
      result.marked.push({ leadId: lead.id, ...state });
      const notice = noticeOf(lead, state, rules);
      const sent = await notify(
        trx,
        {
          tenantId,
          userId: lead.ownerId,
          kind: 'lead-overdue',
          ...notice,
          link: `/leads/${encodeURIComponent(lead.id)}`,
          entityType: 'lead',
          entityId: lead.id,
          dedupeKey: `lead-overdue:${lead.id}:${state.kind}:${state.since}`,
        },
        now,
      );
      if (sent) result.notified += 1;
    }
    if (result.marked.length || result.cleared.length) {
      const ctx: RequestContext = { actor: null, ip: null, requestId: null, locale: 'zh-CN', now };
      await recordAudit(trx, ctx, {
        tenantId,
        actorUsername: `job:${JOB_NAME}`,
        action: 'follow-up-check',
        entityType: 'lead',
        after: result,
        detail: `${result.marked.length} overdue, ${result.cleared.length} cleared, ${result.notified} notified`,
      });
    }
    return result;
  });
}

/**
 * Hourly, though the rules count whole days: the office's date turns at 16:00 UTC, and a lead that got its follow-up
 * leaves the owner's overdue list within the hour. Each tenant is its own transaction; one failing stops no other.
 */
export const leadFollowUpJob: JobDefinition = {
  name: JOB_NAME,
  everyMs: 3_600_000,
  run: (deps, now) =>
    forEachTenant(deps, 'follow-up check', (tenantId) => checkTenantFollowUps(deps.database, tenantId, now)),
};
