import { LEAD_STAGES, STAGES_PAST_SIGNED, type LeadStage, type TLeadMoveInput } from '@kaimen/shared';
import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { parseJson } from '../../lib/json.js';
import { staleOrMissing } from '../../lib/optimistic.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { notify } from '../notifications/notifications.repository.js';
import { userRefs } from '../users/user-refs.js';
import { landInTransaction } from './leads.landing.js';
import type { LeadRow } from './leads.repository.js';
import { getLead, loadLead } from './leads.service.js';

const stageLabel = (code: string) => LEAD_STAGES.find((s) => s.code === code) ?? { zh: code, en: code };

export async function pipelineSettings(db: Executor, tenantId: string) {
  const row = await db
    .selectFrom('tenantSettings')
    .select(['leadApprovalThreshold', 'followUpRules', 'version'])
    .where('tenantId', '=', tenantId)
    .executeTakeFirstOrThrow();
  return {
    leadApprovalThreshold: Number(row.leadApprovalThreshold),
    followUpRules: parseJson(row.followUpRules, { firstContactDays: 1, screeningDays: 3, staleDays: 14 }),
    version: row.version,
  };
}

/** Crossing from 签约 or before into 注册落地 or beyond, with a planned investment at or above the tenant's threshold. */
export function needsApproval(lead: Pick<LeadRow, 'stage' | 'plannedInvestment'>, to: string, threshold: number) {
  const past = (s: string) => STAGES_PAST_SIGNED.includes(s as LeadStage);
  return (
    past(to) && !past(lead.stage) && lead.plannedInvestment !== null && Number(lead.plannedInvestment) >= threshold
  );
}

interface Move {
  to: LeadStage;
  comment: string | null;
  lostReason: string | null;
  approvalId: string | null;
}

/**
 * Moves the lead (already loaded and allowed) and writes its history row; a pending approval for another move is
 * withdrawn. A lead that reaches 注册落地 with a known USCC is linked to (or becomes) its local company in the same
 * transaction.
 */
