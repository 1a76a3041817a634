import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { AuditEvent, Page } from '../../../api/types';

export const AUDIT_FILTER_KEYS = ['actor', 'action', 'entityType', 'entityId', 'outcome', 'from', 'to'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

export const useAuditEvents = (query: Partial<Record<AuditFilterKey, string>> & { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<Page<AuditEvent>>('/api/audit', { ...query }),
    placeholderData: keepPreviousData,
  });
