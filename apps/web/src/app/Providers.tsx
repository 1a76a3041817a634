import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useState, type ReactNode } from 'react';
import { configureClient, isApiError } from '../api/client';
import { ME_KEY, markSessionEnded } from '../features/auth/session';
import { I18nProvider } from '../i18n/I18nProvider';
import { getLocale } from '../i18n/locale-store';
import { useI18n } from '../i18n/use-i18n';

function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // A problem answer (4xx) will not change on retry; only network or 5xx errors are retried.
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
  configureClient({
    getLocale,
    onUnauthenticated: () => {
      if (client.getQueryData(ME_KEY)) markSessionEnded();
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      client.setQueryData(ME_KEY, null);
    },
    // A fresh /me says totpEnrolmentRequired, and the guard sends the user to enrol.
    onEnrolmentRequired: () => void client.invalidateQueries({ queryKey: ME_KEY }),
  });
  return client;
}

function AntdConfig({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#c8102e' } }}
      // Buttons read exactly as the catalogs write them ("保存", not "保 存"), for screen readers too.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        <AntdConfig>{children}</AntdConfig>
      </I18nProvider>
    </QueryClientProvider>
  );
}
