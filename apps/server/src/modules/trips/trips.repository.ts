import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { TripMeetingsTable, TripsTable } from '../../db/schema/pipeline.js';

export type TripRow = Selectable<TripsTable>;
export type TripMeetingRow = Selectable<TripMeetingsTable>;

const countBy = (rows: { tripId: string | null; n: number | string }[]) =>
  new Map(rows.map((r) => [r.tripId, Number(r.n)]));

/** Members, meeting and lead counts for a page of trips: one query each, not one per row. */
export async function loadTripSummaries(db: Executor, tenantId: string, rows: TripRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [members, meetings, leads] = await Promise.all([
    db
      .selectFrom('tripMembers as m')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .select(['m.tripId', 'u.id', 'u.displayName'])
      .where('m.tenantId', '=', tenantId)
      .where('m.tripId', 'in', ids)
      .orderBy('u.displayName')
      .orderBy('u.id')
      .execute(),
    db
      .selectFrom('tripMeetings')
      .select((eb) => ['tripId', eb.fn.countAll<number>().as('n')])
      .where('tenantId', '=', tenantId)
      .where('tripId', 'in', ids)
      .groupBy('tripId')
      .execute(),
    db
      .selectFrom('leads')
      .select((eb) => ['tripId', eb.fn.countAll<number>().as('n')])
      .where('tenantId', '=', tenantId)
      .where('tripId', 'in', ids)
      .groupBy('tripId')
      .execute(),
  ]);
  const membersOf = new Map<string, { id: string; displayName: string }[]>();
  for (const m of members)
    membersOf.set(m.tripId, [...(membersOf.get(m.tripId) ?? []), { id: m.id, displayName: m.displayName }]);
  const [meetingCount, leadCount] = [countBy(meetings), countBy(leads)];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    destination: r.destination,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    purpose: r.purpose,
    members: membersOf.get(r.id) ?? [],
    meetingCount: meetingCount.get(r.id) ?? 0,
    leadCount: leadCount.get(r.id) ?? 0,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}

/** Meetings in the order they happened (same day: the order they were written down). */
export const loadMeetings = (db: Executor, tenantId: string, tripId: string) =>
  db
    .selectFrom('tripMeetings')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .where('tripId', '=', tripId)
    .orderBy('metOn')
    .orderBy('sort')
    .orderBy('id')
    .execute();

export const presentMeeting = (m: TripMeetingRow) => ({
  id: m.id,
  metOn: m.metOn,
  organisation: m.organisation,
  people: m.people,
  notes: m.notes,
  createdAt: m.createdAt,
});

/** The leads a trip produced, read from the leads table (the pipeline's own rules decide who may open them). */
async function loadTripLeads(db: Executor, tenantId: string, tripId: string) {
  const rows = await db
    .selectFrom('leads as l')
    .leftJoin('users as u', 'u.id', 'l.ownerId')
    .select([
      'l.id',
      'l.companyName',
      'l.stage',
      'l.plannedInvestment',
      'l.tripMeetingId',
      'l.updatedAt',
      'u.id as ownerId',
      'u.displayName as ownerName',
    ])
    .where('l.tenantId', '=', tenantId)
    .where('l.tripId', '=', tripId)
    .orderBy('l.createdAt')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    companyName: r.companyName,
    stage: r.stage,
    owner: r.ownerId ? { id: r.ownerId, displayName: r.ownerName ?? '' } : null,
    plannedInvestment: r.plannedInvestment === null ? null : Number(r.plannedInvestment),
    tripMeetingId: r.tripMeetingId,
    updatedAt: r.updatedAt,
  }));
}

/** The trip page: header, members, meetings in order, and the leads it produced. */
export async function loadTripDetail(db: Executor, row: TripRow) {
  const [[summary], meetings, leads, creator] = await Promise.all([
    loadTripSummaries(db, row.tenantId, [row]),
    loadMeetings(db, row.tenantId, row.id),
    loadTripLeads(db, row.tenantId, row.id),
    db.selectFrom('users').select(['id', 'displayName']).where('id', '=', row.createdBy).executeTakeFirst(),
  ]);
  return {
    ...summary!,
    notes: row.notes,
    createdBy: creator ?? null,
    meetings: meetings.map(presentMeeting),
    leads,
  };
}

/** What the audit log keeps of a trip: its fields, members and meetings (the leads have their own history). */
export async function tripSnapshot(db: Executor, row: TripRow) {
  const [members, meetings] = await Promise.all([
    db
      .selectFrom('tripMembers')
      .select('userId')
      .where('tenantId', '=', row.tenantId)
      .where('tripId', '=', row.id)
      .orderBy('userId')
      .execute(),
    loadMeetings(db, row.tenantId, row.id),
  ]);
  const { tenantId: _tenant, ...fields } = row;
  return { ...fields, memberIds: members.map((m) => m.userId), meetings: meetings.map(presentMeeting) };
}
