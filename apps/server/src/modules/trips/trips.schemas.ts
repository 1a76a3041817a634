import {
  cleanText,
  dateField,
  fail,
  optionalText,
  requiredText,
  typeError,
  ZLeadInput,
  ZVersion,
} from '@kaimen/shared';
import { z } from 'zod';

export const TRIP_LIMITS = {
  title: 200,
  destination: 200,
  purpose: 1000,
  notes: 4000,
  members: 50,
  organisation: 200,
  people: 1000,
} as const;

/** A date the record cannot do without: YYYY-MM-DD, or the parsers' other spellings (2026年3月2日). */
const requiredDate = () => dateField().transform((v, ctx): string => v ?? fail(ctx, 'required'));

/**
 * Blanks collapsed but full-width characters kept: a park picked from BIOTECH_PARKS is stored exactly as the dictionary
 * spells it (苏州BioBAY（苏州生物医药产业园）), so trips to one park read and group alike.
 */
const ZDestination = z.string({ error: typeError }).transform((v, ctx): string => {
  const s = cleanText(v, { fold: false });
  if (s === '') return fail(ctx, 'required');
  if (s.length > TRIP_LIMITS.destination) return fail(ctx, 'too-long');
  return s;
});

const ZMemberIds = z
  .array(z.string({ error: typeError }).max(100), { error: typeError })
  .max(TRIP_LIMITS.members)
  .transform((ids) => [...new Set(ids)]);

export const ZCreateTripRequest = z.object({
  title: requiredText(TRIP_LIMITS.title),
  /** A park of BIOTECH_PARKS or any other place. */
  destination: ZDestination,
  startsOn: requiredDate(),
  endsOn: requiredDate(),
  purpose: optionalText(TRIP_LIMITS.purpose, { fold: false, multiline: true }),
  notes: optionalText(TRIP_LIMITS.notes, { fold: false, multiline: true }),
  /** Users of the tenant who may see trips; the creator alone when left out. */
  memberIds: ZMemberIds.optional(),
});
export type TCreateTripRequest = z.output<typeof ZCreateTripRequest>;

export const ZUpdateTripRequest = ZCreateTripRequest.partial().extend({ version: ZVersion });
export type TUpdateTripRequest = z.output<typeof ZUpdateTripRequest>;

export const ZCreateTripMeetingRequest = z.object({
  metOn: requiredDate(),
  organisation: requiredText(TRIP_LIMITS.organisation),
  people: optionalText(TRIP_LIMITS.people, { fold: false, multiline: true }),
  notes: optionalText(TRIP_LIMITS.notes, { fold: false, multiline: true }),
});
export type TCreateTripMeetingRequest = z.output<typeof ZCreateTripMeetingRequest>;

/** Meetings are part of their trip: a change sends the trip's version (one version covers the whole page). */
export const ZUpdateTripMeetingRequest = ZCreateTripMeetingRequest.partial().extend({ version: ZVersion });
export type TUpdateTripMeetingRequest = z.output<typeof ZUpdateTripMeetingRequest>;

/** A lead met on a trip: the lead fields, with 考察对接 as the channel unless told otherwise. */
export const ZCreateTripLeadRequest = ZLeadInput.extend({
  sourceChannel: ZLeadInput.shape.sourceChannel.optional().transform((v) => v ?? ('trip' as const)),
});

const ZSort = z.enum(['startsOn', '-startsOn', 'title', '-title', 'updatedAt', '-updatedAt']);

export const ZListTripsRequest = z.object({
  /** Part of the title or the destination. */
  q: z.string().trim().max(200).optional(),
  /** Trips that overlap [from, to]. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** A user id: trips this user went on. */
  member: z.string().max(100).optional(),
  sort: ZSort.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TListTripsRequest = z.infer<typeof ZListTripsRequest>;

const ZUserRef = z.object({ id: z.string(), displayName: z.string() });

export const ZTripSummary = z.object({
  id: z.string(),
  title: z.string(),
  destination: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  purpose: z.string().nullable(),
  members: z.array(ZUserRef),
  meetingCount: z.number(),
  leadCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZTripMeeting = z.object({
  id: z.string(),
  metOn: z.string(),
  organisation: z.string(),
  people: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});

export const ZTripLead = z.object({
  id: z.string(),
  companyName: z.string(),
  stage: z.string(),
  owner: ZUserRef.nullable(),
  plannedInvestment: z.number().nullable(),
  /** The meeting it came from, when it came from one. */
  tripMeetingId: z.string().nullable(),
  updatedAt: z.string(),
});

export const ZTripDetail = ZTripSummary.extend({
  notes: z.string().nullable(),
  createdBy: ZUserRef.nullable(),
  meetings: z.array(ZTripMeeting),
  leads: z.array(ZTripLead),
});
export type TTripDetail = z.infer<typeof ZTripDetail>;

export const ZListTripsResponse = z.object({
  items: z.array(ZTripSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const ZMemberOptionsResponse = z.object({ items: z.array(ZUserRef) });

export const ZTripIdParams = z.object({ id: z.string().max(100) });
export const ZTripMeetingParams = ZTripIdParams.extend({ meetingId: z.string().max(100) });
