import { findEntry, label, LEAD_STAGES, type Locale } from '@kaimen/shared';

export const stageLabel = (code: string | null, locale: Locale): string => {
  if (!code) return '—';
  const entry = findEntry(LEAD_STAGES, code);
  return entry ? label(entry, locale) : code;
};
