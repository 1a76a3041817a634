import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { DictionariesResponse, Id, NeedCategory } from '../../../api/types';

export const DICTIONARIES_KEY = ['dictionaries'] as const;

export const useDictionaries = () =>
  useQuery({ queryKey: DICTIONARIES_KEY, queryFn: () => api.get<DictionariesResponse>('/api/dictionaries') });

export interface NeedCategoryPatch {
  id: Id;
  version: number;
  slaWorkingDays?: number;
  defaultDepartmentCode?: string | null;
}

export function useUpdateNeedCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: NeedCategoryPatch) => api.patch<NeedCategory>(`/api/need-categories/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DICTIONARIES_KEY }),
  });
}
