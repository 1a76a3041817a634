import type { Locale } from '@kaimen/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { User } from '../../api/types';
import { useI18n } from '../../i18n/use-i18n';
import { ME_KEY, setMe, updateMe } from '../auth/session';

/**
 * Switches the UI language at once and, when someone is signed in, saves it to
 * their account so the server's messages and the next sign-in use it too.
 */
export function useChangeLocale(): (locale: Locale) => Promise<void> {
  const { setLocale } = useI18n();
  const queryClient = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      setLocale(locale);
      const user = queryClient.getQueryData<User | null>(ME_KEY);
      if (user && user.locale !== locale) {
        const { user: saved } = await updateMe({ locale });
        setMe(queryClient, saved);
      }
    },
    [setLocale, queryClient],
  );
}
