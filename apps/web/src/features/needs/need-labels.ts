import {
  label,
  NEED_CATEGORIES,
  NEED_SOURCES,
  NEED_STATUSES,
  NEED_URGENCIES,
  SATISFACTION,
  type DictionaryEntry,
  type Locale,
} from '@kaimen/shared';
import { useDictionaries } from '../admin/dictionaries/dictionaries-api';
import { useI18n } from '../../i18n/use-i18n';

const of = (list: readonly DictionaryEntry[], code: string | null | undefined, locale: Locale) => {
  const e = list.find((x) => x.code === code);
  return e ? label(e, locale) : (code ?? '');
};

/** The labels of a need's codes in the user's language; categories come from the tenant (its admin may add some). */
export function useNeedLabels() {
  const { locale } = useI18n();
  const dictionaries = useDictionaries();
  const categories = dictionaries.data?.needCategories ?? [];
  return {
    locale,
    categories,
    category: (code: string) => {
      const c = categories.find((x) => x.code === code);
      return c ? label({ zh: c.nameZh, en: c.nameEn }, locale) : of(NEED_CATEGORIES, code, locale);
    },
    status: (code: string) => of(NEED_STATUSES, code, locale),
    urgency: (code: string) => of(NEED_URGENCIES, code, locale),
    source: (code: string) => of(NEED_SOURCES, code, locale),
    satisfaction: (code: string | null) => (code ? of(SATISFACTION, code, locale) : ''),
  };
}
