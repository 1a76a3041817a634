import type { Generated } from 'kysely';

/** Survey templates an admin defines; a visit of kind survey fills one in. */
export interface SurveyTemplatesTable {
  tenantId: string;
  id: string;
  name: string;
  /** JSON array of questions. */
  questions: string;
  active: Generated<number>;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Visits to a company (走访). */
export interface VisitsTable {
  tenantId: string;
  id: string;
  enterpriseId: string;
  visitedOn: string;
  kind: string;
  notes: string | null;
  surveyTemplateId: string | null;
  /** JSON object of question id → answer. */
  surveyAnswers: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface VisitVisitorsTable {
  tenantId: string;
  visitId: string;
  userId: string;
}

export interface VisitDepartmentsTable {
  tenantId: string;
  visitId: string;
  departmentId: string;
}

export type EscalationKind = 'not_accepted' | 'overdue' | 'manual';

/** Company needs (诉求): a ticket routed to a lead department. */
export interface NeedsTable {
  tenantId: string;
  id: string;
  reference: string;
  enterpriseId: string;
  visitId: string | null;
  categoryCode: string;
  title: string;
  description: string;
  source: string;
  urgency: string;
  leadDepartmentId: string;
  status: string;
  officerId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  submittedAt: string;
  acceptBy: string;
  dueOn: string;
  dueAt: string;
  acceptedAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  confirmedAt: string | null;
  satisfaction: string | null;
  closedAt: string | null;
  returnedReason: string | null;
  reopenedCount: Generated<number>;
  escalatedAt: string | null;
  escalationKind: EscalationKind | null;
  escalationReason: string | null;
  resolvedLate: number | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface NeedDepartmentsTable {
  tenantId: string;
  needId: string;
  departmentId: string;
}

export interface NeedEventsTable {
  tenantId: string;
  id: string;
  needId: string;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  text: string | null;
  departmentId: string | null;
  satisfaction: string | null;
}

export interface HolidaysTable {
  tenantId: string;
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  createdAt: string;
}

export interface WebhookDeliveriesTable {
  tenantId: string;
  id: string;
  departmentId: string | null;
  url: string;
  event: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  nextAttemptAt: string | null;
  claimedUntil: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface ApiKeysTable {
  tenantId: string;
  id: string;
  name: string;
  keyHash: string;
  keyPrefix: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
