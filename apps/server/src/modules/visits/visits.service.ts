import { checkSurveyAnswers, ZVisitInput, type TSurveyQuestion } from '@kaimen/shared';
import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { SurveyTemplatesTable, VisitsTable } from '../../db/schema/needs.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { parseJson } from '../../lib/json.js';
import { containsText } from '../../lib/like.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findNeeds, insertNeed } from '../needs/needs.service.js';
import { visibleVisits } from './visits.policy.js';
import type { TListVisitsRequest, ZUpdateVisitRequest } from './visits.schemas.js';

type VisitRow = Selectable<VisitsTable>;
type TemplateRow = Selectable<SurveyTemplatesTable>;

const invalid = (field: string, zh: string, en: string, ctx: RequestContext) =>
  new AppError('validation', { errors: [{ field, message: ctx.locale === 'en' ? en : zh, code: 'invalid' }] });

export function presentTemplate(t: TemplateRow) {
  return {
    id: t.id,
    name: t.name,
    questions: parseJson<TSurveyQuestion[]>(t.questions, []),
    active: !!t.active,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    version: t.version,
  };
}

async function checkUsers(db: Executor, tenantId: string, ids: readonly string[], ctx: RequestContext) {
  if (!ids.length) return;
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('id', 'in', [...ids])
    .where('disabled', '=', 0)
    .execute();
  if (rows.length !== ids.length)
    throw invalid('visitorIds', '走访人员须为本单位的用户', 'Visitors must be users of this office', ctx);
}

async function checkDepartments(db: Executor, tenantId: string, ids: readonly string[], ctx: RequestContext) {
  if (!ids.length) return;
  const rows = await db
    .selectFrom('departments')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
  if (rows.length !== ids.length) throw invalid('departmentIds', '未知的部门', 'Unknown department', ctx);
}

async function checkSurvey(
  db: Executor,
  tenantId: string,
  templateId: string | null | undefined,
  answers: Record<string, unknown> | null | undefined,
  ctx: RequestContext,
) {
  if (!templateId) {
    if (answers && Object.keys(answers).length) throw invalid('surveyAnswers', '未选择问卷', 'No survey chosen', ctx);
    return;
  }
  const t = await db
    .selectFrom('surveyTemplates')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .where('id', '=', templateId)
    .executeTakeFirst();
  if (!t) throw invalid('surveyTemplateId', '未知的问卷', 'Unknown survey', ctx);
  const problems = checkSurveyAnswers(parseJson<TSurveyQuestion[]>(t.questions, []), answers ?? {});
  if (problems.length) {
    throw new AppError('validation', {
      errors: problems.map((p) => ({
        field: `surveyAnswers.${p.questionId}`,
        message: ctx.locale === 'en' ? p.message.en : p.message.zh,
        code: 'invalid',
      })),
    });
  }
}

/** An officer records visits to their assigned companies; an admin to any. */
async function assertMayVisit(db: Executor, actor: Actor, enterpriseId: string) {
  const e = await db
    .selectFrom('enterprises')
    .select(['id', 'assignedOfficerId'])
    .where('tenantId', '=', tenantOf(actor))
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  if (!e || (actor.role !== 'admin' && e.assignedOfficerId !== actor.userId)) {
    throw notFound('enterprise', enterpriseId, 'visit');
  }
}

