import { likeContains } from '../../lib/like.js';
import {
  LEAD_STAGES,
  normalizeCompanyName,
  STAGES_PAST_SIGNED,
  type LeadStage,
  type Locale,
  type TLeadActivityInput,
  type TLeadInput,
} from '@kaimen/shared';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { parseJson } from '../../lib/json.js';
import { staleOrMissing } from '../../lib/optimistic.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { chainNodeWithDescendants } from '../chain/chain.service.js';
import { userRefs } from '../users/user-refs.js';
import { leadsPolicy, type LeadAction } from './leads.policy.js';
import { loadLeadDetail, loadLeadSummaries, type LeadDetail, type LeadRow } from './leads.repository.js';
import type { TListLeadsRequest } from './leads.schemas.js';

export type { LeadDetail } from './leads.repository.js';

const fieldError = (field: string, code: string, message: Record<Locale, string>, locale: Locale) =>
  new AppError('validation', { errors: [{ field, code, message: message[locale] }] });

export async function loadLead(db: Executor, actor: Actor, id: string, action: LeadAction): Promise<LeadRow> {
  const row = await db
    .selectFrom('leads')
    .selectAll()
    .where('tenantId', '=', tenantOf(actor))
    .where('id', '=', id)
    .where(leadsPolicy.where(actor, action))
    .executeTakeFirst();
  if (!row) throw notFound('lead', id, action);
  return row;
}

const unmaskedFor = (actor: Actor, row: LeadRow) => leadsPolicy.canAccess(actor, 'seePersonalData', row);

/** Leads and local companies that look like the same company: same USCC, or the same name once normalised. */
export async function findDuplicates(
  db: Executor,
  tenantId: string,
  probe: { companyName: string; uscc?: string | null },
  excludeLeadId?: string,
) {
  const norm = normalizeCompanyName(probe.companyName);
  const out: LeadDetail['duplicates'] = [];
  if (!norm && !probe.uscc) return out;
  let leads = db
    .selectFrom('leads')
    .select(['id', 'companyName', 'uscc', 'stage', 'normalizedName'])
    .where('tenantId', '=', tenantId)
    .where((eb) => {
      const or: Expression<SqlBool>[] = [];
      if (norm) or.push(eb('normalizedName', '=', norm));
      if (probe.uscc) or.push(eb('uscc', '=', probe.uscc));
      return eb.or(or);
    });
  if (excludeLeadId) leads = leads.where('id', '!=', excludeLeadId);
  for (const l of await leads.limit(10).execute()) {
    out.push({
      type: 'lead',
      id: l.id,
      name: l.companyName,
      uscc: l.uscc,
      match: probe.uscc && l.uscc === probe.uscc ? 'uscc' : 'name',
      stage: l.stage,
    });
  }
  // Enterprises carry no normalised name: the registry's (tenant, name) index answers the usual spellings.
  const names = [
    ...new Set(
      [probe.companyName.trim(), ...['有限公司', '股份有限公司', '有限责任公司'].map((s) => norm + s)].filter(Boolean),
    ),
  ];
  const companies = await db
    .selectFrom('enterprises')
    .select(['id', 'name', 'uscc'])
    .where('tenantId', '=', tenantId)
    .where((eb) => {
      const or: Expression<SqlBool>[] = [eb('name', 'in', names)];
      if (probe.uscc) or.push(eb('uscc', '=', probe.uscc));
      return eb.or(or);
    })
    .limit(10)
    .execute();
  for (const e of companies) {
    out.push({
      type: 'enterprise',
      id: e.id,
      name: e.name,
      uscc: e.uscc,
      match: probe.uscc && e.uscc === probe.uscc ? 'uscc' : 'name',
      stage: null,
    });
  }
  return out;
}

