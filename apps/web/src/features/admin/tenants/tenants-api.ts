import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Id, Page, Tenant } from '../../../api/types';

const KEY = ['platform', 'tenants'] as const;

export const useTenants = () =>
  useQuery({ queryKey: KEY, queryFn: () => api.get<Page<Tenant>>('/api/platform/tenants', { pageSize: 200 }) });

export interface CreateTenantInput {
  slug: string;
  name: string;
  adminUsername: string;
  adminPassword: string;
  adminDisplayName?: string;
}

export function useTenantMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: KEY });
  return {
    create: useMutation({
      mutationFn: (input: CreateTenantInput) => api.post<Tenant>('/api/platform/tenants', input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: { id: Id; version: number; name?: string; disabled?: boolean }) =>
        api.patch<Tenant>(`/api/platform/tenants/${id}`, patch),
      onSuccess,
    }),
  };
}
