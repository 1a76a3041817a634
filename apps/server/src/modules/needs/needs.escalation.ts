import { classifyDbError, type Database } from '../../db/database.js';
import type { EscalationKind } from '../../db/schema/needs.js';
import type { RequestContext } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { forEachTenant, type JobDefinition } from '../jobs/job-runner.js';
import { departmentUsers, tellDepartmentRobot, tellUsers, type NeedNotice } from './needs.notify.js';

/**
 * DESIGN.md §4: a need not accepted within 12 working hours, or past its due date, escalates to the lead department's
 * head and the service officer. Each need escalates at most once per kind while it stays with one department: the
 * mark is a conditional update (`… where escalation_kind is null` or not yet `overdue`), so of two job runners racing on
 * one PostgreSQL (or a runner and an officer) exactly one changes the row, and only that one writes the timeline entry
 * and the notices — which carry a dedupe key as well. A need sent to another department starts with a clean slate.
 */
const JOB_NAME = 'need-escalation';

export interface EscalationResult {
  escalated: { needId: string; kind: EscalationKind }[];
}

const NOTICE: Record<'not_accepted' | 'overdue', (title: string, ref: string, dueOn: string) => NeedNotice> = {
  not_accepted: (title, ref) => ({
    kind: 'need-escalated',
    title: { zh: `超时未受理，已督办：${title}`, en: `Not accepted in time, escalated: ${title}` },
    body: { zh: `${ref} 提交后 12 个工作小时内未受理。`, en: `${ref} was not accepted within 12 working hours.` },
  }),
  overdue: (title, ref, dueOn) => ({
    kind: 'need-escalated',
    title: { zh: `超期未办结，已督办：${title}`, en: `Past its due date, escalated: ${title}` },
    body: { zh: `${ref} 应于 ${dueOn} 前办结。`, en: `${ref} was due by ${dueOn}.` },
  }),
};

export async function escalateTenantNeeds(database: Database, tenantId: string, now: Date): Promise<EscalationResult> {
  const t = iso(now);
  const candidates = await database.db
    .selectFrom('needs')
    .select(['id', 'status', 'acceptBy', 'dueAt', 'escalationKind'])
    .where('tenantId', '=', tenantId)
    .where('status', 'in', ['submitted', 'accepted', 'in_progress'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'submitted'), eb('acceptBy', '<', t), eb('escalatedAt', 'is', null)]),
        eb.and([eb('dueAt', '<', t), eb.or([eb('escalationKind', 'is', null), eb('escalationKind', '!=', 'overdue')])]),
      ]),
    )
    .execute();
  const result: EscalationResult = { escalated: [] };
  for (const c of candidates) {
    const kind: 'not_accepted' | 'overdue' = c.dueAt < t ? 'overdue' : 'not_accepted';
    const done = await escalateOne(database, tenantId, c, kind, now).catch((err: unknown) => {
      if (classifyDbError(err) === 'busy') return 'busy' as const;
      throw err;
    });
    // Another connection has held the writer for the whole wait (a large import, or another instance escalating):
    // the rest waits for the next run rather than each need waiting in turn (the mark is idempotent).
    if (done === 'busy') break;
    if (done) result.escalated.push({ needId: c.id, kind });
  }
  return result;
}

/** One need's escalation in one transaction: the conditional mark, then (only if it took) its entry and notices. */
async function escalateOne(
  database: Database,
  tenantId: string,
  c: { id: string; escalationKind: string | null },
  kind: 'not_accepted' | 'overdue',
  now: Date,
): Promise<boolean> {
  const t = iso(now);
  return database.transaction(async (trx) => {
    let claim = trx
      .updateTable('needs')
      .set({ escalatedAt: t, escalationKind: kind })
      .where('tenantId', '=', tenantId)
      .where('id', '=', c.id)
      .where('status', 'in', ['submitted', 'accepted', 'in_progress']);
    claim =
      kind === 'overdue'
        ? claim
            .where('dueAt', '<', t)
            .where((eb) => eb.or([eb('escalationKind', 'is', null), eb('escalationKind', '!=', 'overdue')]))
        : claim.where('status', '=', 'submitted').where('acceptBy', '<', t).where('escalatedAt', 'is', null);
    const res = await claim.executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    const need = await trx
      .selectFrom('needs')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const notice = NOTICE[kind](need.title, need.reference, need.dueOn);
    await trx
      .insertInto('needEvents')
      .values({
        tenantId,
        id: newId(),
        needId: need.id,
        at: t,
        actorId: null,
        actorName: '系统督办',
        action: 'escalate',
        fromStatus: need.status,
        toStatus: need.status,
        text: notice.body!.zh,
        departmentId: need.leadDepartmentId,
        satisfaction: null,
      })
      .execute();
    const key = `need-escalated:${need.id}:${kind}:${need.submittedAt}:${need.dueAt}`;
    await tellUsers(
      trx,
      need,
      [...(await departmentUsers(trx, tenantId, need.leadDepartmentId, true)), need.officerId],
      { ...notice, dedupeKey: key },
      now,
    );
    await tellDepartmentRobot(trx, need, need.leadDepartmentId, 'need.escalated', notice, now, { kind });
    const ctx: RequestContext = { actor: null, ip: null, requestId: null, locale: 'zh-CN', now };
    await recordAudit(trx, ctx, {
      tenantId,
      actorUsername: `job:${JOB_NAME}`,
      action: 'need-escalate',
      entityType: 'need',
      entityId: need.id,
      before: { escalationKind: c.escalationKind },
      after: { escalationKind: kind, escalatedAt: t },
    });
    return true;
  });
}

/** Every five minutes: the 12-hour clock runs in working time, so escalations land within minutes of the deadline. */
export const needEscalationJob: JobDefinition = {
  name: JOB_NAME,
  everyMs: 5 * 60_000,
  run: (deps, now) =>
    forEachTenant(deps, 'need escalation', (tenantId) => escalateTenantNeeds(deps.database, tenantId, now)),
};
