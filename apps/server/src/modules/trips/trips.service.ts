import { likeContains } from '../../lib/like.js';
import type { Locale, Role } from '@kaimen/shared';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound, type FieldError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { staleOrMissing } from '../../lib/optimistic.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { tripsPolicy } from '../leads/leads.policy.js';
import { loadTripDetail, loadTripSummaries, tripSnapshot, type TripRow } from './trips.repository.js';
import type { TCreateTripRequest, TListTripsRequest, TUpdateTripRequest } from './trips.schemas.js';

export type TripAction = (typeof tripsPolicy.actions)[number];

export async function loadTrip(db: Executor, actor: Actor, id: string, action: TripAction): Promise<TripRow> {
  const row = await db
    .selectFrom('trips')
    .selectAll()
    .where('id', '=', id)
    .where(tripsPolicy.where(actor, action))
    .executeTakeFirst();
  if (!row) throw notFound('trip', id, action);
  return row;
}

/** A 400 with one field error per problem, in the user's language. */
export const invalid = (locale: Locale, errors: { field: string; code: string; zh: string; en: string }[]) =>
  new AppError('validation', {
    errors: errors.map((e): FieldError => ({ field: e.field, code: e.code, message: locale === 'en' ? e.en : e.zh })),
  });

/** The trip's dates in order, and every meeting inside them. */
export async function checkTripDates(
  db: Executor,
  ctx: RequestContext,
  dates: { startsOn: string; endsOn: string },
  tripId?: string,
) {
  if (dates.endsOn < dates.startsOn) {
    throw invalid(ctx.locale, [
      {
        field: 'endsOn',
        code: 'date-order',
        zh: '结束日期不能早于开始日期',
        en: 'The end date is before the start date',
      },
    ]);
  }
  if (!tripId) return;
  const outside = await db
    .selectFrom('tripMeetings')
    .select('metOn')
    .where('tenantId', '=', tenantOf(ctx.actor!))
    .where('tripId', '=', tripId)
    .where((eb) => eb.or([eb('metOn', '<', dates.startsOn), eb('metOn', '>', dates.endsOn)]))
    .orderBy('metOn')
    .executeTakeFirst();
  if (outside) {
    const zh = `${outside.metOn} 的会见不在考察日期内，请先修改或删除该会见`;
    const en = `A meeting on ${outside.metOn} would fall outside the trip's dates: change or delete it first`;
    throw invalid(ctx.locale, [
      { field: dates.startsOn > outside.metOn ? 'startsOn' : 'endsOn', code: 'date-range', zh, en },
    ]);
  }
}

const READS_TRIPS = (role: Role) => !!tripsPolicy.rules.read[role];

/**
 * Members are users of the tenant whose role may open trips; a newly added one must also be active (one who was
 * disabled since may stay on a trip they went on).
 */
async function checkMembers(db: Executor, ctx: RequestContext, ids: string[], current: string[] = []) {
  if (ids.length === 0) return;
  const users = await db
    .selectFrom('users')
    .select(['id', 'role', 'disabled'])
    .where('tenantId', '=', tenantOf(ctx.actor!))
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(users.map((u) => [u.id, u]));
  const bad = ids.filter((id) => {
    const u = byId.get(id);
    return !u || !READS_TRIPS(u.role as Role) || (!!u.disabled && !current.includes(id));
  });
  if (bad.length) {
    throw invalid(ctx.locale, [
      {
        field: 'memberIds',
        code: 'unknown',
        zh: '成员须为本单位在职的管理员、领导或招商专员',
        en: 'Members must be active admins, leaders or investment officers of this office',
      },
    ]);
  }
}

async function writeMembers(db: Executor, tenantId: string, tripId: string, ids: string[]) {
  await db.deleteFrom('tripMembers').where('tenantId', '=', tenantId).where('tripId', '=', tripId).execute();
  if (ids.length) {
    await db
      .insertInto('tripMembers')
      .values(ids.map((userId) => ({ tenantId, tripId, userId })))
      .execute();
  }
}

const SORTS = { startsOn: 'startsOn', title: 'title', updatedAt: 'updatedAt' } as const;