async function applyMove(deps: Deps, trx: Executor, ctx: RequestContext, lead: LeadRow, m: Move, version?: number) {
  const now = iso(ctx.now);
  const tenantId = lead.tenantId;
  let update = trx
    .updateTable('leads')
    .set((eb) => ({
      stage: m.to,
      stageEnteredAt: now,
      lostReason: m.to === 'lost' ? m.lostReason : null,
      // The follow-up job re-marks what is still overdue at its next run; a move is itself a follow-up.
      overdueKind: null,
      overdueSince: null,
      updatedAt: now,
      version: eb('version', '+', 1),
    }))
    .where('tenantId', '=', tenantId)
    .where('id', '=', lead.id);
  if (version !== undefined) update = update.where('version', '=', version);
  const res = await update.executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw staleOrMissing(true, 'lead', lead.id);
  await trx
    .insertInto('leadStageMoves')
    .values({
      tenantId,
      leadId: lead.id,
      id: newId(),
      fromStage: lead.stage,
      toStage: m.to,
      at: now,
      byUserId: ctx.actor!.userId,
      comment: m.comment,
      approvalId: m.approvalId,
    })
    .execute();
  const withdrawn = await trx
    .updateTable('approvals')
    .set((eb) => ({ status: 'withdrawn', updatedAt: now, version: eb('version', '+', 1) }))
    .where('tenantId', '=', tenantId)
    .where('entityType', '=', 'lead')
    .where('entityId', '=', lead.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  await recordAudit(trx, ctx, {
    action: 'move',
    entityType: 'lead',
    entityId: lead.id,
    before: { stage: lead.stage },
    after: {
      stage: m.to,
      comment: m.comment,
      lostReason: m.lostReason,
      approvalId: m.approvalId,
      ...(Number(withdrawn.numUpdatedRows) ? { withdrewPendingApproval: true } : {}),
    },
  });
  if (STAGES_PAST_SIGNED.includes(m.to) && lead.uscc && !lead.enterpriseId) {
    await landInTransaction(deps, trx, ctx, lead.id, {});
  }
}

/** A stage move by an officer: refused with approval-required when the gate applies (the board shows why). */
export async function moveLead(deps: Deps, ctx: RequestContext, id: string, input: TLeadMoveInput) {
  const actor = ctx.actor!;
  await deps.database.transaction(async (trx) => {
    const lead = await loadLead(trx, actor, id, 'work');
    if (lead.version !== input.version) throw new AppError('stale-version');
    if (lead.stage === input.to) throw new AppError('invalid-transition');
    const { leadApprovalThreshold } = await pipelineSettings(trx, lead.tenantId);
    if (needsApproval(lead, input.to, leadApprovalThreshold)) {
      throw new AppError('approval-required', {
        params: { threshold: leadApprovalThreshold.toLocaleString('en-US'), stage: stageLabel(input.to).zh },
        detail: {
          'zh-CN': `计划投资达到 ${leadApprovalThreshold.toLocaleString('zh-CN')} 元的项目进入“${stageLabel(input.to).zh}”须经领导审批：请提交审批申请。`,
          en: `A project planning ${leadApprovalThreshold.toLocaleString('en-US')} yuan or more needs a leader’s approval to move to “${stageLabel(input.to).en}”: request it.`,
        },
        extra: { threshold: leadApprovalThreshold, to: input.to },
        refused: { entityType: 'lead', entityId: id, action: 'move' },
      });
    }
    await applyMove(
      deps,
      trx,
      ctx,
      lead,
      {
        to: input.to,
        comment: input.comment ?? null,
        lostReason: input.lostReason ?? null,
        approvalId: null,
      },
      input.version,
    );
  });
  return getLead(deps.database.db, actor, id);
}

// ---------------------------------------------------------------------------
// Approvals

export async function requestApproval(
  deps: Deps,
  ctx: RequestContext,
  leadId: string,
  input: { to: LeadStage; comment?: string },
) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const id = await deps.database.transaction(async (trx) => {
    const lead = await loadLead(trx, actor, leadId, 'work');
    const { leadApprovalThreshold } = await pipelineSettings(trx, tenantId);
    if (!needsApproval(lead, input.to, leadApprovalThreshold)) throw new AppError('invalid-transition');
    const pending = await trx
      .selectFrom('approvals')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('entityType', '=', 'lead')
      .where('entityId', '=', leadId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) {
      throw new AppError('conflict', {
        detail: {
          'zh-CN': '该项目已有待审批的申请。',
          en: 'This project already has a request waiting for a decision.',
        },
      });
    }
    const now = iso(ctx.now);
    const id = newId();
    const payload = { from: lead.stage, to: input.to, comment: input.comment || null };
    await trx
      .insertInto('approvals')
      .values({
        tenantId,
        id,
        entityType: 'lead',
        entityId: leadId,
        action: 'lead-stage',
        payload: JSON.stringify(payload),
        status: 'pending',
        requestedBy: actor.userId,
        requestedAt: now,
        decidedBy: null,
        decidedAt: null,
        decisionComment: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const leaders = await trx
      .selectFrom('users')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('role', '=', 'leader')
      .where('disabled', '=', 0)
      .execute();
    const to = stageLabel(input.to);
    for (const l of leaders) {
      await notify(
        trx,
        {
          tenantId,
          userId: l.id,
          kind: 'approval-requested',
          title: {
            zh: `待审批：${lead.companyName} 申请进入“${to.zh}”`,
            en: `Approval requested: ${lead.companyName} to “${to.en}”`,
          },
          link: `/leads/${leadId}`,
          entityType: 'approval',
          entityId: id,
          dedupeKey: `approval:${id}`,
        },
        ctx.now,
      );
    }
    await recordAudit(trx, ctx, { action: 'create', entityType: 'approval', entityId: id, after: payload });
    return id;
  });
  return getApproval(deps.database.db, actor, id);
}

async function loadApproval(db: Executor, actor: Actor, id: string, action: 'list' | 'decide' | 'withdraw') {
  const row = await db
    .selectFrom('approvals')
    .selectAll()
    .where('tenantId', '=', tenantOf(actor))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('approval', id, action);
  return row;
}

export async function getApproval(db: Executor, actor: Actor, id: string) {
  const [item] = await presentApprovals(db, tenantOf(actor), [await loadApproval(db, actor, id, 'list')]);
  return item!;
}

type ApprovalRow = Awaited<ReturnType<typeof loadApproval>>;

async function presentApprovals(db: Executor, tenantId: string, rows: ApprovalRow[]) {
  const user = await userRefs(
    db,
    tenantId,
    rows.flatMap((r) => [r.requestedBy, r.decidedBy]),
  );
  const leads = await db
    .selectFrom('leads')
    .select(['id', 'companyName', 'plannedInvestment', 'stage'])
    .where('tenantId', '=', tenantId)
    .where('id', 'in', [...rows.filter((r) => r.entityType === 'lead').map((r) => r.entityId), '-'])
    .execute();
  return rows.map((r) => {
    const p = parseJson<{ from?: string; to?: string; comment?: string | null }>(r.payload, {});
    const lead = leads.find((l) => l.id === r.entityId);
    return {
      id: r.id,
      entityType: r.entityType,
      entityId: r.entityId,
      action: r.action,
      fromStage: p.from ?? null,
      toStage: p.to ?? null,
      comment: p.comment ?? null,
      status: r.status,
      requestedBy: user(r.requestedBy),
      requestedAt: r.requestedAt,
      decidedBy: user(r.decidedBy),
      decidedAt: r.decidedAt,
      decisionComment: r.decisionComment,
      lead: lead
        ? {
            id: lead.id,
            companyName: lead.companyName,
            plannedInvestment: lead.plannedInvestment === null ? null : Number(lead.plannedInvestment),
            stage: lead.stage,
          }
        : null,
      version: r.version,
    };
  });
}

export async function listApprovals(
  db: Executor,
  actor: Actor,
  q: { status?: string; leadId?: string; page: number; pageSize: number },
) {
  const tenantId = tenantOf(actor);
  let query = db.selectFrom('approvals').where('tenantId', '=', tenantId);
  if (q.status) query = query.where('status', '=', q.status as ApprovalRow['status']);
  if (q.leadId) query = query.where('entityType', '=', 'lead').where('entityId', '=', q.leadId);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query
      .selectAll()
      .orderBy('requestedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return {
    items: await presentApprovals(db, tenantId, rows),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A leader's decision; an approval moves the lead at once (the move's history names the approval). */
export async function decideApproval(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { decision: 'approved' | 'rejected'; comment?: string; version: number },
) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  await deps.database.transaction(async (trx) => {
    const approval = await loadApproval(trx, actor, id, 'decide');
    if (approval.version !== input.version) throw new AppError('stale-version');
    if (approval.status !== 'pending') throw new AppError('invalid-transition');
    const now = iso(ctx.now);
    const res = await trx
      .updateTable('approvals')
      .set((eb) => ({
        status: input.decision,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionComment: input.comment || null,
        updatedAt: now,
        version: eb('version', '+', 1),
      }))
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', input.version)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale-version');
    const payload = parseJson<{ from: string; to: LeadStage; comment: string | null }>(approval.payload, {
      from: '',
      to: 'registered',
      comment: null,
    });
    await recordAudit(trx, ctx, {
      action: input.decision === 'approved' ? 'approve' : 'reject',
      entityType: 'approval',
      entityId: id,
      before: { status: 'pending' },
      after: { status: input.decision, comment: input.comment || null },
    });
    const lead = await trx
      .selectFrom('leads')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('id', '=', approval.entityId)
      .executeTakeFirst();
    if (!lead) return;
    if (input.decision === 'approved') {
      // Any other move withdraws a pending request, so the lead still stands where the request was made.
      await applyMove(deps, trx, ctx, lead, {
        to: payload.to,
        comment: [payload.comment, input.comment].filter(Boolean).join(' / ') || null,
        lostReason: null,
        approvalId: id,
      });
    }
    const to = stageLabel(payload.to);
    const verdict = input.decision === 'approved' ? { zh: '已批准', en: 'approved' } : { zh: '未批准', en: 'rejected' };
    await notify(
      trx,
      {
        tenantId,
        userId: approval.requestedBy,
        kind: 'approval-decided',
        title: {
          zh: `${lead.companyName} 进入“${to.zh}”的申请${verdict.zh}`,
          en: `${lead.companyName} to “${to.en}”: ${verdict.en}`,
        },
        body: input.comment ? { zh: input.comment, en: input.comment } : null,
        link: `/leads/${lead.id}`,
        entityType: 'approval',
        entityId: id,
        dedupeKey: `approval-decided:${id}`,
      },
      ctx.now,
    );
  });
  return getApproval(deps.database.db, actor, id);
}

/** Whoever asked (or an admin) takes a pending request back. */
export async function withdrawApproval(deps: Deps, ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  await deps.database.transaction(async (trx) => {
    const approval = await loadApproval(trx, actor, id, 'withdraw');
    if (actor.role !== 'admin' && approval.requestedBy !== actor.userId) {
      throw new AppError('forbidden', { refused: { entityType: 'approval', entityId: id, action: 'withdraw' } });
    }
    if (approval.status !== 'pending') throw new AppError('invalid-transition');
    const now = iso(ctx.now);
    const res = await trx
      .updateTable('approvals')
      .set((eb) => ({ status: 'withdrawn', updatedAt: now, version: eb('version', '+', 1) }))
      .where('tenantId', '=', approval.tenantId)
      .where('id', '=', id)
      // A leader's decision committed meanwhile stands (PostgreSQL runs the two side by side).
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('invalid-transition');
    await recordAudit(trx, ctx, {
      action: 'withdraw',
      entityType: 'approval',
      entityId: id,
      before: { status: 'pending' },
      after: { status: 'withdrawn' },
    });
  });
  return getApproval(deps.database.db, actor, id);
}

export async function updatePipelineSettings(
  deps: Deps,
  ctx: RequestContext,
  input: {
    leadApprovalThreshold: number;
    followUpRules: { firstContactDays: number; screeningDays: number; staleDays: number };
    version: number;
  },
) {
  const tenantId = tenantOf(ctx.actor!);
  return deps.database.transaction(async (trx) => {
    const before = await pipelineSettings(trx, tenantId);
    const res = await trx
      .updateTable('tenantSettings')
      .set((eb) => ({
        leadApprovalThreshold: input.leadApprovalThreshold,
        followUpRules: JSON.stringify(input.followUpRules),
        updatedAt: iso(ctx.now),
        version: eb('version', '+', 1),
      }))
      .where('tenantId', '=', tenantId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale-version');
    const after = await pipelineSettings(trx, tenantId);
    await recordAudit(trx, ctx, { action: 'update', entityType: 'settings', entityId: 'pipeline', before, after });
    return after;
  });
}
