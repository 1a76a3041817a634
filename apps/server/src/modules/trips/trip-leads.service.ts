import type { TLeadInput } from '@kaimen/shared';
import { tenantOf, type RequestContext } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { createLead } from '../leads/leads.service.js';
import { loadTrip } from './trips.service.js';

/**
 * "This company we met wants to come": a lead from a meeting in one step, its origin the trip and the meeting. A trip
 * or meeting outside the actor's tenant is a 404 before anything is written; the lead service audits the lead.
 */
export async function createTripLead(
  deps: Deps,
  ctx: RequestContext,
  tripId: string,
  meetingId: string,
  input: TLeadInput,
) {
  const actor = ctx.actor!;
  const db = deps.database.db;
  const trip = await loadTrip(db, actor, tripId, 'update');
  const meeting = await db
    .selectFrom('tripMeetings')
    .select('id')
    .where('tenantId', '=', tenantOf(actor))
    .where('tripId', '=', trip.id)
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw notFound('trip-meeting', meetingId, 'create-lead');
  return createLead(deps, ctx, input, { tripId: trip.id, tripMeetingId: meeting.id });
}