export async function findTrips(db: Executor, actor: Actor, q: TListTripsRequest) {
  const tenantId = tenantOf(actor);
  const query = db.selectFrom('trips').where((eb) => {
    const conds: Expression<SqlBool>[] = [tripsPolicy.where(actor, 'list', 'trips')(eb)];
    if (q.q) {
      const like = likeContains(q.q.toLowerCase());
      conds.push(
        eb.or([
          sql<SqlBool>`lower(trips.title) like ${like} escape '\\'`,
          sql<SqlBool>`lower(trips.destination) like ${like} escape '\\'`,
        ]),
      );
    }
    if (q.from) conds.push(eb('trips.endsOn', '>=', q.from));
    if (q.to) conds.push(eb('trips.startsOn', '<=', q.to));
    if (q.member) {
      conds.push(
        eb.exists(
          eb
            .selectFrom('tripMembers as m')
            .select('m.userId')
            .where('m.tenantId', '=', tenantId)
            .whereRef('m.tripId', '=', 'trips.id')
            .where('m.userId', '=', q.member),
        ),
      );
    }
    return eb.and(conds);
  });
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const sort = q.sort ?? '-startsOn';
  const desc = sort.startsWith('-');
  const rows = await query
    .selectAll()
    .orderBy(SORTS[sort.replace('-', '') as keyof typeof SORTS], desc ? 'desc' : 'asc')
    .orderBy('id', desc ? 'desc' : 'asc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: await loadTripSummaries(db, tenantId, rows),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getTrip(db: Executor, actor: Actor, id: string) {
  return loadTripDetail(db, await loadTrip(db, actor, id, 'read'));
}

/** Who can go on a trip: the tenant's active admins, leaders and investment officers (GET /api/users is admins'). */
export async function findMemberOptions(db: Executor, actor: Actor) {
  const roles = (Object.keys(tripsPolicy.rules.read) as Role[]).filter(READS_TRIPS);
  const items = await db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('tenantId', '=', tenantOf(actor))
    .where('disabled', '=', 0)
    .where('role', 'in', roles)
    .orderBy('displayName')
    .orderBy('id')
    .execute();
  return { items };
}

const loadOwn = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('trips').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirstOrThrow();

export async function createTrip(deps: Deps, ctx: RequestContext, input: TCreateTripRequest) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  return deps.database.transaction(async (trx) => {
    await checkTripDates(trx, ctx, input);
    const memberIds = input.memberIds ?? [actor.userId];
    await checkMembers(trx, ctx, memberIds);
    const now = iso(ctx.now);
    const id = newId();
    await trx
      .insertInto('trips')
      .values({
        tenantId,
        id,
        title: input.title,
        destination: input.destination,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        purpose: input.purpose ?? null,
        notes: input.notes ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await writeMembers(trx, tenantId, id, memberIds);
    const row = await loadOwn(trx, tenantId, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'trip',
      entityId: id,
      after: await tripSnapshot(trx, row),
    });
    return loadTripDetail(trx, row);
  });
}

export async function updateTrip(deps: Deps, ctx: RequestContext, id: string, input: TUpdateTripRequest) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const { version, memberIds, ...changes } = input;
  return deps.database.transaction(async (trx) => {
    const beforeRow = await loadTrip(trx, actor, id, 'update');
    const before = await tripSnapshot(trx, beforeRow);
    await checkTripDates(
      trx,
      ctx,
      { startsOn: changes.startsOn ?? beforeRow.startsOn, endsOn: changes.endsOn ?? beforeRow.endsOn },
      id,
    );
    if (memberIds) await checkMembers(trx, ctx, memberIds, before.memberIds);
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const res = await trx
      .updateTable('trips')
      .set((eb) => ({ ...set, updatedAt: iso(ctx.now), version: eb('version', '+', 1) }))
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw staleOrMissing(true, 'trip', id);
    if (memberIds) await writeMembers(trx, tenantId, id, memberIds);
    const row = await loadOwn(trx, tenantId, id);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'trip',
      entityId: id,
      before,
      after: await tripSnapshot(trx, row),
    });
    return loadTripDetail(trx, row);
  });
}

/** A lead keeps the trip it came from: a trip that produced leads stays (409), with its meetings and members. */
export async function deleteTrip(deps: Deps, ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  await deps.database.transaction(async (trx) => {
    const row = await loadTrip(trx, actor, id, 'delete');
    const leads = await trx
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenantId', '=', row.tenantId)
      .where('tripId', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(leads.n) > 0) {
      throw new AppError('conflict', {
        refused: { entityType: 'trip', entityId: id, action: 'delete' },
        detail: {
          'zh-CN': `该考察已产生 ${Number(leads.n)} 条线索，不能删除。`,
          en: `This trip produced ${Number(leads.n)} lead(s): it cannot be deleted.`,
        },
      });
    }
    const before = await tripSnapshot(trx, row);
    await trx.deleteFrom('trips').where('tenantId', '=', row.tenantId).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'trip', entityId: id, before });
  });
}
