import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Page } from '../../../api/types';

export const WEBHOOK_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

/** One message to a department's robot (GET /api/webhook-deliveries). */
export interface WebhookDelivery {
  id: string;
  departmentId: string | null;
  departmentName: string | null;
  event: string;
  status: WebhookStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

export const WEBHOOK_FILTER_KEYS = ['status', 'departmentId'] as const;
export type WebhookFilterKey = (typeof WEBHOOK_FILTER_KEYS)[number];

const KEY = ['webhook-deliveries'] as const;

export const useWebhookDeliveries = (
  query: Partial<Record<WebhookFilterKey, string>> & { page: number; pageSize: number },
) =>
  useQuery({
    queryKey: [...KEY, query],
    queryFn: () => api.get<Page<WebhookDelivery>>('/api/webhook-deliveries', { ...query }),
    placeholderData: keepPreviousData,
  });

/** Puts a failed message back in the queue; the log refreshes. */
export function useRetryWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<WebhookDelivery>(`/api/webhook-deliveries/${encodeURIComponent(id)}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