/** The list's filters as one condition, the policy scope first. */
async function listCondition(db: Executor, actor: Actor, q: Omit<TListLeadsRequest, 'page' | 'pageSize'>) {
  const tenantId = tenantOf(actor);
  const nodeIds = q.chainNode ? await chainNodeWithDescendants(db, tenantId, q.chainNode) : [];
  const scope = leadsPolicy.where(actor, 'list', 'leads');
  return (eb: Parameters<typeof scope>[0]) => {
    const conds: Expression<SqlBool>[] = [scope(eb), eb('leads.tenantId', '=', tenantId)];
    if (q.stage?.length) conds.push(eb('leads.stage', 'in', q.stage));
    if (q.ownerId) conds.push(eb('leads.ownerId', '=', q.ownerId));
    if (q.sourceChannel?.length) conds.push(eb('leads.sourceChannel', 'in', q.sourceChannel));
    if (q.chainNode) conds.push(eb('leads.chainNodeId', 'in', nodeIds.length ? nodeIds : ['-']));
    if (q.minInvestment !== undefined) conds.push(eb('leads.plannedInvestment', '>=', q.minInvestment));
    if (q.maxInvestment !== undefined) conds.push(eb('leads.plannedInvestment', '<=', q.maxInvestment));
    if (q.overdue === 'any') conds.push(eb('leads.overdueKind', 'is not', null));
    else if (q.overdue) conds.push(eb('leads.overdueKind', '=', q.overdue));
    if (q.enterpriseId) conds.push(eb('leads.enterpriseId', '=', q.enterpriseId));
    if (q.tripId) conds.push(eb('leads.tripId', '=', q.tripId));
    if (q.q) {
      const like = likeContains(q.q);
      conds.push(
        eb.or([
          sql<SqlBool>`${sql.ref('leads.companyName')} like ${like} escape '\\'`,
          eb('leads.uscc', '=', q.q.toUpperCase()),
          sql<SqlBool>`${sql.ref('leads.normalizedName')} like ${likeContains(normalizeCompanyName(q.q))} escape '\\'`,
        ]),
      );
    }
    return eb.and(conds);
  };
}

const SORT_COLUMN = {
  updatedAt: 'leads.updatedAt',
  createdAt: 'leads.createdAt',
  companyName: 'leads.companyName',
  plannedInvestment: 'leads.plannedInvestment',
  nextFollowUpOn: 'leads.nextFollowUpOn',
} as const;

