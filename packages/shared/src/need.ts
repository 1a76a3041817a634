import { z } from 'zod';
import { SATISFACTION, type DictionaryEntry } from './dictionaries.js';
import { dateField, optionalText, requiredText, typeError, type Bilingual } from './enterprise.js';
import { NEED_ACTIONS } from './need-workflow.js';
import { isValidMobile, normalizeMobile } from './validators/mobile.js';

/**
 * Visits and needs (DESIGN.md §4, issue 5): the input schemas the API and the web forms share, and the small
 * dictionaries they use (need source, urgency, visit kind, survey question types).
 */

export const NEED_SOURCES = [
  { code: 'visit', zh: '走访', en: 'Visit' },
  { code: 'enterprise', zh: '企业自主提交', en: 'Enterprise portal' },
  { code: 'hotline', zh: '热线', en: 'Hotline' },
  { code: 'open311', zh: '外部系统（Open311）', en: 'External system (Open311)' },
] as const satisfies readonly DictionaryEntry[];
export type NeedSource = (typeof NEED_SOURCES)[number]['code'];

export const NEED_URGENCIES = [
  { code: 'normal', zh: '一般', en: 'Normal' },
  { code: 'urgent', zh: '紧急', en: 'Urgent' },
  { code: 'critical', zh: '特急', en: 'Critical' },
] as const satisfies readonly DictionaryEntry[];
export type NeedUrgency = (typeof NEED_URGENCIES)[number]['code'];

export const VISIT_KINDS = [
  { code: 'visit', zh: '走访', en: 'Visit' },
  { code: 'survey', zh: '调研', en: 'Survey' },
  { code: 'onsite_office', zh: '现场办公', en: 'On-site office' },
] as const satisfies readonly DictionaryEntry[];
export type VisitKind = (typeof VISIT_KINDS)[number]['code'];

export const SURVEY_QUESTION_TYPES = [
  { code: 'text', zh: '文本', en: 'Text' },
  { code: 'number', zh: '数字', en: 'Number' },
  { code: 'single', zh: '单选', en: 'Single choice' },
  { code: 'multi', zh: '多选', en: 'Multiple choice' },
  { code: 'rating', zh: '评分（1–5）', en: 'Rating (1–5)' },
] as const satisfies readonly DictionaryEntry[];
export type SurveyQuestionType = (typeof SURVEY_QUESTION_TYPES)[number]['code'];

export const ESCALATION_KINDS = [
  { code: 'not_accepted', zh: '超时未受理', en: 'Not accepted in time' },
  { code: 'overdue', zh: '超期未办结', en: 'Past its due date' },
  { code: 'manual', zh: '人工督办', en: 'Escalated by an officer' },
] as const satisfies readonly DictionaryEntry[];

/** Working hours a department has to accept a new need (DESIGN.md §4). */
export const NEED_ACCEPT_WORKING_HOURS = 12;

export const NEED_LIMITS = {
  title: 100,
  description: 4000,
  text: 2000,
  supportingDepartments: 10,
  needsPerVisit: 20,
  visitors: 20,
  notes: 4000,
  questions: 50,
  options: 20,
} as const;

const codeOf = <L extends readonly DictionaryEntry[]>(list: L) =>
  z.enum(list.map((e) => e.code) as [L[number]['code'], ...L[number]['code'][]], { error: typeError });

const ZId = z.string({ error: typeError }).trim().min(1).max(100);

const ZPhone = z
  .string({ error: typeError })
  .nullish()
  .transform((v, ctx): string | null | undefined => {
    if (v === undefined || v === null) return v;
    if (!v.trim()) return null;
    const m = normalizeMobile(v);
    if (isValidMobile(m)) return m;
    // Landlines (0571-8888 8888) are as common as mobiles on a hotline: digits, dashes and spaces.
    const s = v.trim();
    if (/^[\d\s\-+()]{5,30}$/.test(s)) return s;
    ctx.addIssue({ code: 'custom', message: 'Not a phone number', params: { code: 'mobile-invalid' } });
    return z.NEVER;
  });

/** One need as an officer, a company or a hotline operator writes it. */
export const ZNeedInput = z.object({
  enterpriseId: ZId,
  categoryCode: z.string({ error: typeError }).trim().min(1).max(50),
  title: requiredText(NEED_LIMITS.title),
  description: optionalText(NEED_LIMITS.description, { fold: false, multiline: true }).transform((v, ctx): string => {
    if (v) return v;
    ctx.addIssue({ code: 'custom', message: 'Required', params: { code: 'required' } });
    return z.NEVER;
  }),
  urgency: codeOf(NEED_URGENCIES).default('normal'),
  source: codeOf(NEED_SOURCES).optional(),
  /** Another lead department than the category's default. */
  leadDepartmentId: ZId.nullish(),
  supportingDepartmentIds: z.array(ZId).max(NEED_LIMITS.supportingDepartments).optional(),
  contactName: optionalText(100),
  contactPhone: ZPhone,
});
export type TNeedInput = z.input<typeof ZNeedInput>;
export type TNeedParsed = z.output<typeof ZNeedInput>;

