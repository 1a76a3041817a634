import type { Locale } from '@kaimen/shared';

const STORAGE_KEY = 'kaimen.locale';

const isLocale = (value: unknown): value is Locale => value === 'zh-CN' || value === 'en';

function readStored(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current: Locale = readStored();

/** The UI language outside React (the API client sends it as Accept-Language). */
export const getLocale = (): Locale => current;

export function storeLocale(locale: Locale): void {
  current = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
}