export async function findLeads(db: Executor, actor: Actor, q: TListLeadsRequest) {
  const where = await listCondition(db, actor, q);
  const sort = q.sort ?? '-updatedAt';
  const desc = sort.startsWith('-');
  const col = SORT_COLUMN[sort.replace('-', '') as keyof typeof SORT_COLUMN];
  const [count, rows] = await Promise.all([
    db
      .selectFrom('leads')
      .where(where)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('leads')
      .selectAll()
      .where(where)
      // Nulls last either way (SQLite and PostgreSQL disagree on where nulls sort).
      .orderBy(sql`case when ${sql.ref(col)} is null then 1 else 0 end`)
      .orderBy(col, desc ? 'desc' : 'asc')
      .orderBy('leads.id', desc ? 'desc' : 'asc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return {
    items: await loadLeadSummaries(db, tenantOf(actor), rows),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Cards per stage column (the newest changed first), with each column's total; same filters as the list. */
export async function leadBoard(db: Executor, actor: Actor, q: TListLeadsRequest, perColumn = 100) {
  const tenantId = tenantOf(actor);
  const where = await listCondition(db, actor, { ...q, stage: undefined });
  const stages = LEAD_STAGES.map((s) => s.code).filter((s) => !q.stage?.length || q.stage.includes(s));
  const totals = await db
    .selectFrom('leads')
    .where(where)
    .select(['leads.stage', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('leads.stage')
    .execute();
  const total = new Map(totals.map((t) => [t.stage, Number(t.n)]));
  const columns = [];
  for (const stage of stages) {
    const rows =
      (total.get(stage) ?? 0)
        ? await db
            .selectFrom('leads')
            .selectAll()
            .where(where)
            .where('leads.stage', '=', stage)
            .orderBy('leads.updatedAt', 'desc')
            .orderBy('leads.id', 'desc')
            .limit(perColumn)
            .execute()
        : [];
    columns.push({ stage, total: total.get(stage) ?? 0, items: await loadLeadSummaries(db, tenantId, rows) });
  }
  return { columns };
}

export async function getLead(db: Executor, actor: Actor, id: string) {
  const row = await loadLead(db, actor, id, 'read');
  const detail = await loadLeadDetail(db, row, { unmasked: unmaskedFor(actor, row) });
  detail.duplicates = await findDuplicates(db, row.tenantId, row, row.id);
  return detail;
}

/** The owner must be an active admin or investment officer of the same tenant. */
async function checkOwner(db: Executor, tenantId: string, ownerId: string, locale: Locale) {
  const owner = await db
    .selectFrom('users')
    .select(['id', 'role', 'disabled'])
    .where('tenantId', '=', tenantId)
    .where('id', '=', ownerId)
    .executeTakeFirst();
  if (!owner || owner.disabled || !['admin', 'investment'].includes(owner.role)) {
    throw fieldError(
      'ownerId',
      'owner-invalid',
      {
        'zh-CN': '负责人须为本单位在用的招商专员',
        en: 'The owner must be an active investment officer of this office',
      },
      locale,
    );
  }
}

async function chainNodeId(db: Executor, tenantId: string, code: string | null | undefined, locale: Locale) {
  if (code === undefined) return undefined;
  if (code === null) return null;
  const node = await db
    .selectFrom('chainNodes')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!node) {
    throw fieldError(
      'chainNodeCode',
      'unknown',
      { 'zh-CN': `产业链中没有环节“${code}”`, en: `No chain node “${code}”` },
      locale,
    );
  }
  return node.id;
}

/** The scalar columns an input sets (undefined = not given, null = cleared). */
function scalarsOf(input: Partial<TLeadInput>) {
  const out: Record<string, unknown> = {};
  const copy = [
    'companyName',
    'uscc',
    'sourceChannel',
    'ownerId',
    'plannedInvestment',
    'spaceUnitType',
    'spaceArea',
    'spaceNotes',
    'expectedJobs',
    'expectedAnnualTax',
    'nextFollowUpOn',
    'notes',
  ] as const;
  for (const f of copy) if (input[f] !== undefined) out[f] = input[f] ?? null;
  if (input.companyName !== undefined) out.normalizedName = normalizeCompanyName(input.companyName);
  if (input.spaceRequirements !== undefined) out.spaceRequirements = JSON.stringify(input.spaceRequirements);
  return out;
}

async function writeChildren(db: Executor, tenantId: string, leadId: string, input: Partial<TLeadInput>) {
  if (input.contacts !== undefined) {
    await db.deleteFrom('leadContacts').where('tenantId', '=', tenantId).where('leadId', '=', leadId).execute();
    if (input.contacts.length) {
      await db
        .insertInto('leadContacts')
        .values(
          input.contacts.map((c, i) => ({
            tenantId,
            leadId,
            id: newId(),
            name: c.name,
            title: c.title ?? null,
            mobile: c.mobile ?? null,
            email: c.email ?? null,
            sort: i,
          })),
        )
        .execute();
    }
  }
  if (input.capital !== undefined) {
    await db.deleteFrom('leadCapital').where('tenantId', '=', tenantId).where('leadId', '=', leadId).execute();
    if (input.capital.length) {
      await db
        .insertInto('leadCapital')
        .values(
          input.capital.map((c) => ({
            tenantId,
            leadId,
            id: newId(),
            arrivedOn: c.arrivedOn,
            amount: c.amount,
            note: c.note ?? null,
          })),
        )
        .execute();
    }
  }
}

const rowOf = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('leads').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirstOrThrow();

/** The record as the audit log keeps it: unmasked (the audit log is for admins and leaders). */
const snapshot = async (db: Executor, tenantId: string, id: string) =>
  loadLeadDetail(db, await rowOf(db, tenantId, id), { unmasked: true }).then(({ duplicates: _d, ...rest }) => rest);

export interface LeadOrigin {
  tripId: string;
  tripMeetingId?: string | null;
}

/**
 * A new lead at stage 线索, owned by the creator unless another officer is named; its creation is the first row of its
 * stage history. The answer carries the leads and companies it may duplicate (a warning: the office decides).
 */
export async function createLead(
  deps: Deps,
  ctx: RequestContext,
  input: TLeadInput,
  origin?: LeadOrigin,
): Promise<LeadDetail> {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  return deps.database.transaction(async (trx) => {
    const ownerId = input.ownerId ?? actor.userId;
    await checkOwner(trx, tenantId, ownerId, ctx.locale);
    const nodeId = await chainNodeId(trx, tenantId, input.chainNodeCode, ctx.locale);
    if (origin) {
      const trip = await trx
        .selectFrom('trips')
        .select('id')
        .where('tenantId', '=', tenantId)
        .where('id', '=', origin.tripId)
        .executeTakeFirst();
      if (!trip) throw notFound('trip', origin.tripId, 'create-lead');
      if (origin.tripMeetingId) {
        const meeting = await trx
          .selectFrom('tripMeetings')
          .select('id')
          .where('tenantId', '=', tenantId)
          .where('tripId', '=', origin.tripId)
          .where('id', '=', origin.tripMeetingId)
          .executeTakeFirst();
        if (!meeting) throw notFound('trip-meeting', origin.tripMeetingId, 'create-lead');
      }
    }
    const now = iso(ctx.now);
    const id = newId();
    await trx
      .insertInto('leads')
      .values({
        tenantId,
        id,
        ...(scalarsOf(input) as { companyName: string; normalizedName: string; sourceChannel: string }),
        ownerId,
        chainNodeId: nodeId ?? null,
        stage: 'lead',
        stageEnteredAt: now,
        tripId: origin?.tripId ?? null,
        tripMeetingId: origin?.tripMeetingId ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await writeChildren(trx, tenantId, id, input);
    await trx
      .insertInto('leadStageMoves')
      .values({
        tenantId,
        leadId: id,
        id: newId(),
        fromStage: null,
        toStage: 'lead',
        at: now,
        byUserId: actor.userId,
        comment: null,
        approvalId: null,
      })
      .execute();
    const after = await snapshot(trx, tenantId, id);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'lead', entityId: id, after });
    const row = await rowOf(trx, tenantId, id);
    const detail = await loadLeadDetail(trx, row, { unmasked: unmaskedFor(actor, row) });
    detail.duplicates = await findDuplicates(trx, tenantId, row, id);
    return detail;
  });
}

/**
 * The approval gate cannot be stepped around by the amount: a lead that went past 签约 without a leader's approval
 * (it was small then) may not be raised to the threshold or above afterwards, except by an admin.
 */
async function checkInvestmentPastSigned(
  db: Executor,
  actor: Actor,
  lead: LeadRow,
  planned: number | null | undefined,
) {
  if (planned === undefined || planned === null || actor.role === 'admin') return;
  if (!STAGES_PAST_SIGNED.includes(lead.stage as LeadStage)) return;
  const settings = await db
    .selectFrom('tenantSettings')
    .select('leadApprovalThreshold')
    .where('tenantId', '=', lead.tenantId)
    .executeTakeFirstOrThrow();
  const threshold = Number(settings.leadApprovalThreshold);
  if (planned < threshold || (lead.plannedInvestment !== null && Number(lead.plannedInvestment) >= threshold)) return;
  const approved = await db
    .selectFrom('leadStageMoves')
    .select('id')
    .where('tenantId', '=', lead.tenantId)
    .where('leadId', '=', lead.id)
    .where('toStage', 'in', [...STAGES_PAST_SIGNED])
    .where('approvalId', 'is not', null)
    .executeTakeFirst();
  if (approved) return;
  throw new AppError('approval-required', {
    detail: {
      'zh-CN': `该项目未经领导审批进入签约后阶段，计划投资不能改为 ${threshold.toLocaleString('zh-CN')} 元及以上；请联系管理员。`,
      en: `This project went past 签约 without a leader's approval: its planned investment cannot be raised to ${threshold.toLocaleString('en-US')} yuan or more; ask an admin.`,
    },
    extra: { threshold },
    refused: { entityType: 'lead', entityId: lead.id, action: 'update' },
  });
}

export async function updateLead(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: Partial<TLeadInput> & { version: number },
) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const { version, ...changes } = input;
  return deps.database.transaction(async (trx) => {
    const lead = await loadLead(trx, actor, id, 'update');
    const before = await snapshot(trx, tenantId, id);
    if (changes.ownerId === null) {
      throw fieldError('ownerId', 'required', { 'zh-CN': '项目须有负责人', en: 'A lead needs an owner' }, ctx.locale);
    }
    if (changes.ownerId) await checkOwner(trx, tenantId, changes.ownerId, ctx.locale);
    await checkInvestmentPastSigned(trx, actor, lead, changes.plannedInvestment);
    const nodeId = await chainNodeId(trx, tenantId, changes.chainNodeCode, ctx.locale);
    const res = await trx
      .updateTable('leads')
      .set((eb) => ({
        ...scalarsOf(changes),
        ...(nodeId !== undefined ? { chainNodeId: nodeId } : {}),
        updatedAt: iso(ctx.now),
        version: eb('version', '+', 1),
      }))
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw staleOrMissing(true, 'lead', id);
    await writeChildren(trx, tenantId, id, changes);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'lead',
      entityId: id,
      before,
      after: await snapshot(trx, tenantId, id),
    });
    const row = await rowOf(trx, tenantId, id);
    const detail = await loadLeadDetail(trx, row, { unmasked: unmaskedFor(actor, row) });
    detail.duplicates = await findDuplicates(trx, tenantId, row, id);
    return detail;
  });
}

export async function deleteLead(deps: Deps, ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  await deps.database.transaction(async (trx) => {
    await loadLead(trx, actor, id, 'delete');
    const before = await snapshot(trx, tenantId, id);
    await trx
      .deleteFrom('approvals')
      .where('tenantId', '=', tenantId)
      .where('entityType', '=', 'lead')
      .where('entityId', '=', id)
      .execute();
    await trx.deleteFrom('leads').where('tenantId', '=', tenantId).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'lead', entityId: id, before });
  });
}

