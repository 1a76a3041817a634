import { VISIT_KINDS, ZListQuery } from '@kaimen/shared';
import { z } from 'zod';
import { ZNeedSummary } from '../needs/needs.schemas.js';

export const ZVisitIdParams = z.object({ id: z.string().min(1).max(100) });

export const ZListVisitsRequest = ZListQuery.extend({
  enterpriseId: z.string().max(100).optional(),
  /** A visitor. */
  userId: z.string().max(100).optional(),
  kind: z.enum(VISIT_KINDS.map((k) => k.code) as [string, ...string[]]).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  sort: z.enum(['visitedOn', '-visitedOn']).optional(),
});
export type TListVisitsRequest = z.infer<typeof ZListVisitsRequest>;

const ZRef = z.object({ id: z.string(), name: z.string() });

export const ZVisitSummary = z.object({
  id: z.string(),
  enterprise: ZRef,
  visitedOn: z.string(),
  kind: z.string(),
  visitors: z.array(ZRef),
  departments: z.array(z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() })),
  notes: z.string().nullable(),
  needCount: z.number(),
  createdBy: ZRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZListVisitsResponse = z.object({
  items: z.array(ZVisitSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** As stored (the input schema cleans text with transforms, which a response schema cannot carry). */
const ZSurveyQuestionOut = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  options: z.array(z.string()).optional(),
  required: z.boolean().optional(),
});

export const ZSurveyTemplate = z.object({
  id: z.string(),
  name: z.string(),
  questions: z.array(ZSurveyQuestionOut),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZVisitDetail = ZVisitSummary.extend({
  surveyTemplate: ZSurveyTemplate.nullable(),
  surveyAnswers: z.record(z.string(), z.unknown()).nullable(),
  /** The needs raised in the visit that the user may see. */
  needs: z.array(ZNeedSummary),
});

export const ZUpdateVisitRequest = z.object({
  version: z.number().int().min(1),
  visitedOn: z.string().date().optional(),
  notes: z.string().max(4000).nullish(),
  visitorIds: z.array(z.string().max(100)).max(20).optional(),
  departmentIds: z.array(z.string().max(100)).max(20).optional(),
  surveyAnswers: z.record(z.string(), z.unknown()).nullish(),
});

export const ZCoverageRequest = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  park: z.string().max(100).optional(),
  officerId: z.string().max(100).optional(),
});

const ZCoverageGroup = z.object({
  key: z.string().nullable(),
  name: z.string(),
  companies: z.number(),
  /** Visited at least once this year. */
  visited: z.number(),
  /** Visited as often as the target says. */
  metTarget: z.number(),
  visits: z.number(),
  targetVisits: z.number(),
});

export const ZCoverageResponse = z.object({
  year: z.number(),
  defaultTarget: z.number(),
  totals: ZCoverageGroup,
  byOfficer: z.array(ZCoverageGroup),
  byPark: z.array(ZCoverageGroup),
  /** Companies below their target, the never-visited first (at most 500). */
  behind: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      park: z.string().nullable(),
      officer: ZRef.nullable(),
      visits: z.number(),
      target: z.number(),
      lastVisitedOn: z.string().nullable(),
    }),
  ),
  behindTotal: z.number(),
});

export const ZVisitPlan = z.object({ yearlyVisitTarget: z.number().int().min(0).max(52) });
export const ZEnterpriseTarget = z.object({ yearlyVisitTarget: z.number().int().min(0).max(52).nullable() });
