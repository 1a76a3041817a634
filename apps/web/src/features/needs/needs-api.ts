import type { TNeedInput } from '@kaimen/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { NeedActionBody, NeedDetail, NeedSummary } from './need-types';

export const NEEDS_KEY = ['needs'] as const;

/** What the needs list keeps in the URL. */
export const NEED_FILTER_KEYS = [
  'view',
  'q',
  'status',
  'category',
  'departmentId',
  'overdue',
  'urgency',
  'source',
  'sort',
] as const;
export type NeedFilterKey = (typeof NEED_FILTER_KEYS)[number];
export type NeedFilters = Partial<Record<NeedFilterKey, string>>;

export const needPath = (id: string) => `/needs/${encodeURIComponent(id)}`;
const needUrl = (id: string) => `/api/needs/${encodeURIComponent(id)}`;

/** The API's query: the queue view becomes `queue=mine`. */
export const needQuery = ({ view, ...rest }: NeedFilters) => ({
  ...rest,
  ...(view === 'all' ? {} : { queue: 'mine' }),
});

export const useNeeds = (filters: NeedFilters & { enterpriseId?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...NEEDS_KEY, 'list', filters],
    queryFn: () => api.get<Page<NeedSummary>>('/api/needs', needQuery(filters)),
    placeholderData: keepPreviousData,
  });

export const useNeed = (id: string) =>
  useQuery({ queryKey: [...NEEDS_KEY, 'one', id], queryFn: () => api.get<NeedDetail>(needUrl(id)) });

export function useNeedMutations(id?: string) {
  const queryClient = useQueryClient();
  const done = (need: NeedDetail) => {
    queryClient.setQueryData([...NEEDS_KEY, 'one', need.id], need);
    void queryClient.invalidateQueries({ queryKey: [...NEEDS_KEY, 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
  return {
    create: useMutation({
      mutationFn: (input: TNeedInput) => api.post<NeedDetail>('/api/needs', input),
      onSuccess: done,
    }),
    act: useMutation({
      mutationFn: (body: NeedActionBody) => api.post<NeedDetail>(`${needUrl(id!)}/actions`, body),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: (body: { version: number; urgency?: string; supportingDepartmentIds?: string[] }) =>
        api.patch<NeedDetail>(needUrl(id!), body),
      onSuccess: done,
    }),
  };
}