// ---------------------------------------------------------------------------
// Activities

const ACTIVITY_COLUMNS = [
  'id',
  'kind',
  'occurredOn',
  'subject',
  'participants',
  'notes',
  'nextFollowUpOn',
  'createdBy',
  'createdAt',
] as const;

async function presentActivities<R extends { participants: string; createdBy: string }>(
  db: Executor,
  tenantId: string,
  rows: R[],
) {
  const user = await userRefs(
    db,
    tenantId,
    rows.map((r) => r.createdBy),
  );
  return rows.map((r) => ({
    ...r,
    participants: parseJson<string[]>(r.participants, []),
    createdBy: user(r.createdBy),
  }));
}

export async function listActivities(db: Executor, actor: Actor, leadId: string) {
  const lead = await loadLead(db, actor, leadId, 'read');
  const rows = await db
    .selectFrom('leadActivities')
    .select(ACTIVITY_COLUMNS)
    .where('tenantId', '=', lead.tenantId)
    .where('leadId', '=', leadId)
    .orderBy('occurredOn', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
  return { items: await presentActivities(db, lead.tenantId, rows) };
}

/** Logs a call, meeting, site visit or e-mail; its follow-up date, when given, becomes the lead's next one. */
export async function addActivity(deps: Deps, ctx: RequestContext, leadId: string, input: TLeadActivityInput) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  return deps.database.transaction(async (trx) => {
    await loadLead(trx, actor, leadId, 'work');
    const now = iso(ctx.now);
    const id = newId();
    const row = {
      tenantId,
      leadId,
      id,
      kind: input.kind,
      occurredOn: input.occurredOn,
      subject: input.subject ?? null,
      participants: JSON.stringify(input.participants ?? []),
      notes: input.notes ?? null,
      nextFollowUpOn: input.nextFollowUpOn ?? null,
      createdBy: actor.userId,
      createdAt: now,
    };
    await trx.insertInto('leadActivities').values(row).execute();
    await trx
      .updateTable('leads')
      .set((eb) => ({
        lastActivityAt: now,
        ...(input.nextFollowUpOn ? { nextFollowUpOn: input.nextFollowUpOn } : {}),
        // A logged contact answers the "first contact" reminder at once; the daily job re-checks the rest.
        overdueKind: sql<null>`case when ${sql.ref('overdueKind')} = 'first_contact' then null else ${sql.ref('overdueKind')} end`,
        overdueSince: sql<null>`case when ${sql.ref('overdueKind')} = 'first_contact' then null else ${sql.ref('overdueSince')} end`,
        updatedAt: now,
        version: eb('version', '+', 1),
      }))
      .where('tenantId', '=', tenantId)
      .where('id', '=', leadId)
      .execute();
    const { tenantId: _t, leadId: _l, ...after } = row;
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'lead-activity',
      entityId: id,
      after: { leadId, ...after },
    });
    const [presented] = await presentActivities(trx, tenantId, [after]);
    return presented!;
  });
}

