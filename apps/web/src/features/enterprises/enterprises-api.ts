import type { TEnterpriseInputRaw } from '@kaimen/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, Page, User } from '../../api/types';
import type { EnterpriseDetail, EnterprisePage, EnterpriseSort } from './enterprise-types';

export const ENTERPRISES_KEY = ['enterprises'] as const;

export const ENTERPRISE_FILTER_KEYS = [
  'q',
  'chainNode',
  'industryCode',
  'qualification',
  'park',
  'tag',
  'size',
  'assignedOfficerId',
  'sort',
] as const;
export type EnterpriseFilterKey = (typeof ENTERPRISE_FILTER_KEYS)[number];

export type EnterpriseQuery = Partial<Record<Exclude<EnterpriseFilterKey, 'sort'>, string>> & {
  sort?: EnterpriseSort;
  /** Keyset paging of the plain list. */
  cursor?: string;
  /** Page number: a search (q) is ranked and pages by number. */
  page?: number;
  pageSize: number;
};

export const useEnterprises = (query: EnterpriseQuery) =>
  useQuery({
    queryKey: [...ENTERPRISES_KEY, 'list', query],
    queryFn: () => api.get<EnterprisePage>('/api/enterprises', { ...query }),
    placeholderData: keepPreviousData,
  });

export const useEnterprise = (id: Id | undefined) =>
  useQuery({
    queryKey: [...ENTERPRISES_KEY, 'detail', String(id)],
    queryFn: () => api.get<EnterpriseDetail>(`/api/enterprises/${encodeURIComponent(String(id))}`),
    enabled: id !== undefined,
  });

/** Service officers for the officer picker; GET /api/users answers admins and leaders only. */
export const useServiceOfficers = (enabled: boolean) =>
  useQuery({
    queryKey: ['users', 'service-officers'],
    queryFn: async () => (await api.get<Page<User>>('/api/users', { role: 'service', pageSize: 200 })).items,
    enabled,
    staleTime: 5 * 60_000,
  });

/** The JSON body of POST (PATCH takes any part of it): what ZEnterpriseInput takes, amounts and dates as text or numbers. */
export type EnterpriseBody = TEnterpriseInputRaw;

/** Create, update and delete; each refreshes lists and the record. */
export function useEnterpriseMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ENTERPRISES_KEY });
  return {
    create: useMutation({
      mutationFn: (body: EnterpriseBody) => api.post<EnterpriseDetail>('/api/enterprises', body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: Partial<EnterpriseBody> & { id: Id; version: number }) =>
        api.patch<EnterpriseDetail>(`/api/enterprises/${encodeURIComponent(String(id))}`, patch),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: Id) => api.delete(`/api/enterprises/${encodeURIComponent(String(id))}`),
      // The deleted record must not be refetched; lists are.
      onSuccess: (_data, id) => {
        queryClient.removeQueries({ queryKey: [...ENTERPRISES_KEY, 'detail', String(id)] });
        return queryClient.invalidateQueries({ queryKey: [...ENTERPRISES_KEY, 'list'] });
      },
    }),
  };
}
