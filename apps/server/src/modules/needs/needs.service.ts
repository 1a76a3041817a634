import {
  NEED_ACCEPT_WORKING_HOURS,
  NEED_STATUSES_WITH_DEPARTMENT,
  addWorkingHours,
  allowedNeedActions,
  applyNeedAction,
  dueAfterWorkingDays,
  maskPersonal,
  workingCalendar,
  type NeedAction,
  type NeedStatus,
  type TNeedParsed,
  type WorkingCalendar,
  ZNeedActionInput,
  ZNeedUpdateInput,
} from '@kaimen/shared';
import { sql, type Selectable, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';
import type { NeedsTable } from '../../db/schema/needs.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { containsText } from '../../lib/like.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { departmentUsers, enterpriseUsers, tellDepartmentRobot, tellUsers, type NeedNotice } from './needs.notify.js';
import { needRelations, needsPolicy, visibleNeeds } from './needs.policy.js';
import type { TListNeedsRequest, TNeedDetail, TNeedSummary } from './needs.schemas.js';

type NeedRow = Selectable<NeedsTable>;
export type NeedSource = 'visit' | 'enterprise' | 'hotline' | 'open311';

const fieldError = (field: string, zh: string, en: string, locale: RequestContext['locale']) =>
  new AppError('validation', { errors: [{ field, message: locale === 'en' ? en : zh, code: 'invalid' }] });

// ---------------------------------------------------------------------------
// Calendar and clocks

/** The tenant's working calendar: weekdays, minus its holidays, plus its weekend workdays. */
export async function tenantCalendar(db: Executor, tenantId: string): Promise<WorkingCalendar> {
  const rows = await db.selectFrom('holidays').select(['date', 'kind']).where('tenantId', '=', tenantId).execute();
  return workingCalendar(rows);
}

/** The clocks a need gets each time it goes to a department: accept within 12 working hours, answer within the SLA. */
export function clocksFrom(now: Date, slaWorkingDays: number, cal: WorkingCalendar) {
  const due = dueAfterWorkingDays(now, slaWorkingDays, cal);
  return {
    submittedAt: iso(now),
    acceptBy: iso(addWorkingHours(now, NEED_ACCEPT_WORKING_HOURS, cal)),
    dueOn: due.date,
    dueAt: iso(due.due),
  };
}

async function categoryOf(db: Executor, tenantId: string, code: string) {
  return db
    .selectFrom('needCategories')
    .select(['code', 'nameZh', 'nameEn', 'defaultDepartmentCode', 'slaWorkingDays'])
    .where('tenantId', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
}

async function slaOf(db: Executor, tenantId: string, categoryCode: string): Promise<number> {
  return (await categoryOf(db, tenantId, categoryCode))?.slaWorkingDays ?? 10;
}

async function departmentIds(db: Executor, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('departments')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** True when the need is red now: escalated, not accepted in time, or past its due time while with a department. */
export function isOverdue(n: Pick<NeedRow, 'status' | 'acceptBy' | 'dueAt' | 'escalatedAt'>, now: Date): boolean {
  if (!NEED_STATUSES_WITH_DEPARTMENT.includes(n.status as NeedStatus)) return false;
  const t = iso(now);
  return !!n.escalatedAt || (n.status === 'submitted' && n.acceptBy < t) || n.dueAt < t;
}

// ---------------------------------------------------------------------------
// Create

export interface NewNeedOptions {
  source: NeedSource;
  visitId?: string | null;
  address?: string | null;
  lat?: number | null;
  long?: number | null;
  /** Set by Open311 (no user): who the timeline names. */
  actorName?: string;
}

/**
 * Adds one need inside the caller's transaction: routes it to the category's default lead department unless one is
 * chosen, starts its clocks, writes its first timeline entry and tells the department. The caller has checked that
 * the actor may raise needs for the company.
 */
export async function insertNeed(
  trx: Transaction<DB>,
  ctx: RequestContext,
  tenantId: string,
  input: Omit<TNeedParsed, 'source'>,
  opts: NewNeedOptions,
): Promise<string> {
  const actor = ctx.actor;
  const category = await categoryOf(trx, tenantId, input.categoryCode);
  if (!category) throw fieldError('categoryCode', '未知的诉求类别', 'Unknown need category', ctx.locale);
  let leadDepartmentId = input.leadDepartmentId ?? null;
  if (leadDepartmentId) {
    if (!(await departmentIds(trx, tenantId, [leadDepartmentId])).has(leadDepartmentId)) {
      throw fieldError('leadDepartmentId', '未知的部门', 'Unknown department', ctx.locale);
    }
  } else {
    const dept = await trx
      .selectFrom('departments')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('code', '=', category.defaultDepartmentCode)
      .executeTakeFirst();
    if (!dept) {
      throw fieldError(
        'leadDepartmentId',
        '该类别的默认牵头部门不存在，请选择牵头部门',
        'The category’s default department is gone: choose a lead department',
        ctx.locale,
      );
    }
    leadDepartmentId = dept.id;
  }
  const supporting = [...new Set(input.supportingDepartmentIds ?? [])].filter((d) => d !== leadDepartmentId);
  const known = await departmentIds(trx, tenantId, supporting);
  const unknown = supporting.filter((d) => !known.has(d));
  if (unknown.length)
    throw fieldError('supportingDepartmentIds', '未知的协办部门', 'Unknown supporting department', ctx.locale);

  const enterprise = await trx
    .selectFrom('enterprises')
    .select(['id', 'name', 'assignedOfficerId'])
    .where('tenantId', '=', tenantId)
    .where('id', '=', input.enterpriseId)
    .executeTakeFirst();
  if (!enterprise) throw fieldError('enterpriseId', '未找到该企业', 'Company not found', ctx.locale);

  const seq = await trx
    .updateTable('tenantSettings')
    .set((eb) => ({ needSeq: eb('needSeq', '+', 1) }))
    .where('tenantId', '=', tenantId)
    .returning('needSeq')
    .executeTakeFirstOrThrow();
  const reference = `SQ${ctx.now.getUTCFullYear()}-${String(seq.needSeq).padStart(6, '0')}`;
  const cal = await tenantCalendar(trx, tenantId);
  const clocks = clocksFrom(ctx.now, category.slaWorkingDays, cal);
  const id = newId();
  const now = iso(ctx.now);
  const officerId = enterprise.assignedOfficerId ?? (actor?.role === 'service' ? actor.userId : null);
  const row: NeedRow = {
    tenantId,
    id,
    reference,
    enterpriseId: enterprise.id,
    visitId: opts.visitId ?? null,
    categoryCode: category.code,
    title: input.title,
    description: input.description,
    source: opts.source,
    urgency: input.urgency,
    leadDepartmentId,
    status: 'submitted',
    officerId,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    address: opts.address ?? null,
    lat: opts.lat ?? null,
    long: opts.long ?? null,
    ...clocks,
    acceptedAt: null,
    resolvedAt: null,
    resolution: null,
    confirmedAt: null,
    satisfaction: null,
    closedAt: null,
    returnedReason: null,
    reopenedCount: 0,
    escalatedAt: null,
    escalationKind: null,
    escalationReason: null,
    resolvedLate: null,
    createdBy: actor?.userId ?? null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await trx.insertInto('needs').values(row).execute();
  if (supporting.length) {
    await trx
      .insertInto('needDepartments')
      .values(supporting.map((departmentId) => ({ tenantId, needId: id, departmentId })))
      .execute();
  }
  await addEvent(trx, ctx, tenantId, id, {
    action: 'created',
    fromStatus: null,
    toStatus: 'submitted',
    text: null,
    departmentId: leadDepartmentId,
    actorName: opts.actorName,
  });
  await announceSubmission(trx, row, ctx.now, actor?.userId ?? null);
  await recordAudit(trx, ctx, {
    tenantId,
    action: 'create',
    entityType: 'need',
    entityId: id,
    after: { ...row, contactPhone: maskPersonal(row.contactPhone) },
    ...(actor ? {} : { actorUsername: opts.actorName ?? 'open311' }),
  });
  return id;
}

async function announceSubmission(trx: Executor, need: NeedRow, now: Date, except: string | null) {
  const notice: NeedNotice = {
    kind: 'need-submitted',
    title: { zh: `新诉求待受理：${need.title}`, en: `New need to accept: ${need.title}` },
    body: {
      zh: `${need.reference}，请在 ${NEED_ACCEPT_WORKING_HOURS} 个工作小时内受理，${need.dueOn} 前办结。`,
      en: `${need.reference}: accept it within ${NEED_ACCEPT_WORKING_HOURS} working hours and answer it by ${need.dueOn}.`,
    },
  };
  await tellUsers(trx, need, await departmentUsers(trx, need.tenantId, need.leadDepartmentId), notice, now, except);
  await tellDepartmentRobot(trx, need, need.leadDepartmentId, 'need.submitted', notice, now, { dueOn: need.dueOn });
}

export async function createNeed(deps: Deps, ctx: RequestContext, input: TNeedParsed) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const id = await deps.database.transaction(async (trx) => {
    await assertMayRaiseFor(trx, actor, input.enterpriseId);
    // A company writes its own; an officer records what came by phone or was said on a visit (a visit's needs are
    // usually raised with the visit itself, POST /api/visits). Open311 is only ever the Open311 endpoint's.
    const source: NeedSource =
      actor.role === 'enterprise'
        ? 'enterprise'
        : input.source && input.source !== 'open311'
          ? input.source
          : 'hotline';
    return insertNeed(trx, ctx, tenantId, input, { source });
  });
  return getNeed(deps.database.db, ctx, id);
}

/** An officer raises needs for their assigned companies, an enterprise user for its own, an admin for any. */
export async function assertMayRaiseFor(db: Executor, actor: Actor, enterpriseId: string) {
  const tenantId = tenantOf(actor);
  const e = await db
    .selectFrom('enterprises')
    .select(['id', 'assignedOfficerId'])
    .where('tenantId', '=', tenantId)
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  const ok =
    !!e &&
    (actor.role === 'admin' ||
      (actor.role === 'service' && e.assignedOfficerId === actor.userId) ||
      (actor.role === 'enterprise' && actor.enterpriseId === e.id));
  if (!ok) throw notFound('enterprise', enterpriseId, 'raise-need');
}

// ---------------------------------------------------------------------------
// Timeline

interface EventInput {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  text: string | null;
  departmentId?: string | null;
  satisfaction?: string | null;
  actorName?: string;
}

async function addEvent(db: Executor, ctx: RequestContext, tenantId: string, needId: string, e: EventInput) {
  let actorName = e.actorName ?? '系统';
  if (ctx.actor && !e.actorName) {
    const u = await db.selectFrom('users').select('displayName').where('id', '=', ctx.actor.userId).executeTakeFirst();
    actorName = u?.displayName ?? ctx.actor.username;
  }
  await db
    .insertInto('needEvents')
    .values({
      tenantId,
      id: newId(),
      needId,
      at: iso(ctx.now),
      actorId: ctx.actor?.userId ?? null,
      actorName,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      text: e.text,
      departmentId: e.departmentId ?? null,
      satisfaction: e.satisfaction ?? null,
    })
    .execute();
}

// ---------------------------------------------------------------------------
// Read

async function departmentsById(db: Executor, tenantId: string) {
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'code', 'nameZh', 'nameEn'])
    .where('tenantId', '=', tenantId)
    .execute();
  return new Map(rows.map((d) => [d.id, d]));
}

async function summaries(db: Executor, tenantId: string, rows: NeedRow[], now: Date): Promise<TNeedSummary[]> {
  if (!rows.length) return [];
  const depts = await departmentsById(db, tenantId);
  const entIds = [...new Set(rows.map((r) => r.enterpriseId))];
  const userIds = [...new Set(rows.map((r) => r.officerId).filter((x): x is string => !!x))];
  const [ents, users] = await Promise.all([
    db
      .selectFrom('enterprises')
      .select(['id', 'name'])
      .where('tenantId', '=', tenantId)
      .where('id', 'in', entIds)
      .execute(),
    userIds.length
      ? db
          .selectFrom('users')
          .select(['id', 'displayName'])
          .where('tenantId', '=', tenantId)
          .where('id', 'in', userIds)
          .execute()
      : Promise.resolve([]),
  ]);
  const entName = new Map(ents.map((e) => [e.id, e.name]));
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    categoryCode: r.categoryCode,
    status: r.status,
    urgency: r.urgency,
    source: r.source,
    enterprise: { id: r.enterpriseId, name: entName.get(r.enterpriseId) ?? '' },
    leadDepartment: depts.get(r.leadDepartmentId) ?? null,
    officer: r.officerId ? { id: r.officerId, name: userName.get(r.officerId) ?? '' } : null,
    submittedAt: r.submittedAt,
    acceptBy: r.acceptBy,
    dueOn: r.dueOn,
    dueAt: r.dueAt,
    escalatedAt: r.escalatedAt,
    escalationKind: r.escalationKind,
    overdue: isOverdue(r, now),
    satisfaction: r.satisfaction,
    reopenedCount: Number(r.reopenedCount),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}

const SORT_COLUMN = {
  submittedAt: 'needs.submittedAt',
  dueAt: 'needs.dueAt',
  updatedAt: 'needs.updatedAt',
  reference: 'needs.reference',
} as const;

const OPEN: readonly string[] = NEED_STATUSES_WITH_DEPARTMENT;

export async function findNeeds(db: Executor, ctx: RequestContext, q: TListNeedsRequest) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const now = iso(ctx.now);
  let base = db.selectFrom('needs').where(visibleNeeds(actor));
  if (q.status?.length) base = base.where('needs.status', 'in', q.status);
  if (q.category?.length) base = base.where('needs.categoryCode', 'in', q.category);
  if (q.departmentId) {
    const d = q.departmentId;
    base = base.where((eb) =>
      eb.or([
        eb('needs.leadDepartmentId', '=', d),
        eb.exists(
          eb
            .selectFrom('needDepartments')
            .select(sql`1`.as('one'))
            .whereRef('needDepartments.tenantId', '=', 'needs.tenantId')
            .whereRef('needDepartments.needId', '=', 'needs.id')
            .where('needDepartments.departmentId', '=', d),
        ),
      ]),
    );
  }
  if (q.enterpriseId) base = base.where('needs.enterpriseId', '=', q.enterpriseId);
  if (q.visitId) base = base.where('needs.visitId', '=', q.visitId);
  if (q.urgency) base = base.where('needs.urgency', '=', q.urgency);
  if (q.source) base = base.where('needs.source', '=', q.source);
  if (q.escalated) base = base.where('needs.escalatedAt', 'is not', null).where('needs.status', 'in', OPEN);
  if (q.overdue) {
    base = base
      .where('needs.status', 'in', OPEN)
      .where((eb) =>
        eb.or([
          eb('needs.escalatedAt', 'is not', null),
          eb.and([eb('needs.status', '=', 'submitted'), eb('needs.acceptBy', '<', now)]),
          eb('needs.dueAt', '<', now),
        ]),
      );
  }
  if (q.submittedFrom) base = base.where('needs.submittedAt', '>=', q.submittedFrom);
  if (q.submittedTo) base = base.where('needs.submittedAt', '<', `${q.submittedTo}T99`);
  if (q.queue === 'mine') {
    if (actor.role === 'department' && actor.departmentHead && actor.departmentId) {
      // The head's queue: the department's open needs, escalations first by the sort below.
      base = base.where('needs.status', 'in', OPEN);
    } else if (actor.role === 'service') {
      base = base.where('needs.status', 'in', [...OPEN, 'returned', 'resolved', 'confirmed']);
    } else if (actor.role === 'enterprise') {
      base = base.where('needs.status', 'in', [...OPEN, 'returned', 'resolved']);
    } else {
      base = base.where('needs.status', 'in', OPEN);
    }
  }
  if (q.q) {
    const text = q.q;
    base = base.where((eb) =>
      eb.or([
        containsText('needs.title', text),
        containsText('needs.reference', text),
        eb(
          'needs.enterpriseId',
          'in',
          eb
            .selectFrom('enterprises')
            .select('enterprises.id')
            .where('enterprises.tenantId', '=', tenantId)
            .where(containsText('enterprises.name', text)),
        ),
      ]),
    );
  }
  const sort = q.sort ?? (q.queue === 'mine' ? 'dueAt' : '-submittedAt');
  const desc = sort.startsWith('-');
  const col = SORT_COLUMN[sort.replace('-', '') as keyof typeof SORT_COLUMN];
  let page = base.selectAll('needs');
  if (q.queue === 'mine') page = page.orderBy(sql`case when ${sql.ref('needs.escalatedAt')} is null then 1 else 0 end`);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    page
      .orderBy(col, desc ? 'desc' : 'asc')
      .orderBy('needs.id', desc ? 'desc' : 'asc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return {
    items: await summaries(db, tenantId, rows as NeedRow[], ctx.now),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One need through the actor's visibility; outside it is a 404 (never a 403 that tells it exists). */
export async function loadNeed(db: Executor, actor: Actor, id: string, action = 'read'): Promise<NeedRow> {
  const row = await db
    .selectFrom('needs')
    .selectAll('needs')
    .where('needs.id', '=', id)
    .where(visibleNeeds(actor))
    .executeTakeFirst();
  if (!row) throw notFound('need', id, action);
  return row as NeedRow;
}

async function factsOf(db: Executor, need: NeedRow) {
  const [supporting, ent] = await Promise.all([
    db
      .selectFrom('needDepartments')
      .select('departmentId')
      .where('tenantId', '=', need.tenantId)
      .where('needId', '=', need.id)
      .execute(),
    db
      .selectFrom('enterprises')
      .select('assignedOfficerId')
      .where('tenantId', '=', need.tenantId)
      .where('id', '=', need.enterpriseId)
      .executeTakeFirst(),
  ]);
  return {
    leadDepartmentId: need.leadDepartmentId,
    supportingDepartmentIds: supporting.map((s) => s.departmentId),
    officerId: need.officerId,
    createdBy: need.createdBy,
    enterpriseId: need.enterpriseId,
    assignedOfficerId: ent?.assignedOfficerId ?? null,
  };
}

export async function getNeed(db: Executor, ctx: RequestContext, id: string): Promise<TNeedDetail> {
  const actor = ctx.actor!;
  const need = await loadNeed(db, actor, id);
  const [summary] = await summaries(db, need.tenantId, [need], ctx.now);
  const facts = await factsOf(db, need);
  const depts = await departmentsById(db, need.tenantId);
  const events = await db
    .selectFrom('needEvents')
    .selectAll()
    .where('tenantId', '=', need.tenantId)
    .where('needId', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const relations = needRelations(actor, facts);
  const seePersonal = needsPolicy.allows(actor, 'seePersonalData');
  const canEdit =
    needsPolicy.allows(actor, 'update') &&
    relations.some((r) => ['admin', 'officer', 'lead-department', 'department-head'].includes(r)) &&
    !['closed'].includes(need.status);
  return {
    ...summary!,
    description: need.description,
    visitId: need.visitId,
    supportingDepartments: facts.supportingDepartmentIds.map((d) => depts.get(d)).filter((d) => !!d),
    contactName: need.contactName,
    contactPhone: seePersonal ? need.contactPhone : maskPersonal(need.contactPhone),
    address: need.address,
    acceptedAt: need.acceptedAt,
    resolvedAt: need.resolvedAt,
    resolution: need.resolution,
    confirmedAt: need.confirmedAt,
    closedAt: need.closedAt,
    returnedReason: need.returnedReason,
    escalationReason: need.escalationReason,
    resolvedLate: need.resolvedLate === null ? null : !!need.resolvedLate,
    timeline: events.map((e) => ({
      id: e.id,
      at: e.at,
      actor: { id: e.actorId, name: e.actorName },
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      text: e.text,
      department: e.departmentId ? (depts.get(e.departmentId) ?? null) : null,
      satisfaction: e.satisfaction,
    })),
    allowedActions: needsPolicy.allows(actor, 'act') ? allowedNeedActions(need.status as NeedStatus, relations) : [],
    canEdit,
  };
}

// ---------------------------------------------------------------------------
// Workflow steps

type ActionInput = z.output<typeof ZNeedActionInput>;

const ACTION_TEXT: Record<NeedAction, { zh: string; en: string }> = {
  accept: { zh: '已受理', en: 'accepted' },
  start: { zh: '开始办理', en: 'started' },
  resolve: { zh: '已办结', en: 'resolved' },
  return: { zh: '已退回', en: 'returned' },
  resubmit: { zh: '重新提交', en: 'resubmitted' },
  reassign: { zh: '已改派', en: 'reassigned' },
  escalate: { zh: '已督办', en: 'escalated' },
  confirm: { zh: '企业已评价', en: 'rated by the company' },
  close: { zh: '已关闭', en: 'closed' },
  comment: { zh: '新留言', en: 'new comment' },
};

export async function actOnNeed(deps: Deps, ctx: RequestContext, id: string, input: ActionInput) {
  const actor = ctx.actor!;
  const action = input.action as NeedAction;
  await deps.database.transaction(async (trx) => {
    const need = await loadNeed(trx, actor, id, action);
    const facts = await factsOf(trx, need);
    const relations = needRelations(actor, facts);
    const outcome = applyNeedAction(need.status as NeedStatus, action, relations, input);
    if (!outcome.ok) {
      if (outcome.code === 'not-allowed') {
        throw new AppError('forbidden', { refused: { entityType: 'need', entityId: id, action } });
      }
      if (outcome.code === 'invalid-transition') {
        throw new AppError('invalid-transition', { refused: { entityType: 'need', entityId: id, action } });
      }
      const labels = {
        text: ['答复内容', 'Answer'],
        reason: ['原因', 'Reason'],
        satisfaction: ['满意度', 'Satisfaction'],
        department: ['部门', 'Department'],
      } as const;
      throw new AppError('validation', {
        errors: outcome.fields.map((f) => ({
          field: f === 'department' ? 'departmentId' : f,
          message: ctx.locale === 'en' ? `${labels[f][1]} is required` : `请填写${labels[f][0]}`,
          code: 'required',
        })),
      });
    }
    // A comment changes nothing of the record: it needs no version and does not move it.
    if (action !== 'comment' && need.version !== input.version) throw new AppError('stale-version');

    const now = iso(ctx.now);
    const set: Partial<NeedRow> = {};
    let departmentId: string | null = null;
    const restartClocks = async (to: string) => {
      const cal = await tenantCalendar(trx, need.tenantId);
      Object.assign(set, clocksFrom(ctx.now, await slaOf(trx, need.tenantId, need.categoryCode), cal), {
        leadDepartmentId: to,
        acceptedAt: null,
        escalatedAt: null,
        escalationKind: null,
        escalationReason: null,
        returnedReason: null,
      });
    };
    switch (action) {
      case 'accept':
        set.acceptedAt = now;
        break;
      case 'resolve':
        set.resolvedAt = now;
        set.resolution = input.text!;
        set.resolvedLate = now > need.dueAt ? 1 : 0;
        break;
      case 'return':
        set.returnedReason = input.reason!;
        break;
      case 'resubmit':
      case 'reassign': {
        const to = input.departmentId ?? need.leadDepartmentId;
        if (!(await departmentIds(trx, need.tenantId, [to])).has(to)) {
          throw fieldError('departmentId', '未知的部门', 'Unknown department', ctx.locale);
        }
        if (action === 'reassign' && to === need.leadDepartmentId) {
          throw fieldError('departmentId', '请选择另一个牵头部门', 'Choose another lead department', ctx.locale);
        }
        departmentId = to;
        await restartClocks(to);
        // The new lead department is no longer a supporting one.
        await trx
          .deleteFrom('needDepartments')
          .where('tenantId', '=', need.tenantId)
          .where('needId', '=', id)
          .where('departmentId', '=', to)
          .execute();
        break;
      }
      case 'escalate':
        if (need.escalatedAt) {
          throw new AppError('conflict', {
            detail: { 'zh-CN': '该诉求已在督办中。', en: 'This need has already been escalated.' },
          });
        }
        Object.assign(set, { escalatedAt: now, escalationKind: 'manual', escalationReason: input.reason! });
        break;
      case 'confirm':
        set.satisfaction = input.satisfaction!;
        if (outcome.reopened) {
          // Not satisfied: back to the same department, with a fresh due date and the count of reopenings.
          const cal = await tenantCalendar(trx, need.tenantId);
          const clocks = clocksFrom(ctx.now, await slaOf(trx, need.tenantId, need.categoryCode), cal);
          Object.assign(set, {
            dueOn: clocks.dueOn,
            dueAt: clocks.dueAt,
            resolvedAt: null,
            resolvedLate: null,
            escalatedAt: null,
            escalationKind: null,
            escalationReason: null,
            reopenedCount: Number(need.reopenedCount) + 1,
          });
        } else {
          set.confirmedAt = now;
        }
        break;
      case 'close':
        set.closedAt = now;
        break;
      default:
        break;
    }
    if (action !== 'comment') {
      const res = await trx
        .updateTable('needs')
        .set({ ...set, status: outcome.status, updatedAt: now, version: need.version + 1 })
        .where('tenantId', '=', need.tenantId)
        .where('id', '=', id)
        .where('version', '=', need.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('stale-version');
    }
    const text = input.text ?? input.reason ?? null;
    await addEvent(trx, ctx, need.tenantId, id, {
      action: outcome.reopened ? 'reopen' : action,
      fromStatus: need.status,
      toStatus: outcome.status,
      text,
      departmentId,
      satisfaction: input.satisfaction ?? null,
    });
    await announceStep(
      trx,
      { ...need, ...set, status: outcome.status } as NeedRow,
      action,
      outcome.reopened,
      text,
      ctx,
    );
    await recordAudit(trx, ctx, {
      action: `need-${outcome.reopened ? 'reopen' : action}`,
      entityType: 'need',
      entityId: id,
      before: { status: need.status, leadDepartmentId: need.leadDepartmentId, version: need.version },
      after: { status: outcome.status, ...set, text },
    });
  });
  return getNeed(deps.database.db, ctx, id);
}

/** Who hears of a step: the side that must act next. */
async function announceStep(
  trx: Executor,
  need: NeedRow,
  action: NeedAction,
  reopened: boolean,
  text: string | null,
  ctx: RequestContext,
) {
  const me = ctx.actor?.userId ?? null;
  const t = ACTION_TEXT[action];
  const body = text ? { zh: text, en: text } : null;
  const officerSide = [need.officerId, need.createdBy];
  switch (action) {
    case 'accept':
    case 'start':
    case 'return':
      await tellUsers(
        trx,
        need,
        officerSide,
        {
          kind: `need-${action}`,
          title: { zh: `诉求${t.zh}：${need.title}`, en: `Need ${t.en}: ${need.title}` },
          body,
        },
        ctx.now,
        me,
      );
      if (action === 'return' && need.source === 'enterprise') {
        await tellUsers(
          trx,
          need,
          await enterpriseUsers(trx, need.tenantId, need.enterpriseId),
          { kind: 'need-return', title: { zh: `诉求已退回：${need.title}`, en: `Need returned: ${need.title}` }, body },
          ctx.now,
          me,
        );
      }
      break;
    case 'resolve':
      await tellUsers(
        trx,
        need,
        [...(await enterpriseUsers(trx, need.tenantId, need.enterpriseId)), ...officerSide],
        {
          kind: 'need-resolved',
          title: { zh: `诉求已办结，请评价：${need.title}`, en: `Need answered, please rate it: ${need.title}` },
          body,
        },
        ctx.now,
        me,
      );
      break;
    case 'resubmit':
    case 'reassign':
      await announceSubmission(trx, need, ctx.now, me);
      break;
    case 'escalate': {
      const notice: NeedNotice = {
        kind: 'need-escalated',
        title: { zh: `诉求督办：${need.title}`, en: `Need escalated: ${need.title}` },
        body,
      };
      await tellUsers(
        trx,
        need,
        await departmentUsers(trx, need.tenantId, need.leadDepartmentId, true),
        notice,
        ctx.now,
        me,
      );
      await tellDepartmentRobot(trx, need, need.leadDepartmentId, 'need.escalated', notice, ctx.now);
      break;
    }
    case 'confirm':
      if (reopened) {
        const notice: NeedNotice = {
          kind: 'need-reopened',
          title: {
            zh: `企业不满意，诉求重新办理：${need.title}`,
            en: `Company not satisfied, need reopened: ${need.title}`,
          },
          body,
        };
        await tellUsers(
          trx,
          need,
          [...(await departmentUsers(trx, need.tenantId, need.leadDepartmentId)), ...officerSide],
          notice,
          ctx.now,
          me,
        );
        await tellDepartmentRobot(trx, need, need.leadDepartmentId, 'need.reopened', notice, ctx.now);
      } else {
        await tellUsers(
          trx,
          need,
          officerSide,
          {
            kind: 'need-confirmed',
            title: { zh: `企业已确认办结：${need.title}`, en: `Company confirmed the answer: ${need.title}` },
            body,
          },
          ctx.now,
          me,
        );
      }
      break;
    default:
      break;
  }
}

// ---------------------------------------------------------------------------
// Details

export async function updateNeed(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZNeedUpdateInput>,
) {
  const actor = ctx.actor!;
  await deps.database.transaction(async (trx) => {
    const need = await loadNeed(trx, actor, id, 'update');
    const facts = await factsOf(trx, need);
    const relations = needRelations(actor, facts);
    if (
      !relations.some((r) => ['admin', 'officer', 'lead-department', 'department-head'].includes(r)) ||
      need.status === 'closed'
    ) {
      throw new AppError('forbidden', { refused: { entityType: 'need', entityId: id, action: 'update' } });
    }
    if (need.version !== input.version) throw new AppError('stale-version');
    const changes: string[] = [];
    const now = iso(ctx.now);
    if (input.urgency && input.urgency !== need.urgency) changes.push(`urgency: ${need.urgency} → ${input.urgency}`);
    let added: string[] = [];
    let removed: string[] = [];
    if (input.supportingDepartmentIds) {
      const wanted = [...new Set(input.supportingDepartmentIds)].filter((d) => d !== need.leadDepartmentId);
      const known = await departmentIds(trx, need.tenantId, wanted);
      if (wanted.some((d) => !known.has(d))) {
        throw fieldError('supportingDepartmentIds', '未知的协办部门', 'Unknown supporting department', ctx.locale);
      }
      added = wanted.filter((d) => !facts.supportingDepartmentIds.includes(d));
      removed = facts.supportingDepartmentIds.filter((d) => !wanted.includes(d));
      if (removed.length) {
        await trx
          .deleteFrom('needDepartments')
          .where('tenantId', '=', need.tenantId)
          .where('needId', '=', id)
          .where('departmentId', 'in', removed)
          .execute();
      }
      if (added.length) {
        await trx
          .insertInto('needDepartments')
          .values(added.map((departmentId) => ({ tenantId: need.tenantId, needId: id, departmentId })))
          .execute();
      }
    }
    await trx
      .updateTable('needs')
      .set({ urgency: input.urgency ?? need.urgency, updatedAt: now, version: need.version + 1 })
      .where('tenantId', '=', need.tenantId)
      .where('id', '=', id)
      .execute();
    const depts = await departmentsById(trx, need.tenantId);
    const name = (d: string) => depts.get(d)?.nameZh ?? d;
    if (added.length) changes.push(`协办部门 + ${added.map(name).join('、')}`);
    if (removed.length) changes.push(`协办部门 − ${removed.map(name).join('、')}`);
    await addEvent(trx, ctx, need.tenantId, id, {
      action: 'edit',
      fromStatus: need.status,
      toStatus: need.status,
      text: changes.join('；') || null,
    });
    for (const d of added) {
      const notice: NeedNotice = {
        kind: 'need-support',
        title: { zh: `请协办诉求：${need.title}`, en: `Please help with a need: ${need.title}` },
      };
      await tellUsers(trx, need, await departmentUsers(trx, need.tenantId, d), notice, ctx.now, actor.userId);
      await tellDepartmentRobot(trx, need, d, 'need.support', notice, ctx.now);
    }
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'need',
      entityId: id,
      before: { urgency: need.urgency, supportingDepartmentIds: facts.supportingDepartmentIds },
      after: { urgency: input.urgency ?? need.urgency, added, removed },
    });
  });
  return getNeed(deps.database.db, ctx, id);
}
