import type { Id } from '../../api/types';

export interface UserRef {
  id: Id;
  displayName: string;
}

export interface TripSummary {
  id: Id;
  title: string;
  destination: string;
  startsOn: string;
  endsOn: string;
  purpose: string | null;
  members: UserRef[];
  meetingCount: number;
  leadCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface TripMeeting {
  id: Id;
  metOn: string;
  organisation: string;
  people: string | null;
  notes: string | null;
  createdAt: string;
}

/** A lead the trip produced, as the trip page lists it. */
export interface TripLead {
  id: Id;
  companyName: string;
  stage: string;
  owner: UserRef | null;
  plannedInvestment: number | null;
  tripMeetingId: Id | null;
  updatedAt: string;
}

export interface TripDetail extends TripSummary {
  notes: string | null;
  createdBy: UserRef | null;
  meetings: TripMeeting[];
  leads: TripLead[];
}

export const TRIP_SORTS = ['startsOn', '-startsOn', 'title', '-title', 'updatedAt', '-updatedAt'] as const;
export type TripSort = (typeof TRIP_SORTS)[number];

/** What POST /api/trips takes (PATCH any part of it, with the version). Dates as YYYY-MM-DD. */
export interface TripBody {
  title: string;
  destination: string;
  startsOn: string;
  endsOn: string;
  purpose?: string | null;
  notes?: string | null;
  memberIds?: string[];
}

export interface MeetingBody {
  metOn: string;
  organisation: string;
  people?: string | null;
  notes?: string | null;
}

/** The lead fields the meeting's small form sends; the server files it under 考察对接. */
export interface TripLeadBody {
  companyName: string;
  uscc?: string | null;
  plannedInvestment?: string | null;
  contacts?: { name: string; mobile?: string | null }[];
  notes?: string | null;
}
