import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { NeedSummary } from '../needs/need-types';
import type { Notification } from '../notifications/notification-types';
import { MY_WORK_KEY } from '../notifications/notifications-api';

export type OverdueKind = 'first_contact' | 'screening' | 'stale';

export interface MyFollowUp {
  leadId: string;
  companyName: string;
  stage: string;
  overdueKind: OverdueKind | null;
  overdueSince: string | null;
  nextFollowUpOn: string | null;
  dueToday: boolean;
}

export interface PendingApproval {
  id: string;
  action: string;
  leadId: string;
  companyName: string | null;
  fromStage: string | null;
  toStage: string | null;
  requestedBy: { id: string; displayName: string | null };
  requestedAt: string;
}

/** GET /api/my-work: each section says whether it applies to the user at all. */
export interface MyWork {
  today: string;
  followUps: {
    enabled: boolean;
    items: MyFollowUp[];
    total: number;
    counts: { overdue: number; firstContact: number; screening: number; stale: number; dueToday: number };
  };
  approvals: { enabled: boolean; items: PendingApproval[]; total: number };
  needs: { enabled: boolean; items: NeedSummary[]; total: number; overdue: number };
  notifications: { items: Notification[]; unread: number };
}

export const useMyWork = (enabled: boolean) =>
  useQuery({
    queryKey: MY_WORK_KEY,
    queryFn: () => api.get<MyWork>('/api/my-work'),
    enabled,
    refetchInterval: 60_000,
  });
