import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { parseJson } from '../../lib/json.js';
import { followUpRulesOf, INACTIVE_STAGES, localDate, overdueStateOf } from '../leads/leads.follow-up.js';
import { approvalsPolicy, leadsPolicy } from '../leads/leads.policy.js';
import { needsPolicy } from '../needs/needs.policy.js';
import { findNeeds } from '../needs/needs.service.js';
import { getUnreadCount, latestUnreadNotifications } from '../notifications/notifications.service.js';
import type { TMyWork } from './my-work.schemas.js';

/** Past these, the page links to the full lists instead. */
const FOLLOW_UP_LIMIT = 100;
const APPROVAL_LIMIT = 50;
const NOTIFICATION_LIMIT = 5;
const NEED_LIMIT = 10;

/**
 * The actor's own active leads that need them today: overdue by the follow-up rules, or with a follow-up planned for
 * today. The state is computed here with the job's own rule, so a lead just followed up leaves the page at once rather
 * than at the job's next run. Overdue first, the longest overdue on top, then today's.
 */
async function myFollowUps(db: Executor, actor: Actor, today: string): Promise<TMyWork['followUps']> {
  const counts = { overdue: 0, firstContact: 0, screening: 0, stale: 0, dueToday: 0 };
  // Those who work leads own them; a leader reads the pipeline but follows up none.
  if (!leadsPolicy.allows(actor, 'work')) return { enabled: false, items: [], total: 0, counts };
  const [rules, rows] = await Promise.all([
    followUpRulesOf(db, tenantOf(actor)),
    db
      .selectFrom('leads')
      .select(['id', 'companyName', 'stage', 'createdAt', 'stageEnteredAt', 'lastActivityAt', 'nextFollowUpOn'])
      .where(leadsPolicy.where(actor, 'list'))
      .where('ownerId', '=', actor.userId)
      .where('stage', 'not in', INACTIVE_STAGES)
      .execute(),
  ]);
  const items = rows.flatMap((r) => {
    const state = overdueStateOf(r, rules, today);
    const dueToday = r.nextFollowUpOn === today;
    if (!state && !dueToday) return [];
    return [
      {
        leadId: r.id,
        companyName: r.companyName,
        stage: r.stage,
        overdueKind: state?.kind ?? null,
        overdueSince: state?.since ?? null,
        nextFollowUpOn: r.nextFollowUpOn,
        dueToday,
      },
    ];
  });
  for (const i of items) {
    if (i.overdueKind) counts.overdue += 1;
    if (i.overdueKind === 'first_contact') counts.firstContact += 1;
    if (i.overdueKind === 'screening') counts.screening += 1;
    if (i.overdueKind === 'stale') counts.stale += 1;
    if (i.dueToday) counts.dueToday += 1;
  }
  const key = (i: (typeof items)[number]) => `${i.overdueKind ? 0 : 1}${i.overdueSince ?? ''}`;
  items.sort((a, b) => key(a).localeCompare(key(b)) || a.companyName.localeCompare(b.companyName, 'zh-CN'));
  return { enabled: true, items: items.slice(0, FOLLOW_UP_LIMIT), total: items.length, counts };
}

/** Leads waiting for a leader's decision, the longest waiting first. */
async function pendingApprovals(db: Executor, actor: Actor): Promise<TMyWork['approvals']> {
  if (!approvalsPolicy.allows(actor, 'decide')) return { enabled: false, items: [], total: 0 };
  const tenantId = tenantOf(actor);
  const base = db
    .selectFrom('approvals')
    .where(approvalsPolicy.where(actor, 'decide', 'approvals'))
    .where('approvals.status', '=', 'pending')
    .where('approvals.entityType', '=', 'lead');
  const [rows, counted] = await Promise.all([
    base
      .leftJoin('leads', (j) => j.on('leads.tenantId', '=', tenantId).onRef('leads.id', '=', 'approvals.entityId'))
      .leftJoin('users', 'users.id', 'approvals.requestedBy')
      .select([
        'approvals.id',
        'approvals.action',
        'approvals.entityId',
        'approvals.payload',
        'approvals.requestedBy',
        'approvals.requestedAt',
        'leads.companyName',
        'users.displayName',
      ])
      .orderBy('approvals.requestedAt')
      .orderBy('approvals.id')
      .limit(APPROVAL_LIMIT)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r) => {
    const p = parseJson<{ from?: unknown; to?: unknown }>(r.payload, {});
    return {
      id: r.id,
      action: r.action,
      leadId: r.entityId,
      companyName: r.companyName,
      fromStage: typeof p.from === 'string' ? p.from : null,
      toStage: typeof p.to === 'string' ? p.to : null,
      requestedBy: { id: r.requestedBy, displayName: r.displayName },
      requestedAt: r.requestedAt,
    };
  });
  return { enabled: true, items, total: Number(counted.n) };
}

/** Needs waiting for the actor, escalated and soonest due first, with how many are past a deadline. */
async function myNeeds(db: Executor, ctx: RequestContext): Promise<TMyWork['needs']> {
  if (!needsPolicy.allows(ctx.actor, 'list')) return { enabled: false, items: [], total: 0, overdue: 0 };
  const [queue, overdue] = await Promise.all([
    findNeeds(db, ctx, { queue: 'mine', page: 1, pageSize: NEED_LIMIT }),
    findNeeds(db, ctx, { queue: 'mine', overdue: '1', page: 1, pageSize: 1 }),
  ]);
  return { enabled: true, items: queue.items, total: queue.total, overdue: overdue.total };
}

/** 工作台 (DESIGN.md §8): the signed-in user's follow-ups, approvals to decide and latest unread notifications. */
export async function getMyWork(db: Executor, ctx: RequestContext): Promise<TMyWork> {
  const actor = ctx.actor!;
  const today = localDate(ctx.now);
  const [followUps, approvals, needs, items, unread] = await Promise.all([
    myFollowUps(db, actor, today),
    pendingApprovals(db, actor),
    myNeeds(db, ctx),
    latestUnreadNotifications(db, ctx, NOTIFICATION_LIMIT),
    getUnreadCount(db, actor),
  ]);
  return { today, followUps, approvals, needs, notifications: { items, unread } };
}
