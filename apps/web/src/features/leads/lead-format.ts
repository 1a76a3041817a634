import {
  findEntry,
  label,
  LEAD_ACTIVITY_KINDS,
  LEAD_PIPELINE_STAGES,
  LEAD_SIDE_STAGES,
  LEAD_SOURCE_CHANNELS,
  LEAD_STAGES,
  SPACE_REQUIREMENTS,
  STAGES_PAST_SIGNED,
  UNIT_TYPES,
  type DictionaryEntry,
  type LeadStage,
  type Locale,
  type Role,
} from '@kaimen/shared';
import type { I18n } from '../../i18n/I18nProvider';
import type { OverdueKind } from './lead-types';

/** The board's columns and the stage filter: the pipeline in order, then 搁置 and 流失. */
export const BOARD_STAGES: readonly LeadStage[] = [...LEAD_PIPELINE_STAGES, ...LEAD_SIDE_STAGES];

const dictLabel = (list: readonly DictionaryEntry[], code: string | null | undefined, locale: Locale): string => {
  if (!code) return '—';
  const entry = findEntry(list, code);
  return entry ? label(entry, locale) : code;
};
const options = (list: readonly DictionaryEntry[], locale: Locale) =>
  list.map((e) => ({ value: e.code, label: label(e, locale) }));

export const stageLabel = (code: string | null | undefined, locale: Locale) => dictLabel(LEAD_STAGES, code, locale);
export const channelLabel = (code: string | null | undefined, locale: Locale) =>
  dictLabel(LEAD_SOURCE_CHANNELS, code, locale);
export const unitTypeLabel = (code: string | null | undefined, locale: Locale) => dictLabel(UNIT_TYPES, code, locale);
export const requirementLabel = (code: string, locale: Locale) => dictLabel(SPACE_REQUIREMENTS, code, locale);
export const activityKindLabel = (code: string, locale: Locale) => dictLabel(LEAD_ACTIVITY_KINDS, code, locale);

export const stageOptions = (locale: Locale) =>
  BOARD_STAGES.map((code) => ({ value: code, label: stageLabel(code, locale) }));
export const channelOptions = (locale: Locale) => options(LEAD_SOURCE_CHANNELS, locale);
export const unitTypeOptions = (locale: Locale) => options(UNIT_TYPES, locale);
export const requirementOptions = (locale: Locale) => options(SPACE_REQUIREMENTS, locale);
export const activityKindOptions = (locale: Locale) => options(LEAD_ACTIVITY_KINDS, locale);

export const STAGE_COLORS: Record<LeadStage, string> = {
  lead: 'default',
  contacted: 'blue',
  negotiating: 'geekblue',
  signed: 'purple',
  registered: 'green',
  construction: 'cyan',
  operating: 'gold',
  on_hold: 'orange',
  lost: 'red',
};

export const OVERDUE_KINDS: readonly OverdueKind[] = ['first_contact', 'screening', 'stale'];
export const overdueLabel = (kind: OverdueKind, t: I18n['t']) => t(`leads.overdue.${kind}`);

/**
 * Money as an office reads a project: 5 亿元 from 1亿 up, otherwise 800 万元; English in millions of yuan.
 */
export function formatInvestment(value: number | null | undefined, { t, locale }: Pick<I18n, 't' | 'locale'>): string {
  if (value === null || value === undefined) return '—';
  const n = (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 2 });
  if (locale === 'en') return t('leads.amount.million', { value: n(value / 1_000_000) });
  return value >= 100_000_000
    ? t('leads.amount.yi', { value: n(value / 100_000_000) })
    : t('leads.amount.wan', { value: n(value / 10_000) });
}

/** Registered or beyond: the lead has (or should have) a local company. */
export const isPastSigned = (stage: LeadStage) => STAGES_PAST_SIGNED.includes(stage);

/** Who works the pipeline (moves, activities, files, edits), as the server's leads policy says. */
export const canWorkLeads = (role: Role) => role === 'admin' || role === 'investment';
export const canDecideApprovals = (role: Role) => role === 'leader';
