import { leaseStatus, officeDate, ZLeaseInput, ZLeaseTerminateInput } from '@kaimen/shared';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { Dialect, Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';
import type { LeasesTable } from '../../db/schema/property.js';
import { tenantOf, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { containsText } from '../../lib/like.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { lastLeaseDay, leaseUnitsWithLeases } from './inventory.service.js';
import { leasesPolicy } from './property.policy.js';
import { given, loadForUpdate, saveRecord } from './property.records.js';
import type { TListLeasesRequest, ZUpdateLeaseRequest } from './property.schemas.js';

type LeaseRow = Selectable<LeasesTable>;

const invalid = (ctx: RequestContext, field: string, zh: string, en: string) =>
  new AppError('validation', { errors: [{ field, message: ctx.locale === 'en' ? en : zh, code: 'invalid' }] });

/**
 * No unit is leased twice for overlapping dates (both ends inclusive). Runs inside the write transaction: the unit
 * rows are locked first (PostgreSQL `for update`; an SQLite transaction holds the write lock from its start), so of two
 * racing leases the second sees the first once it commits, and is refused.
 */
async function assertUnitsFree(
  trx: Executor,
  dialect: Dialect,
  ctx: RequestContext,
  tenantId: string,
  o: { unitIds: string[]; startsOn: string; endsOn: string; exceptLeaseId?: string },
) {
  let units = trx
    .selectFrom('units')
    .select(['id', 'code'])
    .where('tenantId', '=', tenantId)
    .where('id', 'in', o.unitIds)
    .orderBy('id');
  if (dialect === 'postgres') units = units.forUpdate();
  if ((await units.execute()).length !== o.unitIds.length) throw invalid(ctx, 'unitIds', '未知的单元', 'Unknown unit');
  let clash = leaseUnitsWithLeases(trx)
    .innerJoin('units', (j) =>
      j.onRef('units.tenantId', '=', 'leaseUnits.tenantId').onRef('units.id', '=', 'leaseUnits.unitId'),
    )
    .select(['units.id as unitId', 'units.code', 'leases.id', 'leases.startsOn', lastLeaseDay.as('lastLeaseDay')])
    .where('leaseUnits.tenantId', '=', tenantId)
    .where('leaseUnits.unitId', 'in', o.unitIds)
    .where('leases.startsOn', '<=', o.endsOn)
    .where(lastLeaseDay, '>=', o.startsOn);
  if (o.exceptLeaseId) clash = clash.where('leases.id', '!=', o.exceptLeaseId);
  const c = await clash.orderBy('units.code').orderBy('leases.startsOn').executeTakeFirst();
  if (c) {
    throw new AppError('conflict', {
      detail: {
        'zh-CN': `单元 ${c.code} 在 ${c.startsOn} 至 ${c.lastLeaseDay} 已出租，与 ${o.startsOn} 至 ${o.endsOn} 重叠。`,
        en: `Unit ${c.code} is leased from ${c.startsOn} to ${c.lastLeaseDay}, which overlaps ${o.startsOn} to ${o.endsOn}.`,
      },
      extra: { unitId: c.unitId, leaseId: c.id },
    });
  }
}

/** The units of some leases, by lease: one query for a page of leases. */
export async function unitsOfLeases(db: Executor, tenantId: string, leaseIds: string[]) {
  if (!leaseIds.length) return new Map<string, LeaseUnit[]>();
  const rows = await db
    .selectFrom('leaseUnits')
    .innerJoin('units', (j) =>
      j.onRef('units.tenantId', '=', 'leaseUnits.tenantId').onRef('units.id', '=', 'leaseUnits.unitId'),
    )
    .innerJoin('buildings', (j) =>
      j.onRef('buildings.tenantId', '=', 'units.tenantId').onRef('buildings.id', '=', 'units.buildingId'),
    )
    .select([
      'leaseUnits.leaseId',
      'units.id',
      'units.code',
      'units.area',
      'units.buildingId',
      'buildings.name as buildingName',
    ])
    .where('leaseUnits.tenantId', '=', tenantId)
    .where('leaseUnits.leaseId', 'in', leaseIds)
    .orderBy('units.code')
    .execute();
  const byLease = new Map<string, LeaseUnit[]>();
  for (const { leaseId, ...unit } of rows) byLease.set(leaseId, [...(byLease.get(leaseId) ?? []), unit]);
  return byLease;
}
type LeaseUnit = { id: string; code: string; area: number; buildingId: string; buildingName: string };

async function presentLeases(db: Executor, ctx: RequestContext, rows: LeaseRow[]) {
  if (!rows.length) return [];
  const tenantId = rows[0]!.tenantId;
  const [units, ents] = await Promise.all([
    unitsOfLeases(
      db,
      tenantId,
      rows.map((r) => r.id),
    ),
    db
      .selectFrom('enterprises')
      .select(['id', 'name'])
      .where('tenantId', '=', tenantId)
      .where('id', 'in', [...new Set(rows.map((r) => r.enterpriseId))])
      .execute(),
  ]);
  const names = new Map(ents.map((e) => [e.id, e.name]));
  const today = officeDate(ctx.now);
  return rows.map((r) => ({
    id: r.id,
    enterprise: { id: r.enterpriseId, name: names.get(r.enterpriseId) ?? '' },
    units: units.get(r.id) ?? [],
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    terminatedOn: r.terminatedOn,
    status: leaseStatus(r, today),
    monthlyRent: r.monthlyRent,
    deposit: r.deposit,
    rentFreeMonths: r.rentFreeMonths,
    escalationPercent: r.escalationPercent,
    notes: r.notes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}

/** The date conditions of each status on `today` (the SQL twin of `leaseStatus`). */
function statusIs(status: string, today: string) {
  return (eb: ExpressionBuilder<DB, 'leases'>) => {
    if (status === 'terminated')
      return eb.and([eb('leases.terminatedOn', 'is not', null), eb('leases.terminatedOn', '<', today)]);
    const live = eb.or([eb('leases.terminatedOn', 'is', null), eb('leases.terminatedOn', '>=', today)]);
    if (status === 'upcoming') return eb.and([live, eb('leases.startsOn', '>', today)]);
    const started = eb('leases.startsOn', '<=', today);
    if (status === 'expired') return eb.and([live, started, eb('leases.endsOn', '<', today)]);
    return eb.and([live, started, eb('leases.endsOn', '>=', today)]);
  };
}

export async function findLeases(db: Executor, ctx: RequestContext, q: TListLeasesRequest) {
  let base = db.selectFrom('leases').where(leasesPolicy.where(ctx.actor!, 'list', 'leases'));
  if (q.enterpriseId) base = base.where('leases.enterpriseId', '=', q.enterpriseId);
  if (q.status) base = base.where(statusIs(q.status, officeDate(ctx.now)));
  if (q.q) {
    // The search box: part of the company's name or of a unit's code.
    const text = q.q;
    base = base.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('enterprises')
            .select(sql`1`.as('one'))
            .whereRef('enterprises.tenantId', '=', 'leases.tenantId')
            .whereRef('enterprises.id', '=', 'leases.enterpriseId')
            .where(containsText('enterprises.name', text)),
        ),
        eb.exists(
          eb
            .selectFrom('leaseUnits')
            .innerJoin('units', (j) =>
              j.onRef('units.tenantId', '=', 'leaseUnits.tenantId').onRef('units.id', '=', 'leaseUnits.unitId'),
            )
            .select(sql`1`.as('one'))
            .whereRef('leaseUnits.tenantId', '=', 'leases.tenantId')
            .whereRef('leaseUnits.leaseId', '=', 'leases.id')
            .where(containsText('units.code', text)),
        ),
      ]),
    );
  }
  if (q.unitId) {
    const unitId = q.unitId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('leaseUnits')
          .select(sql`1`.as('one'))
          .whereRef('leaseUnits.tenantId', '=', 'leases.tenantId')
          .whereRef('leaseUnits.leaseId', '=', 'leases.id')
          .where('leaseUnits.unitId', '=', unitId),
      ),
    );
  }
  const sort = q.sort ?? '-startsOn';
  const desc = sort.startsWith('-');
  const col = sort.replace('-', '') === 'endsOn' ? 'leases.endsOn' : 'leases.startsOn';
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll('leases')
      .orderBy(col, desc ? 'desc' : 'asc')
      .orderBy('leases.id', desc ? 'desc' : 'asc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { items: await presentLeases(db, ctx, rows), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

export async function getLease(db: Executor, ctx: RequestContext, id: string) {
  const row = await db
    .selectFrom('leases')
    .selectAll()
    .where('leases.id', '=', id)
    .where(leasesPolicy.where(ctx.actor!, 'read', 'leases'))
    .executeTakeFirst();
  if (!row) throw notFound('lease', id);
  return (await presentLeases(db, ctx, [row]))[0]!;
}

export async function createLease(deps: Deps, ctx: RequestContext, input: z.output<typeof ZLeaseInput>) {
  const row = await deps.database.transaction((trx) => insertLease(trx, deps.database.dialect, ctx, input));
  return getLease(deps.database.db, ctx, row.id);
}

/**
 * Writes a lease inside the caller's transaction, with the no-double-lease check and the audit event: for writes that
 * lease units as a part of something larger (an incubatee's graduation), all of which lands or none.
 */
export async function insertLease(
  trx: Executor,
  dialect: Dialect,
  ctx: RequestContext,
  input: z.output<typeof ZLeaseInput>,
): Promise<LeaseRow> {
  const tenantId = tenantOf(ctx.actor!);
  const unitIds = [...new Set(input.unitIds)];
  const now = iso(ctx.now);
  const row: LeaseRow = {
    tenantId,
    id: newId(),
    enterpriseId: input.enterpriseId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    monthlyRent: input.monthlyRent,
    deposit: input.deposit ?? 0,
    rentFreeMonths: input.rentFreeMonths ?? 0,
    escalationPercent: input.escalationPercent ?? 0,
    notes: input.notes ?? null,
    terminatedOn: null,
    createdBy: ctx.actor!.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const ent = await trx
    .selectFrom('enterprises')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('id', '=', input.enterpriseId)
    .executeTakeFirst();
  if (!ent) throw invalid(ctx, 'enterpriseId', '未知的企业', 'Unknown company');
  await assertUnitsFree(trx, dialect, ctx, tenantId, { ...input, unitIds });
  await trx.insertInto('leases').values(row).execute();
  await trx
    .insertInto('leaseUnits')
    .values(unitIds.map((unitId) => ({ tenantId, leaseId: row.id, unitId })))
    .execute();
  await recordAudit(trx, ctx, {
    action: 'create',
    entityType: 'lease',
    entityId: row.id,
    after: { ...row, unitIds },
  });
  return row;
}

const terminatedAlready = () =>
  new AppError('conflict', {
    detail: { 'zh-CN': '该租约已终止，不能再修改。', en: 'This lease has been terminated and cannot be changed.' },
  });

export async function updateLease(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZUpdateLeaseRequest>,
) {
  const tenantId = tenantOf(ctx.actor!);
  const { version, unitIds: newUnits, ...rest } = input;
  await deps.database.transaction(async (trx) => {
    const before = await loadForUpdate(trx, 'leases', 'lease', tenantId, id, version);
    if (before.terminatedOn) throw terminatedAlready();
    const startsOn = rest.startsOn ?? before.startsOn;
    const endsOn = rest.endsOn ?? before.endsOn;
    if (endsOn < startsOn) throw invalid(ctx, 'endsOn', '结束日期早于开始日期', 'Ends before it starts');
    const current = await trx
      .selectFrom('leaseUnits')
      .select('unitId')
      .where('tenantId', '=', tenantId)
      .where('leaseId', '=', id)
      .execute();
    const unitIds = newUnits ? [...new Set(newUnits)] : current.map((u) => u.unitId);
    await assertUnitsFree(trx, deps.database.dialect, ctx, tenantId, { unitIds, startsOn, endsOn, exceptLeaseId: id });
    if (newUnits) {
      await trx.deleteFrom('leaseUnits').where('tenantId', '=', tenantId).where('leaseId', '=', id).execute();
      await trx
        .insertInto('leaseUnits')
        .values(unitIds.map((unitId) => ({ tenantId, leaseId: id, unitId })))
        .execute();
    }
    await saveRecord(trx, ctx, 'leases', 'lease', before, given(rest));
  });
  return getLease(deps.database.db, ctx, id);
}

/** Ends a lease early: it covers its units up to and including `terminatedOn`, and the units are free after. */
export async function terminateLease(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZLeaseTerminateInput>,
) {
  await deps.database.transaction(async (trx) => {
    const before = await loadForUpdate(trx, 'leases', 'lease', tenantOf(ctx.actor!), id, input.version);
    if (before.terminatedOn) throw terminatedAlready();
    if (input.terminatedOn > before.endsOn)
      throw invalid(ctx, 'terminatedOn', '终止日期晚于租约结束日期', 'Terminated after the lease ends');
    const patch = given({ terminatedOn: input.terminatedOn, notes: input.notes });
    await saveRecord(trx, ctx, 'leases', 'lease', before, patch, 'terminate');
  });
  return getLease(deps.database.db, ctx, id);
}
