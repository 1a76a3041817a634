import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Notification, NotificationPage } from './notification-types';

export const NOTIFICATIONS_KEY = ['notifications'] as const;
/** 工作台 shows notifications too: it refreshes with them. */
export const MY_WORK_KEY = ['my-work'] as const;
const UNREAD_POLL_MS = 60_000;

/** The bell's number, polled every minute (and on focus). */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread-count'],
    queryFn: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
    refetchInterval: UNREAD_POLL_MS,
    enabled,
  });

/** The latest few, read or not, for the bell's popover; fetched when it opens. */
export const useLatestNotifications = (enabled: boolean, pageSize = 10) =>
  useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'latest', pageSize],
    queryFn: () => api.get<NotificationPage>('/api/notifications', { pageSize }),
    enabled,
    staleTime: 0,
  });

export function useNotificationMutations() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    void queryClient.invalidateQueries({ queryKey: MY_WORK_KEY });
  };
  return {
    markRead: useMutation({
      mutationFn: (id: string) => api.post<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`),
      onSuccess: refresh,
    }),
    markAllRead: useMutation({
      mutationFn: () => api.post<{ marked: number; unread: number }>('/api/notifications/read-all'),
      onSuccess: refresh,
    }),
  };
}