/** A visit and the needs raised in it, in one transaction: all of it is recorded, or none. */
export async function createVisit(deps: Deps, ctx: RequestContext, input: z.output<typeof ZVisitInput>) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const id = newId();
  await deps.database.transaction(async (trx) => {
    await assertMayVisit(trx, actor, input.enterpriseId);
    const visitors = [...new Set([actor.userId, ...(input.visitorIds ?? [])])];
    const departments = [...new Set(input.departmentIds ?? [])];
    await checkUsers(trx, tenantId, visitors, ctx);
    await checkDepartments(trx, tenantId, departments, ctx);
    await checkSurvey(trx, tenantId, input.surveyTemplateId, input.surveyAnswers, ctx);
    const now = iso(ctx.now);
    const row: VisitRow = {
      tenantId,
      id,
      enterpriseId: input.enterpriseId,
      visitedOn: input.visitedOn,
      kind: input.kind,
      notes: input.notes ?? null,
      surveyTemplateId: input.surveyTemplateId ?? null,
      surveyAnswers: input.surveyAnswers ? JSON.stringify(input.surveyAnswers) : null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await trx.insertInto('visits').values(row).execute();
    await trx
      .insertInto('visitVisitors')
      .values(visitors.map((userId) => ({ tenantId, visitId: id, userId })))
      .execute();
    if (departments.length) {
      await trx
        .insertInto('visitDepartments')
        .values(departments.map((departmentId) => ({ tenantId, visitId: id, departmentId })))
        .execute();
    }
    const needIds: string[] = [];
    for (const [i, need] of (input.needs ?? []).entries()) {
      try {
        needIds.push(
          await insertNeed(
            trx,
            ctx,
            tenantId,
            { ...need, enterpriseId: input.enterpriseId },
            { source: 'visit', visitId: id },
          ),
        );
      } catch (err) {
        // The form shows the need's fields under needs[i].
        if (err instanceof AppError && err.code === 'validation' && err.options.errors) {
          throw new AppError('validation', {
            errors: err.options.errors.map((e) => ({ ...e, field: `needs.${i}.${e.field}` })),
          });
        }
        throw err;
      }
    }
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'visit',
      entityId: id,
      after: { ...row, visitors, departments, needIds },
    });
  });
  return getVisit(deps.database.db, ctx, id);
}

async function loadVisit(db: Executor, actor: Actor, id: string, action = 'read'): Promise<VisitRow> {
  const row = await db
    .selectFrom('visits')
    .selectAll('visits')
    .where('visits.id', '=', id)
    .where(visibleVisits(actor))
    .executeTakeFirst();
  if (!row) throw notFound('visit', id, action);
  return row;
}

