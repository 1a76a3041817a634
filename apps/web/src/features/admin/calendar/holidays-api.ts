import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { HolidayKind, HolidayMark } from './holiday-calendar';

export const HOLIDAYS_KEY = ['holidays'] as const;

export const useHolidays = (year: number) =>
  useQuery({
    queryKey: [...HOLIDAYS_KEY, year],
    queryFn: async () => (await api.get<{ items: HolidayMark[] }>('/api/holidays', { year })).items,
  });

/** Mark a date (a weekday off, a weekend day worked) or make it an ordinary day again. */
export function useHolidayMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: HOLIDAYS_KEY });
  return {
    put: useMutation({
      mutationFn: ({ date, kind, name }: { date: string; kind: HolidayKind; name: string | null }) =>
        api.put<HolidayMark>(`/api/holidays/${date}`, { kind, name }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (date: string) => api.delete(`/api/holidays/${date}`), onSuccess }),
  };
}
