import type { NeedAction } from '@kaimen/shared';

export interface DepartmentRef {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface NeedSummary {
  id: string;
  reference: string;
  title: string;
  categoryCode: string;
  status: string;
  urgency: string;
  source: string;
  enterprise: { id: string; name: string } | null;
  leadDepartment: DepartmentRef | null;
  officer: { id: string; name: string } | null;
  submittedAt: string;
  acceptBy: string;
  dueOn: string;
  dueAt: string;
  escalatedAt: string | null;
  escalationKind: string | null;
  overdue: boolean;
  satisfaction: string | null;
  reopenedCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface NeedEvent {
  id: string;
  at: string;
  actor: { id: string | null; name: string };
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  text: string | null;
  department: DepartmentRef | null;
  satisfaction: string | null;
}

export interface NeedDetail extends NeedSummary {
  description: string;
  visitId: string | null;
  supportingDepartments: DepartmentRef[];
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  acceptedAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  confirmedAt: string | null;
  closedAt: string | null;
  returnedReason: string | null;
  escalationReason: string | null;
  resolvedLate: boolean | null;
  timeline: NeedEvent[];
  allowedActions: NeedAction[];
  canEdit: boolean;
}

export interface NeedActionBody {
  action: NeedAction;
  version: number;
  text?: string;
  reason?: string;
  satisfaction?: string;
  departmentId?: string;
}