async function visitSummaries(db: Executor, tenantId: string, rows: VisitRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [visitors, depts, ents, counts] = await Promise.all([
    db
      .selectFrom('visitVisitors')
      .innerJoin('users', 'users.id', 'visitVisitors.userId')
      .select(['visitVisitors.visitId', 'users.id', 'users.displayName'])
      .where('visitVisitors.tenantId', '=', tenantId)
      .where('visitVisitors.visitId', 'in', ids)
      .execute(),
    db
      .selectFrom('visitDepartments')
      .innerJoin('departments', (j) =>
        j
          .onRef('departments.tenantId', '=', 'visitDepartments.tenantId')
          .onRef('departments.id', '=', 'visitDepartments.departmentId'),
      )
      .select(['visitDepartments.visitId', 'departments.id', 'departments.nameZh', 'departments.nameEn'])
      .where('visitDepartments.tenantId', '=', tenantId)
      .where('visitDepartments.visitId', 'in', ids)
      .execute(),
    db
      .selectFrom('enterprises')
      .select(['id', 'name'])
      .where('tenantId', '=', tenantId)
      .where('id', 'in', [...new Set(rows.map((r) => r.enterpriseId))])
      .execute(),
    db
      .selectFrom('needs')
      .select(['visitId', sql<number>`count(*)`.as('n')])
      .where('tenantId', '=', tenantId)
      .where('visitId', 'in', ids)
      .groupBy('visitId')
      .execute(),
  ]);
  const entName = new Map(ents.map((e) => [e.id, e.name]));
  const needCount = new Map(counts.map((c) => [c.visitId, Number(c.n)]));
  const names = new Map(visitors.map((v) => [v.id, v.displayName]));
  return rows.map((r) => ({
    id: r.id,
    enterprise: { id: r.enterpriseId, name: entName.get(r.enterpriseId) ?? '' },
    visitedOn: r.visitedOn,
    kind: r.kind,
    visitors: visitors.filter((v) => v.visitId === r.id).map((v) => ({ id: v.id, name: v.displayName })),
    departments: depts.filter((d) => d.visitId === r.id).map((d) => ({ id: d.id, nameZh: d.nameZh, nameEn: d.nameEn })),
    notes: r.notes,
    needCount: needCount.get(r.id) ?? 0,
    createdBy: { id: r.createdBy, name: names.get(r.createdBy) ?? '' },
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}

export async function findVisits(db: Executor, actor: Actor, q: TListVisitsRequest) {
  const tenantId = tenantOf(actor);
  let base = db.selectFrom('visits').where(visibleVisits(actor));
  if (q.enterpriseId) base = base.where('visits.enterpriseId', '=', q.enterpriseId);
  if (q.kind) base = base.where('visits.kind', '=', q.kind);
  if (q.from) base = base.where('visits.visitedOn', '>=', q.from);
  if (q.to) base = base.where('visits.visitedOn', '<=', q.to);
  if (q.userId) {
    const u = q.userId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('visitVisitors')
          .select(sql`1`.as('one'))
          .whereRef('visitVisitors.tenantId', '=', 'visits.tenantId')
          .whereRef('visitVisitors.visitId', '=', 'visits.id')
          .where('visitVisitors.userId', '=', u),
      ),
    );
  }
  if (q.q) {
    const text = q.q;
    base = base.where((eb) =>
      eb.or([
        containsText('visits.notes', text),
        eb(
          'visits.enterpriseId',
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
  const desc = (q.sort ?? '-visitedOn').startsWith('-');
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll('visits')
      .orderBy('visits.visitedOn', desc ? 'desc' : 'asc')
      .orderBy('visits.id', desc ? 'desc' : 'asc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return {
    items: await visitSummaries(db, tenantId, rows),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getVisit(db: Executor, ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  const visit = await loadVisit(db, actor, id);
  const [summary] = await visitSummaries(db, visit.tenantId, [visit]);
  const template = visit.surveyTemplateId
    ? await db
        .selectFrom('surveyTemplates')
        .selectAll()
        .where('tenantId', '=', visit.tenantId)
        .where('id', '=', visit.surveyTemplateId)
        .executeTakeFirst()
    : undefined;
  const needs = await findNeeds(db, ctx, { visitId: id, page: 1, pageSize: 200, sort: 'reference' });
  return {
    ...summary!,
    surveyTemplate: template ? presentTemplate(template) : null,
    surveyAnswers: parseJson<Record<string, unknown> | null>(visit.surveyAnswers, null),
    needs: needs.items,
  };
}

export async function updateVisit(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZUpdateVisitRequest>,
) {
  const actor = ctx.actor!;
  await deps.database.transaction(async (trx) => {
    const visit = await loadVisit(trx, actor, id, 'update');
    if (actor.role !== 'admin' && visit.createdBy !== actor.userId) {
      // Only who recorded it (or an admin) rewrites a visit's notes.
      throw new AppError('forbidden', { refused: { entityType: 'visit', entityId: id, action: 'update' } });
    }
    if (visit.version !== input.version) throw new AppError('stale-version');
    if (input.visitorIds) await checkUsers(trx, visit.tenantId, input.visitorIds, ctx);
    if (input.departmentIds) await checkDepartments(trx, visit.tenantId, input.departmentIds, ctx);
    if (input.surveyAnswers !== undefined)
      await checkSurvey(trx, visit.tenantId, visit.surveyTemplateId, input.surveyAnswers, ctx);
    const set = {
      visitedOn: input.visitedOn ?? visit.visitedOn,
      notes: input.notes === undefined ? visit.notes : input.notes?.trim() || null,
      surveyAnswers:
        input.surveyAnswers === undefined
          ? visit.surveyAnswers
          : input.surveyAnswers
            ? JSON.stringify(input.surveyAnswers)
            : null,
      updatedAt: iso(ctx.now),
      version: visit.version + 1,
    };
    await trx.updateTable('visits').set(set).where('tenantId', '=', visit.tenantId).where('id', '=', id).execute();
    if (input.visitorIds) {
      const visitors = [...new Set([visit.createdBy, ...input.visitorIds])];
      await trx.deleteFrom('visitVisitors').where('tenantId', '=', visit.tenantId).where('visitId', '=', id).execute();
      await trx
        .insertInto('visitVisitors')
        .values(visitors.map((userId) => ({ tenantId: visit.tenantId, visitId: id, userId })))
        .execute();
    }
    if (input.departmentIds) {
      await trx
        .deleteFrom('visitDepartments')
        .where('tenantId', '=', visit.tenantId)
        .where('visitId', '=', id)
        .execute();
      const departments = [...new Set(input.departmentIds)];
      if (departments.length) {
        await trx
          .insertInto('visitDepartments')
          .values(departments.map((departmentId) => ({ tenantId: visit.tenantId, visitId: id, departmentId })))
          .execute();
      }
    }
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'visit',
      entityId: id,
      before: visit,
      after: { ...set, visitorIds: input.visitorIds, departmentIds: input.departmentIds },
    });
  });
  return getVisit(deps.database.db, ctx, id);
}

/** Only a visit that raised no needs can go (a need's origin stays on record). */
export async function deleteVisit(deps: Deps, ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  await deps.database.transaction(async (trx) => {
    const visit = await loadVisit(trx, actor, id, 'delete');
    const need = await trx
      .selectFrom('needs')
      .select('id')
      .where('tenantId', '=', visit.tenantId)
      .where('visitId', '=', id)
      .executeTakeFirst();
    if (need) {
      throw new AppError('conflict', {
        detail: { 'zh-CN': '该走访已提出诉求，不能删除。', en: 'This visit raised needs and cannot be deleted.' },
      });
    }
    await trx.deleteFrom('visits').where('tenantId', '=', visit.tenantId).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'visit', entityId: id, before: visit });
  });
}

// ---------------------------------------------------------------------------
// Survey templates

export async function listSurveyTemplates(db: Executor, actor: Actor) {
  const rows = await db
    .selectFrom('surveyTemplates')
    .selectAll()
    .where('tenantId', '=', tenantOf(actor))
    .orderBy('name')
    .execute();
  return { items: rows.map(presentTemplate) };
}

type TemplateInput = { name: string; questions: TSurveyQuestion[]; active?: boolean | undefined };

export async function createSurveyTemplate(deps: Deps, ctx: RequestContext, input: TemplateInput) {
  const tenantId = tenantOf(ctx.actor!);
  const now = iso(ctx.now);
  const row: TemplateRow = {
    tenantId,
    id: newId(),
    name: input.name,
    questions: JSON.stringify(input.questions),
    active: input.active === false ? 0 : 1,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await deps.database.transaction(async (trx) => {
    await trx.insertInto('surveyTemplates').values(row).execute();
    await recordAudit(trx, ctx, { action: 'create', entityType: 'survey-template', entityId: row.id, after: row });
  });
  return presentTemplate(row);
}

export async function updateSurveyTemplate(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: TemplateInput & { version: number },
) {
  const tenantId = tenantOf(ctx.actor!);
  return deps.database.transaction(async (trx) => {
    const before = await trx
      .selectFrom('surveyTemplates')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('survey-template', id, 'update');
    if (before.version !== input.version) throw new AppError('stale-version');
    const after: TemplateRow = {
      ...before,
      name: input.name,
      questions: JSON.stringify(input.questions),
      active: input.active === false ? 0 : 1,
      updatedAt: iso(ctx.now),
      version: before.version + 1,
    };
    await trx.updateTable('surveyTemplates').set(after).where('tenantId', '=', tenantId).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'update', entityType: 'survey-template', entityId: id, before, after });
    return presentTemplate(after);
  });
}
