import type { SurveyQuestionType } from '@kaimen/shared';
import type { Id } from '../../api/types';

export interface Ref {
  id: Id;
  name: string;
}

export interface DepartmentRef {
  id: Id;
  nameZh: string;
  nameEn: string;
}

/** A row of GET /api/visits. Dates as 'YYYY-MM-DD'. */
export interface VisitSummary {
  id: Id;
  enterprise: Ref;
  visitedOn: string;
  kind: string;
  visitors: Ref[];
  departments: DepartmentRef[];
  notes: string | null;
  needCount: number;
  createdBy: Ref | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SurveyQuestion {
  id: string;
  type: SurveyQuestionType;
  label: string;
  options?: string[];
  required?: boolean;
}

export interface SurveyTemplate {
  id: Id;
  name: string;
  questions: SurveyQuestion[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A need raised in the visit, as the visit page lists it (the needs screens show the rest). */
export interface VisitNeed {
  id: Id;
  reference: string;
  title: string;
  categoryCode: string;
  status: string;
  urgency: string;
  leadDepartment: (DepartmentRef & { code: string }) | null;
  dueOn: string;
  overdue: boolean;
  submittedAt: string;
}

export interface VisitDetail extends VisitSummary {
  surveyTemplate: SurveyTemplate | null;
  surveyAnswers: Record<string, unknown> | null;
  needs: VisitNeed[];
}

export type VisitSort = 'visitedOn' | '-visitedOn';

export interface NeedBody {
  categoryCode: string;
  title: string;
  description: string;
  urgency?: string;
  leadDepartmentId?: string | null;
  supportingDepartmentIds?: string[];
}

/** What POST /api/visits takes (ZVisitInput). */
export interface VisitBody {
  enterpriseId: string;
  visitedOn: string;
  kind: string;
  visitorIds?: string[];
  departmentIds?: string[];
  notes?: string | null;
  surveyTemplateId?: string | null;
  surveyAnswers?: Record<string, unknown> | null;
  needs?: NeedBody[];
}

/** What PATCH /api/visits/:id takes besides the version. */
export interface VisitPatch {
  visitedOn?: string;
  notes?: string | null;
  visitorIds?: string[];
  departmentIds?: string[];
  surveyAnswers?: Record<string, unknown> | null;
}

export interface CoverageGroup {
  key: string | null;
  name: string;
  companies: number;
  visited: number;
  metTarget: number;
  visits: number;
  targetVisits: number;
}

export interface BehindCompany {
  id: Id;
  name: string;
  park: string | null;
  officer: Ref | null;
  visits: number;
  target: number;
  lastVisitedOn: string | null;
}

export interface Coverage {
  year: number;
  defaultTarget: number;
  totals: CoverageGroup;
  byOfficer: CoverageGroup[];
  byPark: CoverageGroup[];
  behind: BehindCompany[];
  behindTotal: number;
}
