import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { tenantOf, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { staleOrMissing } from '../../lib/optimistic.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadTripDetail, presentMeeting, type TripRow } from './trips.repository.js';
import type { TCreateTripMeetingRequest, TUpdateTripMeetingRequest } from './trips.schemas.js';
import { invalid, loadTrip } from './trips.service.js';

/**
 * Meetings are part of their trip (DESIGN.md §4): each change moves the trip's version and `updatedAt`, and a change
 * to one meeting sends the version of the trip page it was made on, so two officers editing the page lose nothing.
 * Each answers the whole trip page; the audit event is the trip's, with the meeting before and after.
 */

function checkInsideTrip(ctx: RequestContext, trip: TripRow, metOn: string) {
  if (metOn < trip.startsOn || metOn > trip.endsOn) {
    throw invalid(ctx.locale, [
      {
        field: 'metOn',
        code: 'date-range',
        zh: `会见日期须在考察日期内（${trip.startsOn} 至 ${trip.endsOn}）`,
        en: `The meeting must fall within the trip (${trip.startsOn} to ${trip.endsOn})`,
      },
    ]);
  }
}

async function bumpTrip(trx: Transaction<DB>, ctx: RequestContext, trip: TripRow, version?: number) {
  let update = trx
    .updateTable('trips')
    .set((eb) => ({ updatedAt: iso(ctx.now), version: eb('version', '+', 1) }))
    .where('tenantId', '=', trip.tenantId)
    .where('id', '=', trip.id);
  if (version !== undefined) update = update.where('version', '=', version);
  const res = await update.executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw staleOrMissing(true, 'trip', trip.id);
  return trx
    .selectFrom('trips')
    .selectAll()
    .where('tenantId', '=', trip.tenantId)
    .where('id', '=', trip.id)
    .executeTakeFirstOrThrow();
}

async function loadMeeting(trx: Transaction<DB>, trip: TripRow, meetingId: string, action: string) {
  const m = await trx
    .selectFrom('tripMeetings')
    .selectAll()
    .where('tenantId', '=', trip.tenantId)
    .where('tripId', '=', trip.id)
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!m) throw notFound('trip-meeting', meetingId, action);
  return m;
}

export async function createTripMeeting(
  deps: Deps,
  ctx: RequestContext,
  tripId: string,
  input: TCreateTripMeetingRequest,
) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  return deps.database.transaction(async (trx) => {
    const trip = await loadTrip(trx, actor, tripId, 'update');
    // The trip's row first: its lock keeps the dates checked below from changing before this commits (PostgreSQL).
    const row = await bumpTrip(trx, ctx, trip);
    checkInsideTrip(ctx, row, input.metOn);
    const last = await trx
      .selectFrom('tripMeetings')
      .select((eb) => eb.fn.max('sort').as('sort'))
      .where('tenantId', '=', tenantId)
      .where('tripId', '=', tripId)
      .executeTakeFirst();
    const meeting = {
      tenantId,
      id: newId(),
      tripId,
      metOn: input.metOn,
      organisation: input.organisation,
      people: input.people ?? null,
      notes: input.notes ?? null,
      sort: Number(last?.sort ?? -1) + 1,
      createdAt: iso(ctx.now),
    };
    await trx.insertInto('tripMeetings').values(meeting).execute();
    await recordAudit(trx, ctx, {
      action: 'meeting-create',
      entityType: 'trip',
      entityId: tripId,
      after: presentMeeting(meeting),
    });
    return loadTripDetail(trx, row);
  });
}

export async function updateTripMeeting(
  deps: Deps,
  ctx: RequestContext,
  tripId: string,
  meetingId: string,
  input: TUpdateTripMeetingRequest,
) {
  const actor = ctx.actor!;
  const { version, ...changes } = input;
  return deps.database.transaction(async (trx) => {
    const trip = await loadTrip(trx, actor, tripId, 'update');
    const before = await loadMeeting(trx, trip, meetingId, 'update');
    const row = await bumpTrip(trx, ctx, trip, version);
    if (changes.metOn) checkInsideTrip(ctx, row, changes.metOn);
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length) {
      await trx
        .updateTable('tripMeetings')
        .set(set)
        .where('tenantId', '=', trip.tenantId)
        .where('id', '=', meetingId)
        .execute();
    }
    const after = await loadMeeting(trx, trip, meetingId, 'update');
    await recordAudit(trx, ctx, {
      action: 'meeting-update',
      entityType: 'trip',
      entityId: tripId,
      before: presentMeeting(before),
      after: presentMeeting(after),
    });
    return loadTripDetail(trx, row);
  });
}

/** A meeting a lead came from stays (409): the lead names it as its origin. */
export async function deleteTripMeeting(deps: Deps, ctx: RequestContext, tripId: string, meetingId: string) {
  const actor = ctx.actor!;
  return deps.database.transaction(async (trx) => {
    const trip = await loadTrip(trx, actor, tripId, 'update');
    const before = await loadMeeting(trx, trip, meetingId, 'delete');
    const leads = await trx
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenantId', '=', trip.tenantId)
      .where('tripMeetingId', '=', meetingId)
      .executeTakeFirstOrThrow();
    if (Number(leads.n) > 0) {
      throw new AppError('conflict', {
        refused: { entityType: 'trip', entityId: tripId, action: 'meeting-delete' },
        detail: {
          'zh-CN': `该会见已产生 ${Number(leads.n)} 条线索，不能删除。`,
          en: `This meeting produced ${Number(leads.n)} lead(s): it cannot be deleted.`,
        },
      });
    }
    const row = await bumpTrip(trx, ctx, trip);
    await trx.deleteFrom('tripMeetings').where('tenantId', '=', trip.tenantId).where('id', '=', meetingId).execute();
    await recordAudit(trx, ctx, {
      action: 'meeting-delete',
      entityType: 'trip',
      entityId: tripId,
      before: presentMeeting(before),
    });
    return loadTripDetail(trx, row);
  });
}
