import { officeDate, ZIncubateeGraduateInput, ZIncubateeInput, ZIncubateeLeaveInput } from '@kaimen/shared';
import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { IncubateesTable } from '../../db/schema/incubatees.js';
import { tenantOf, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { containsText } from '../../lib/like.js';
import { iso } from '../../lib/time.js';
import type { TListIncubateesRequest, ZUpdateIncubateeRequest } from './incubator.schemas.js';
import { insertLease } from './leases.service.js';
import { incubatorPolicy } from './property.policy.js';
import { given, insertRecord, loadRecord, saveRecord } from './property.records.js';

type IncubateeRow = Selectable<IncubateesTable>;

const invalid = (ctx: RequestContext, field: string, zh: string, en: string) =>
  new AppError('validation', { errors: [{ field, message: ctx.locale === 'en' ? en : zh, code: 'invalid' }] });

async function presentIncubatees(db: Executor, rows: IncubateeRow[]) {
  if (!rows.length) return [];
  const tenantId = rows[0]!.tenantId;
  const unitIds = [...new Set(rows.flatMap((r) => [r.unitId, r.graduationUnitId]).filter((u): u is string => !!u))];
  const [units, ents] = await Promise.all([
    unitIds.length
      ? db
          .selectFrom('units')
          .innerJoin('buildings', (j) =>
            j.onRef('buildings.tenantId', '=', 'units.tenantId').onRef('buildings.id', '=', 'units.buildingId'),
          )
          .select(['units.id', 'units.code', 'units.buildingId', 'buildings.name as buildingName'])
          .where('units.tenantId', '=', tenantId)
          .where('units.id', 'in', unitIds)
          .execute()
      : [],
    db
      .selectFrom('enterprises')
      .select(['id', 'name'])
      .where('tenantId', '=', tenantId)
      .where('id', 'in', [...new Set(rows.map((r) => r.enterpriseId))])
      .execute(),
  ]);
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const names = new Map(ents.map((e) => [e.id, e.name]));
  const unit = (id: string | null) => (id ? (unitOf.get(id) ?? null) : null);
  return rows.map((r) => ({
    id: r.id,
    enterprise: { id: r.enterpriseId, name: names.get(r.enterpriseId) ?? '' },
    unit: unit(r.unitId),
    desk: r.desk,
    entryDate: r.entryDate,
    plannedExitDate: r.plannedExitDate,
    mentor: r.mentor,
    status: r.status,
    graduatedOn: r.graduatedOn,
    leftOn: r.leftOn,
    graduationUnit: unit(r.graduationUnitId),
    graduationLeaseId: r.graduationLeaseId,
    leftReason: r.leftReason,
    notes: r.notes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}

export async function findIncubatees(db: Executor, ctx: RequestContext, q: TListIncubateesRequest) {
  let base = db.selectFrom('incubatees').where(incubatorPolicy.where(ctx.actor!, 'list', 'incubatees'));
  if (q.status) base = base.where('incubatees.status', '=', q.status);
  if (q.enterpriseId) base = base.where('incubatees.enterpriseId', '=', q.enterpriseId);
  if (q.unitId) base = base.where('incubatees.unitId', '=', q.unitId);
  const text = q.q;
  if (text) {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('enterprises')
          .select(sql`1`.as('one'))
          .whereRef('enterprises.tenantId', '=', 'incubatees.tenantId')
          .whereRef('enterprises.id', '=', 'incubatees.enterpriseId')
          .where(containsText('enterprises.name', text)),
      ),
    );
  }
  const desc = (q.sort ?? '-entryDate').startsWith('-') ? 'desc' : 'asc';
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll('incubatees')
      .orderBy('incubatees.entryDate', desc)
      .orderBy('incubatees.id', desc)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { items: await presentIncubatees(db, rows), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

export async function getIncubatee(db: Executor, ctx: RequestContext, id: string) {
  const row = await db
    .selectFrom('incubatees')
    .selectAll()
    .where('incubatees.id', '=', id)
    .where(incubatorPolicy.where(ctx.actor!, 'read', 'incubatees'))
    .executeTakeFirst();
  if (!row) throw notFound('incubatee', id);
  return (await presentIncubatees(db, [row]))[0]!;
}

async function assertUnitKnown(
  trx: Executor,
  ctx: RequestContext,
  tenantId: string,
  unitId: string | null | undefined,
) {
  if (!unitId) return;
  const unit = await trx
    .selectFrom('units')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw invalid(ctx, 'unitId', '未知的单元', 'Unknown unit');
}

/** One incubation at a time per company (the partial unique index holds the same line against races). */
async function assertNotIncubating(trx: Executor, tenantId: string, enterpriseId: string) {
  const open = await trx
    .selectFrom('incubatees')
    .select('entryDate')
    .where('tenantId', '=', tenantId)
    .where('enterpriseId', '=', enterpriseId)
    .where('status', '=', 'incubating')
    .executeTakeFirst();
  if (open) {
    throw new AppError('conflict', {
      detail: {
        'zh-CN': `该企业已在孵（${open.entryDate} 入孵）：一家企业同时只能有一条在孵记录。`,
        en: `This company is already incubating (since ${open.entryDate}): a company has one incubation at a time.`,
      },
    });
  }
}

export async function createIncubatee(deps: Deps, ctx: RequestContext, input: z.output<typeof ZIncubateeInput>) {
  const tenantId = tenantOf(ctx.actor!);
  const now = iso(ctx.now);
  const row: IncubateeRow = {
    tenantId,
    id: newId(),
    enterpriseId: input.enterpriseId,
    unitId: input.unitId ?? null,
    desk: input.desk ?? null,
    entryDate: input.entryDate,
    plannedExitDate: input.plannedExitDate ?? null,
    mentor: input.mentor ?? null,
    status: 'incubating',
    graduatedOn: null,
    leftOn: null,
    graduationUnitId: null,
    graduationLeaseId: null,
    leftReason: null,
    notes: input.notes ?? null,
    createdBy: ctx.actor!.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await deps.database.transaction(async (trx) => {
    const ent = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('id', '=', input.enterpriseId)
      .executeTakeFirst();
    if (!ent) throw invalid(ctx, 'enterpriseId', '未知的企业', 'Unknown company');
    await assertUnitKnown(trx, ctx, tenantId, row.unitId);
    await assertNotIncubating(trx, tenantId, row.enterpriseId);
    await insertRecord(trx, ctx, 'incubatees', 'incubatee', row);
  });
  return getIncubatee(deps.database.db, ctx, row.id);
}

/**
 * Loads a record for a status change or an edit: 404 outside the tenant; 409 with a clear text when it is no longer
 * incubating (for graduation and leaving); 409 stale-version when the version sent is not the stored one.
 */
async function loadForChange(
  trx: Executor,
  ctx: RequestContext,
  id: string,
  version: number,
  o: { incubating: boolean; action: string },
) {
  const row = await loadRecord(trx, 'incubatees', tenantOf(ctx.actor!), id);
  if (!row) throw notFound('incubatee', id, o.action);
  if (o.incubating && row.status !== 'incubating') {
    const graduated = row.status === 'graduated';
    throw new AppError('conflict', {
      detail: {
        'zh-CN': `该企业${graduated ? '已毕业' : '已退出孵化'}：只有在孵企业可以办理毕业或退出。`,
        en: `This company has ${graduated ? 'already graduated' : 'already left the incubator'}: only an incubating company can graduate or leave.`,
      },
    });
  }
  if (row.version !== version) throw new AppError('stale-version');
  return row;
}

export async function updateIncubatee(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZUpdateIncubateeRequest>,
) {
  const { version, ...rest } = input;
  await deps.database.transaction(async (trx) => {
    const before = await loadForChange(trx, ctx, id, version, { incubating: false, action: 'update' });
    const entryDate = rest.entryDate ?? before.entryDate;
    const plannedExitDate = rest.plannedExitDate === undefined ? before.plannedExitDate : rest.plannedExitDate;
    if (plannedExitDate && plannedExitDate < entryDate)
      throw invalid(ctx, 'plannedExitDate', '计划出孵日期早于入孵日期', 'Before the entry date');
    await assertUnitKnown(trx, ctx, before.tenantId, rest.unitId);
    await saveRecord(trx, ctx, 'incubatees', 'incubatee', before, given(rest));
  });
  return getIncubatee(deps.database.db, ctx, id);
}

/**
 * Graduation moves the company into a unit of its own: the lease is written by the lease service in this same
 * transaction, so the no-double-lease rule (and its 409) applies, and a refused lease leaves the record incubating.
 */
export async function graduateIncubatee(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZIncubateeGraduateInput>,
) {
  const { version, graduatedOn: on, ...lease } = input;
  await deps.database.transaction(async (trx) => {
    const before = await loadForChange(trx, ctx, id, version, { incubating: true, action: 'graduate' });
    const graduatedOn = on ?? officeDate(ctx.now);
    if (graduatedOn < before.entryDate)
      throw invalid(ctx, 'graduatedOn', '毕业日期早于入孵日期', 'Graduates before it entered');
    const written = await insertLease(trx, deps.database.dialect, ctx, { ...lease, enterpriseId: before.enterpriseId });
    await saveRecord(
      trx,
      ctx,
      'incubatees',
      'incubatee',
      before,
      { status: 'graduated', graduatedOn, graduationUnitId: lease.unitIds[0]!, graduationLeaseId: written.id },
      'graduate',
    );
  });
  return getIncubatee(deps.database.db, ctx, id);
}

export async function leaveIncubatee(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZIncubateeLeaveInput>,
) {
  await deps.database.transaction(async (trx) => {
    const before = await loadForChange(trx, ctx, id, input.version, { incubating: true, action: 'leave' });
    const leftOn = input.leftOn ?? officeDate(ctx.now);
    if (leftOn < before.entryDate) throw invalid(ctx, 'leftOn', '退出日期早于入孵日期', 'Leaves before it entered');
    const patch = { status: 'left', leftOn, leftReason: input.reason };
    await saveRecord(trx, ctx, 'incubatees', 'incubatee', before, patch, 'leave');
  });
  return getIncubatee(deps.database.db, ctx, id);
}
