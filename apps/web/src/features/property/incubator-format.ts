import { findEntry, INCUBATEE_STATUSES, label, type Locale } from '@kaimen/shared';
import type { Incubatee, UnitRef } from './incubator-api';

export const incubateeStatusLabel = (code: string, locale: Locale): string => {
  const entry = findEntry(INCUBATEE_STATUSES, code);
  return entry ? label(entry, locale) : code;
};

export const incubateeStatusOptions = (locale: Locale) =>
  INCUBATEE_STATUSES.map((e) => ({ value: e.code, label: label(e, locale) }));

export const INCUBATEE_STATUS_COLORS: Record<string, string> = {
  incubating: 'green',
  graduated: 'blue',
  left: 'default',
};

export const unitText = (u: UnitRef | null): string => (u ? `${u.buildingName} ${u.code}` : '—');

/** Where the company sits: the unit, and the desk within it. */
export const placeText = (i: Pick<Incubatee, 'unit' | 'desk'>): string =>
  [i.unit ? unitText(i.unit) : null, i.desk].filter(Boolean).join(' · ') || '—';
