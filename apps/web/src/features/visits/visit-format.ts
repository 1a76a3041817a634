import {
  findEntry,
  label,
  NEED_CATEGORIES,
  NEED_STATUSES,
  NEED_URGENCIES,
  VISIT_KINDS,
  type Locale,
  type Role,
} from '@kaimen/shared';
import type { Id, NeedCategory, User } from '../../api/types';
import type { SurveyQuestion, VisitSummary } from './visit-types';

/** Who records visits, as the server's visit policy says (an officer: for the companies assigned to them). */
export const canRecordVisits = (role: Role): boolean => role === 'admin' || role === 'service';

/** Only who recorded a visit, or an admin, changes it; only an admin deletes one, and only when it raised no needs. */
export const canEditVisit = (user: Pick<User, 'id' | 'role'>, visit: Pick<VisitSummary, 'createdBy'>): boolean =>
  user.role === 'admin' || (user.role === 'service' && String(visit.createdBy?.id) === String(user.id));
export const canDeleteVisit = (role: Role, visit: Pick<VisitSummary, 'needCount'>): boolean =>
  role === 'admin' && visit.needCount === 0;

export const visitPath = (id: Id): string => `/visits/${encodeURIComponent(String(id))}`;
/** The need's page belongs to the needs screens; a visit only links to it. */
export const needPath = (id: Id): string => `/needs/${encodeURIComponent(String(id))}`;

const dictLabel = (list: readonly { code: string; zh: string; en?: string }[], code: string, locale: Locale) => {
  const entry = findEntry(list, code);
  return entry ? label(entry, locale) : code;
};

export const kindLabel = (code: string, locale: Locale): string => dictLabel(VISIT_KINDS, code, locale);
export const KIND_COLORS: Record<string, string> = { visit: 'blue', survey: 'purple', onsite_office: 'gold' };
export const kindOptions = (locale: Locale) => VISIT_KINDS.map((k) => ({ value: k.code, label: label(k, locale) }));

export const urgencyLabel = (code: string, locale: Locale): string => dictLabel(NEED_URGENCIES, code, locale);
export const URGENCY_COLORS: Record<string, string> = { normal: 'default', urgent: 'orange', critical: 'red' };
export const urgencyOptions = (locale: Locale) =>
  NEED_URGENCIES.map((u) => ({ value: u.code, label: label(u, locale) }));

export const needStatusLabel = (code: string, locale: Locale): string => dictLabel(NEED_STATUSES, code, locale);
const STATUS_COLORS: Record<string, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  in_progress: 'processing',
  resolved: 'green',
  confirmed: 'success',
  closed: 'default',
  returned: 'orange',
};
/** Red whenever the need is overdue or escalated, whatever its status. */
export const needStatusColor = (status: string, overdue: boolean): string =>
  overdue ? 'red' : (STATUS_COLORS[status] ?? 'default');

/** A category's name: the tenant's own label (admins may rename them), else the shared dictionary's. */
export function categoryName(code: string, categories: readonly NeedCategory[] | undefined, locale: Locale): string {
  const own = categories?.find((c) => c.code === code);
  if (own) return label({ zh: own.nameZh, en: own.nameEn || undefined }, locale);
  return dictLabel(NEED_CATEGORIES, code, locale);
}

/** An answer as text; a rating as "4 / 5" (the page draws stars beside it). */
export function answerText(question: Pick<SurveyQuestion, 'type'>, value: unknown, locale: Locale): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return '—';
  }
  if (Array.isArray(value)) return value.map(String).join(locale === 'en' ? ', ' : '、');
  if (question.type === 'rating' && typeof value === 'number') return `${value} / 5`;
  if (typeof value === 'number') return value.toLocaleString(locale === 'en' ? 'en' : 'zh-CN');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The first line of the notes, cut to `max` characters. */
export function excerpt(text: string | null, max = 40): string {
  if (!text) return '';
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** A share as a whole percentage ("—" when there is nothing to share). */
export const percent = (part: number, whole: number): string =>
  whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
