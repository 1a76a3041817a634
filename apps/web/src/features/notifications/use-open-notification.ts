import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { useShowProblem } from '../../components/use-show-problem';
import type { Notification } from './notification-types';
import { useNotificationMutations } from './notifications-api';

/** Opening a notification marks it read and follows its link (a path inside the app only). */
export function useOpenNotification(): (n: Notification) => void {
  const navigate = useNavigate();
  const showProblem = useShowProblem();
  const { markRead } = useNotificationMutations();
  const mark = markRead.mutateAsync;
  return useCallback(
    (n: Notification) => {
      if (!n.readAt) mark(n.id).catch((error: unknown) => showProblem(error));
      if (n.link?.startsWith('/') && !n.link.startsWith('//')) void navigate(n.link);
    },
    [mark, navigate, showProblem],
  );
}
