import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Department, Id } from '../../../api/types';

export const DEPARTMENTS_KEY = ['departments'] as const;

export const useDepartments = (enabled = true) =>
  useQuery({
    queryKey: DEPARTMENTS_KEY,
    queryFn: async () => (await api.get<{ items: Department[] }>('/api/departments')).items,
    enabled,
  });

export interface DepartmentInput {
  code: string;
  nameZh: string;
  nameEn: string;
  sort?: number;
  /** The group robot's URL; null removes it. */
  webhookUrl?: string | null;
}

/** Create, update and delete; each refreshes the department list. */
export function useDepartmentMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY });
  return {
    create: useMutation({
      mutationFn: (input: DepartmentInput) => api.post<Department>('/api/departments', input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({
        id,
        ...patch
      }: {
        id: Id;
        version: number;
        nameZh?: string;
        nameEn?: string;
        sort?: number;
        webhookUrl?: string | null;
      }) => api.patch<Department>(`/api/departments/${id}`, patch),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: Id) => api.delete(`/api/departments/${id}`),
      onSuccess,
    }),
  };
}
