import type { LeadActivityKindCode, LeadStage } from '@kaimen/shared';
import type { Id } from '../../api/types';

/** The shapes of apps/server/src/modules/leads/leads.schemas.ts, as the web reads them. */
export interface UserRef {
  id: Id;
  displayName: string;
}

export type OverdueKind = 'first_contact' | 'screening' | 'stale';

export interface LeadSummary {
  id: Id;
  companyName: string;
  uscc: string | null;
  sourceChannel: string;
  chainNode: { code: string; nameZh: string; nameEn: string } | null;
  owner: UserRef | null;
  stage: LeadStage;
  stageEnteredAt: string;
  /** Yuan. */
  plannedInvestment: number | null;
  capitalArrived: number;
  spaceUnitType: string | null;
  spaceArea: number | null;
  expectedJobs: number | null;
  expectedAnnualTax: number | null;
  nextFollowUpOn: string | null;
  lastActivityAt: string | null;
  overdueKind: OverdueKind | null;
  overdueSince: string | null;
  enterpriseId: Id | null;
  tripId: Id | null;
  pendingApproval: { id: Id; toStage: LeadStage } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface LeadContact {
  id: Id;
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
}

export interface Duplicate {
  type: 'lead' | 'enterprise';
  id: Id;
  name: string;
  uscc: string | null;
  match: 'uscc' | 'name';
  stage: LeadStage | null;
}

export interface LeadDetail extends LeadSummary {
  spaceRequirements: string[];
  spaceNotes: string | null;
  notes: string | null;
  lostReason: string | null;
  tripMeetingId: Id | null;
  contacts: LeadContact[];
  capital: { id: Id; arrivedOn: string; amount: number; note: string | null }[];
  personalDataMasked: boolean;
  createdBy: UserRef | null;
  duplicates: Duplicate[];
}

export interface BoardColumn {
  stage: LeadStage;
  total: number;
  items: LeadSummary[];
}

export interface Activity {
  id: Id;
  kind: LeadActivityKindCode;
  occurredOn: string;
  subject: string | null;
  participants: string[];
  notes: string | null;
  nextFollowUpOn: string | null;
  createdBy: UserRef | null;
  createdAt: string;
}

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface Approval {
  id: Id;
  fromStage: LeadStage | null;
  toStage: LeadStage | null;
  comment: string | null;
  status: ApprovalStatus;
  requestedBy: UserRef | null;
  requestedAt: string;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  decisionComment: string | null;
  lead: { id: Id; companyName: string; plannedInvestment: number | null; stage: LeadStage } | null;
  version: number;
}

export interface TimelineEntry {
  at: string;
  type: 'created' | 'stage' | 'activity' | 'approval-requested' | 'approval-decided' | 'file' | 'landed';
  by: UserRef | null;
  fromStage?: LeadStage | null;
  toStage?: LeadStage | null;
  comment?: string | null;
  activity?: Activity;
  approval?: { id: Id; status: ApprovalStatus; toStage: LeadStage | null };
  file?: { id: Id; filename: string; size: number };
  enterpriseId?: Id | null;
}

export interface Attachment {
  id: Id;
  filename: string;
  contentType: string;
  size: number;
  createdBy: string;
  createdAt: string;
}

export interface SavedFilter {
  id: Id;
  screen: string;
  name: string;
  /** The list's query string, without `?`. */
  query: string;
  createdAt: string;
}

export const LEAD_SORTS = ['updatedAt', 'createdAt', 'companyName', 'plannedInvestment', 'nextFollowUpOn'] as const;
export type LeadSortKey = (typeof LEAD_SORTS)[number];
