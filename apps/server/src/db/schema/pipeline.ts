import type { Generated } from 'kysely';

/** Investigation trips (考察). */
export interface TripsTable {
  tenantId: string;
  id: string;
  title: string;
  destination: string;
  startsOn: string;
  endsOn: string;
  purpose: string | null;
  notes: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface TripMembersTable {
  tenantId: string;
  tripId: string;
  userId: string;
}

export interface TripMeetingsTable {
  tenantId: string;
  id: string;
  tripId: string;
  metOn: string;
  organisation: string;
  people: string | null;
  notes: string | null;
  sort: Generated<number>;
  createdAt: string;
}

export type OverdueKind = 'first_contact' | 'screening' | 'stale';

/** Investment leads / projects (招商线索/项目). */
export interface LeadsTable {
  tenantId: string;
  id: string;
  companyName: string;
  normalizedName: string;
  uscc: string | null;
  sourceChannel: string;
  chainNodeId: string | null;
  ownerId: string;
  stage: string;
  stageEnteredAt: string;
  /** Whole yuan. */
  plannedInvestment: number | null;
  spaceUnitType: string | null;
  spaceArea: number | null;
  /** JSON array of requirement codes. */
  spaceRequirements: Generated<string>;
  spaceNotes: string | null;
  expectedJobs: number | null;
  /** Whole yuan a year. */
  expectedAnnualTax: number | null;
  nextFollowUpOn: string | null;
  lastActivityAt: string | null;
  notes: string | null;
  lostReason: string | null;
  enterpriseId: string | null;
  tripId: string | null;
  tripMeetingId: string | null;
  overdueKind: OverdueKind | null;
  overdueSince: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Personal data: masked for roles that may not see it. */
export interface LeadContactsTable {
  tenantId: string;
  leadId: string;
  id: string;
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
  sort: number;
}

export interface LeadCapitalTable {
  tenantId: string;
  leadId: string;
  id: string;
  arrivedOn: string;
  amount: number;
  note: string | null;
}

export interface LeadStageMovesTable {
  tenantId: string;
  leadId: string;
  id: string;
  fromStage: string | null;
  toStage: string;
  at: string;
  byUserId: string;
  comment: string | null;
  approvalId: string | null;
}

export type LeadActivityKind = 'call' | 'meeting' | 'site_visit' | 'email' | 'other';

export interface LeadActivitiesTable {
  tenantId: string;
  leadId: string;
  id: string;
  kind: LeadActivityKind;
  occurredOn: string;
  subject: string | null;
  /** JSON array of names. */
  participants: string;
  notes: string | null;
  nextFollowUpOn: string | null;
  createdBy: string;
  createdAt: string;
}

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface ApprovalsTable {
  tenantId: string;
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  /** JSON. */
  payload: string;
  status: ApprovalStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface NotificationsTable {
  tenantId: string;
  id: string;
  userId: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string | null;
  bodyEn: string | null;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  dedupeKey: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface SavedFiltersTable {
  tenantId: string;
  id: string;
  userId: string;
  screen: string;
  name: string;
  query: string;
  createdAt: string;
}
