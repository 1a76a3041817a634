import {
  checkSurveyAnswers,
  enterpriseIssues,
  label,
  ZVisitInput,
  type Locale,
  type SurveyAnswer,
  type TSurveyQuestion,
} from '@kaimen/shared';
import dayjs, { type Dayjs } from 'dayjs';
import type { FieldIssue } from '../enterprises/enterprise-validation';
import type { NeedBody, SurveyQuestion, VisitBody, VisitDetail, VisitPatch } from './visit-types';

/** One need row of the visit form. */
export interface NeedFormRow {
  categoryCode?: string;
  title?: string;
  description?: string;
  urgency?: string;
  leadDepartmentId?: string;
  supportingDepartmentIds?: string[];
}

/** The visit form's values; the names mirror the body's, so the server's field errors find their inputs. */
export interface VisitFormValues {
  enterpriseId?: string;
  visitedOn?: Dayjs;
  kind?: string;
  visitorIds?: string[];
  departmentIds?: string[];
  notes?: string;
  surveyTemplateId?: string;
  surveyAnswers?: Record<string, unknown>;
  needs?: NeedFormRow[];
}

/** Departments present only make sense at an on-site office (现场办公). */
export const takesDepartments = (kind: string | undefined): boolean => kind === 'onsite_office';

const blankText = (v: string | undefined): string | undefined => (v?.trim() ? v : undefined);

/**
 * The answers to send: one per question of the template that was answered. Blank text, a cleared number, a rating of
 * 0 (Rate's "none") and an empty choice count as not answered; anything not of the template is dropped.
 */
export function surveyAnswersOf(
  questions: readonly SurveyQuestion[],
  raw: Record<string, unknown> | undefined,
): Record<string, SurveyAnswer> {
  const out: Record<string, SurveyAnswer> = {};
  for (const q of questions) {
    const v = raw?.[q.id];
    switch (q.type) {
      case 'text':
        if (typeof v === 'string' && v.trim()) out[q.id] = v.trim();
        break;
      case 'number':
        if (typeof v === 'number' && Number.isFinite(v)) out[q.id] = v;
        break;
      case 'rating':
        if (typeof v === 'number' && v >= 1) out[q.id] = v;
        break;
      case 'single':
        if (typeof v === 'string' && v) out[q.id] = v;
        break;
      case 'multi':
        if (Array.isArray(v)) {
          const picked = v.filter((x): x is string => typeof x === 'string');
          if (picked.length) out[q.id] = picked;
        }
        break;
    }
  }
  return out;
}

const needBody = (row: NeedFormRow): NeedBody => ({
  categoryCode: row.categoryCode ?? '',
  title: row.title ?? '',
  description: row.description ?? '',
  urgency: row.urgency ?? 'normal',
  ...(row.leadDepartmentId ? { leadDepartmentId: row.leadDepartmentId } : {}),
  ...(row.supportingDepartmentIds?.length ? { supportingDepartmentIds: row.supportingDepartmentIds } : {}),
});

/** POST /api/visits: the visit, its survey answers (when a template is chosen) and the needs raised, in one body. */
export function toCreateBody(values: VisitFormValues, questions: readonly SurveyQuestion[]): VisitBody {
  const notes = blankText(values.notes);
  const needs = (values.needs ?? []).map(needBody);
  return {
    enterpriseId: values.enterpriseId ?? '',
    visitedOn: values.visitedOn ? values.visitedOn.format('YYYY-MM-DD') : '',
    kind: values.kind ?? '',
    visitorIds: values.visitorIds ?? [],
    ...(takesDepartments(values.kind) ? { departmentIds: values.departmentIds ?? [] } : {}),
    ...(notes ? { notes } : {}),
    ...(values.surveyTemplateId
      ? { surveyTemplateId: values.surveyTemplateId, surveyAnswers: surveyAnswersOf(questions, values.surveyAnswers) }
      : {}),
    ...(needs.length ? { needs } : {}),
  };
}

/** PATCH /api/visits/:id: what the record page lets one change (the company, kind, survey and needs stay). */
export function toPatchBody(values: VisitFormValues, visit: VisitDetail): VisitPatch {
  return {
    visitedOn: values.visitedOn ? values.visitedOn.format('YYYY-MM-DD') : visit.visitedOn,
    notes: blankText(values.notes) ?? null,
    visitorIds: values.visitorIds ?? [],
    ...(takesDepartments(visit.kind) ? { departmentIds: values.departmentIds ?? [] } : {}),
    ...(visit.surveyTemplate
      ? { surveyAnswers: surveyAnswersOf(visit.surveyTemplate.questions, values.surveyAnswers) }
      : {}),
  };
}

export function toFormValues(visit: VisitDetail): VisitFormValues {
  return {
    enterpriseId: String(visit.enterprise.id),
    visitedOn: dayjs(visit.visitedOn),
    kind: visit.kind,
    visitorIds: visit.visitors.map((v) => String(v.id)),
    departmentIds: visit.departments.map((d) => String(d.id)),
    notes: visit.notes ?? undefined,
    ...(visit.surveyTemplate ? { surveyTemplateId: String(visit.surveyTemplate.id) } : {}),
    surveyAnswers: { ...(visit.surveyAnswers ?? {}) },
  };
}

/**
 * The form's name path of a server error's field: 'needs.0.title' names the first need row (a number for Form.List),
 * 'surveyAnswers.q1' a question (its id stays a string even when it looks like a number).
 */
export function formNameOf(path: readonly string[]): (string | number)[] {
  const [head, index, ...rest] = path;
  if (head === 'needs' && index !== undefined && /^\d+$/.test(index)) return [head, Number(index), ...rest];
  return [...path];
}

/** Checks the body with the API's own ZVisitInput and the template's questions; issues land on their fields. */
export function visitIssues(body: VisitBody, questions: readonly SurveyQuestion[], locale: Locale): FieldIssue[] {
  const parsed = ZVisitInput.safeParse(body);
  const issues: FieldIssue[] = parsed.success
    ? []
    : enterpriseIssues(parsed.error).map((issue) => ({
        path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: label(issue.message, locale),
      }));
  if (body.surveyTemplateId) {
    for (const problem of checkSurveyAnswers(questions as readonly TSurveyQuestion[], body.surveyAnswers ?? {})) {
      issues.push({ path: ['surveyAnswers', problem.questionId], message: label(problem.message, locale) });
    }
  }
  return issues;
}