// ---------------------------------------------------------------------------
// Timeline

/** On the same instant: creation first, then what followed from it. */
const RANK: Record<string, number> = {
  created: 0,
  activity: 1,
  file: 1,
  'approval-requested': 2,
  'approval-decided': 3,
  stage: 4,
};

export async function leadTimeline(db: Executor, actor: Actor, leadId: string) {
  const lead = await loadLead(db, actor, leadId, 'read');
  const t = lead.tenantId;
  const [moves, activities, approvals, files] = await Promise.all([
    db.selectFrom('leadStageMoves').selectAll().where('tenantId', '=', t).where('leadId', '=', leadId).execute(),
    db
      .selectFrom('leadActivities')
      .select(ACTIVITY_COLUMNS)
      .where('tenantId', '=', t)
      .where('leadId', '=', leadId)
      .execute(),
    db
      .selectFrom('approvals')
      .selectAll()
      .where('tenantId', '=', t)
      .where('entityType', '=', 'lead')
      .where('entityId', '=', leadId)
      .execute(),
    db
      .selectFrom('attachments')
      .select(['id', 'filename', 'size', 'createdBy', 'createdAt'])
      .where('tenantId', '=', t)
      .where('entityType', '=', 'lead')
      .where('entityId', '=', leadId)
      .execute(),
  ]);
  const user = await userRefs(db, t, [
    ...moves.map((m) => m.byUserId),
    ...approvals.flatMap((a) => [a.requestedBy, a.decidedBy]),
    ...files.map((f) => f.createdBy),
  ]);
  const entries: Record<string, unknown>[] = [];
  for (const m of moves) {
    entries.push({
      at: m.at,
      type: m.fromStage === null ? 'created' : 'stage',
      by: user(m.byUserId),
      fromStage: m.fromStage,
      toStage: m.toStage,
      comment: m.comment,
    });
  }
  for (const a of await presentActivities(db, t, activities)) {
    entries.push({ at: a.createdAt, type: 'activity', by: a.createdBy, activity: a });
  }
  for (const a of approvals) {
    const p = parseJson<{ to?: string; comment?: string | null }>(a.payload, {});
    const approval = { id: a.id, status: a.status, toStage: p.to ?? null };
    entries.push({
      at: a.requestedAt,
      type: 'approval-requested',
      by: user(a.requestedBy),
      comment: p.comment ?? null,
      approval,
    });
    if (a.decidedAt) {
      entries.push({
        at: a.decidedAt,
        type: 'approval-decided',
        by: user(a.decidedBy),
        comment: a.decisionComment,
        approval,
      });
    }
  }
  for (const f of files) {
    entries.push({
      at: f.createdAt,
      type: 'file',
      by: user(f.createdBy),
      file: { id: f.id, filename: f.filename, size: Number(f.size) },
    });
  }
  // Newest first; on the same instant, the order things happened in (creation before its stage).
  entries.sort((a, b) => String(b.at).localeCompare(String(a.at)) || RANK[String(b.type)]! - RANK[String(a.type)]!);
  return { items: entries };
}
