import { enterpriseIssues, label, ZSurveyTemplateInput, type Locale, type SurveyQuestionType } from '@kaimen/shared';
import type { FieldIssue } from '../../enterprises/enterprise-validation';
import type { SurveyQuestion, SurveyTemplate } from '../../visits/visit-types';

export interface QuestionFormRow {
  /** Kept from the saved template (answers are stored by it); a new row gets one when added. */
  id?: string;
  type?: SurveyQuestionType;
  label?: string;
  options?: string[];
  required?: boolean;
}

export interface SurveyFormValues {
  name?: string;
  active?: boolean;
  questions?: QuestionFormRow[];
}

export interface SurveyTemplateBody {
  name: string;
  active: boolean;
  questions: SurveyQuestion[];
}

export const takesOptions = (type: string | undefined): boolean => type === 'single' || type === 'multi';

/** The first of q1, q2, … that no question uses yet. */
export function nextQuestionId(taken: Iterable<string | undefined>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
}

/** Options as typed: trimmed, blanks and repeats dropped, in the order given. */
const cleanOptions = (options: readonly string[] | undefined): string[] => [
  ...new Set((options ?? []).map((o) => o.trim()).filter(Boolean)),
];

/** The body of POST/PUT /api/survey-templates; only choice questions carry options. */
export function toTemplateBody(values: SurveyFormValues): SurveyTemplateBody {
  const rows = values.questions ?? [];
  const ids: (string | undefined)[] = rows.map((r) => r.id);
  const questions = rows.map((row): SurveyQuestion => {
    const id = row.id ?? nextQuestionId(ids);
    if (!row.id) ids.push(id);
    const type = row.type ?? 'text';
    return {
      id,
      type,
      label: row.label ?? '',
      ...(takesOptions(type) ? { options: cleanOptions(row.options) } : {}),
      required: !!row.required,
    };
  });
  return { name: values.name ?? '', active: values.active ?? true, questions };
}

export function toSurveyFormValues(template: SurveyTemplate): SurveyFormValues {
  return {
    name: template.name,
    active: template.active,
    questions: template.questions.map((q) => ({
      id: q.id,
      type: q.type,
      label: q.label,
      options: q.options ?? [],
      required: !!q.required,
    })),
  };
}

/** 'questions.0.options' → ['questions', 0, 'options']: Form.List numbers its rows. */
export const numberedPath = (path: readonly string[]): (string | number)[] =>
  path.map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Checks the body with the API's own schema; a choice without options gets `optionsMessage`. */
export function templateIssues(body: SurveyTemplateBody, locale: Locale, optionsMessage: string): FieldIssue[] {
  const parsed = ZSurveyTemplateInput.safeParse(body);
  if (parsed.success) return [];
  return enterpriseIssues(parsed.error).map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    return { path, message: path.at(-1) === 'options' ? optionsMessage : label(issue.message, locale) };
  });
}