/** A workflow step (need-workflow.ts says who may take which). */
export const ZNeedActionInput = z.object({
  action: z.enum(NEED_ACTIONS as [string, ...string[]]),
  version: z.number().int().min(1),
  text: optionalText(NEED_LIMITS.text, { fold: false, multiline: true }),
  reason: optionalText(NEED_LIMITS.text, { fold: false, multiline: true }),
  satisfaction: codeOf(SATISFACTION).nullish(),
  departmentId: ZId.nullish(),
});

/** The details an officer or the lead department may change without a workflow step. */
export const ZNeedUpdateInput = z.object({
  version: z.number().int().min(1),
  urgency: codeOf(NEED_URGENCIES).optional(),
  supportingDepartmentIds: z.array(ZId).max(NEED_LIMITS.supportingDepartments).optional(),
});

export const ZSurveyQuestion = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_-]{1,40}$/),
  type: codeOf(SURVEY_QUESTION_TYPES),
  label: requiredText(200),
  options: z.array(requiredText(100)).max(NEED_LIMITS.options).optional(),
  required: z.boolean().optional(),
});
export type TSurveyQuestion = z.output<typeof ZSurveyQuestion>;

export const ZSurveyTemplateInput = z
  .object({
    name: requiredText(100),
    questions: z.array(ZSurveyQuestion).min(1).max(NEED_LIMITS.questions),
    active: z.boolean().optional(),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({ code: 'custom', message: 'Duplicate question id', path: ['questions', i, 'id'] });
      seen.add(q.id);
      if ((q.type === 'single' || q.type === 'multi') && !q.options?.length) {
        ctx.addIssue({ code: 'custom', message: 'A choice needs options', path: ['questions', i, 'options'] });
      }
    });
  });

export type SurveyAnswer = string | number | string[];

/** Whether `answers` fits the template's questions; returns the problems by question id. */
export function checkSurveyAnswers(
  questions: readonly TSurveyQuestion[],
  answers: Record<string, unknown>,
): { questionId: string; message: Bilingual }[] {
  const problems: { questionId: string; message: Bilingual }[] = [];
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      problems.push({ questionId: key, message: { zh: '问卷中没有这道题', en: 'Not a question of this survey' } });
  }
  for (const q of questions) {
    const a = answers[q.id];
    const blank = a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0);
    if (blank) {
      if (q.required) problems.push({ questionId: q.id, message: { zh: '必答题', en: 'Required' } });
      continue;
    }
    const bad = (zh: string, en: string) => problems.push({ questionId: q.id, message: { zh, en } });
    switch (q.type) {
      case 'text':
        if (typeof a !== 'string' || a.length > 2000)
          bad('请填写文字（不超过 2000 字）', 'Text of at most 2,000 characters');
        break;
      case 'number':
        if (typeof a !== 'number' || !Number.isFinite(a)) bad('请填写数字', 'A number');
        break;
      case 'rating':
        if (typeof a !== 'number' || !Number.isInteger(a) || a < 1 || a > 5) bad('请评 1–5 分', 'A rating from 1 to 5');
        break;
      case 'single':
        if (typeof a !== 'string' || !q.options?.includes(a)) bad('请从选项中选择', 'One of the options');
        break;
      case 'multi':
        if (!Array.isArray(a) || a.some((x) => typeof x !== 'string' || !q.options?.includes(x))) {
          bad('请从选项中选择', 'Some of the options');
        }
        break;
    }
  }
  return problems;
}

/** A visit with the needs raised in it, entered in one form. */
export const ZVisitInput = z.object({
  enterpriseId: ZId,
  visitedOn: dateField().transform((v, ctx): string => {
    if (!v) {
      ctx.addIssue({ code: 'custom', message: 'Required', params: { code: 'required' } });
      return z.NEVER;
    }
    return v;
  }),
  kind: codeOf(VISIT_KINDS),
  /** Users of the tenant who went; the recorder is always one of them. */
  visitorIds: z.array(ZId).max(NEED_LIMITS.visitors).optional(),
  /** Departments present at an on-site office (现场办公). */
  departmentIds: z
    .array(ZId)
    .max(NEED_LIMITS.supportingDepartments * 2)
    .optional(),
  notes: optionalText(NEED_LIMITS.notes, { fold: false, multiline: true }),
  surveyTemplateId: ZId.nullish(),
  surveyAnswers: z.record(z.string(), z.unknown()).nullish(),
  needs: z
    .array(ZNeedInput.omit({ enterpriseId: true, source: true }))
    .max(NEED_LIMITS.needsPerVisit)
    .optional(),
});
export type TVisitInput = z.input<typeof ZVisitInput>;
