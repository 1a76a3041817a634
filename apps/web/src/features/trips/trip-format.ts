import { findEntry, label, LEAD_STAGES, type Locale, type Role } from '@kaimen/shared';
import type { I18n } from '../../i18n/I18nProvider';

/** Who may plan trips, record meetings and create leads from them, as the server's trip policy says. */
export const canWriteTrips = (role: Role): boolean => role === 'admin' || role === 'investment';

export const tripDates = (trip: { startsOn: string; endsOn: string }, t: I18n['t']): string =>
  trip.startsOn === trip.endsOn ? trip.startsOn : t('trips.dateRange', { start: trip.startsOn, end: trip.endsOn });

export const stageLabel = (code: string, locale: Locale): string => {
  const entry = findEntry(LEAD_STAGES, code);
  return entry ? label(entry, locale) : code;
};
