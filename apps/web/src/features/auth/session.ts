import type { Locale } from '@kaimen/shared';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import type { Session, User } from '../../api/types';

export const ME_KEY = ['auth', 'me'] as const;

/** Set when the server ends a session we had, so the login page can say why it is shown. */
let endedByServer = false;
export const markSessionEnded = (): void => {
  endedByServer = true;
};
export const takeSessionEnded = (): boolean => {
  const ended = endedByServer;
  endedByServer = false;
  return ended;
};

export async function fetchMe(): Promise<User | null> {
  try {
    return (await api.get<Session>('/api/auth/me')).user;
  } catch (error) {
    if (isApiError(error) && (error.status === 401 || error.code === 'account-disabled')) return null;
    throw error;
  }
}

export const useMe = () => useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });

/** The signed-in user; only for components rendered inside RequireAuth. */
export function useUser(): User {
  const { data } = useMe();
  if (!data) throw new Error('useUser outside RequireAuth');
  return data;
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

export const login = (input: LoginInput) => api.post<Session>('/api/auth/login', input);

export const logout = () => api.post<void>('/api/auth/logout');

export const updateMe = (patch: { locale?: Locale; displayName?: string }) =>
  api.patch<{ user: User }>('/api/auth/me', patch);

export const setMe = (client: QueryClient, user: User | null): void => {
  client.setQueryData(ME_KEY, user);
};
