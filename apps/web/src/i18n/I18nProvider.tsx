import type { Locale } from '@kaimen/shared';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { getLocale, storeLocale } from './locale-store';
import { zhCN, type MessageKey } from './zh-CN';

type Params = Record<string, string | number>;

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** Message from the catalog of the current language, with `{name}` placeholders filled. */
  t: (key: MessageKey, params?: Params) => string;
  /** For keys built at run time (dictionary names): the fallback when the catalog lacks them. */
  tx: (key: string, fallback: string) => string;
}

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

const fill = (text: string, params?: Params): string =>
  params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;

export const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(getLocale);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const catalog = CATALOGS[locale];
    return {
      locale,
      setLocale,
      t: (key, params) => fill(catalog[key], params),
      tx: (key, fallback) => (key in catalog ? catalog[key as MessageKey] : fallback),
    };
  }, [locale, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
