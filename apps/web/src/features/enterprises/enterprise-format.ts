import { ENTERPRISE_SIZES, findEntry, label, QUALIFICATIONS, type Locale } from '@kaimen/shared';
import type { I18n } from '../../i18n/I18nProvider';

/**
 * Yuan as an office reads them: Chinese in 万元 (500 万元), English in full yuan
 * (CNY 5,000,000). Both catalogs word `enterprise.amount`, each for its own unit.
 */
export function formatAmount(value: number | null | undefined, { t, locale }: Pick<I18n, 't' | 'locale'>): string {
  if (value === null || value === undefined) return '—';
  const shown =
    locale === 'zh-CN'
      ? (value / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })
      : value.toLocaleString('en', { maximumFractionDigits: 2 });
  return t('enterprise.amount', { value: shown });
}

export const formatCount = (value: number | null | undefined, locale: Locale): string =>
  value === null || value === undefined ? '—' : value.toLocaleString(locale);

const dictionaryLabel = (list: readonly { code: string; zh: string; en?: string }[], code: string, locale: Locale) => {
  const entry = findEntry(list, code);
  return entry ? label(entry, locale) : code;
};

export const sizeLabel = (size: string | null, locale: Locale): string =>
  size ? dictionaryLabel(ENTERPRISE_SIZES, size, locale) : '—';

export const sizeOptions = (locale: Locale) =>
  ENTERPRISE_SIZES.map((s) => ({ value: s.code, label: label(s, locale) }));

export const qualificationLabel = (code: string, locale: Locale): string =>
  dictionaryLabel(QUALIFICATIONS, code, locale);

export const qualificationOptions = (locale: Locale) =>
  QUALIFICATIONS.map((q) => ({ value: q.code, label: label(q, locale) }));
