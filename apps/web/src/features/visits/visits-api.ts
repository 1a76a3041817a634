import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, Page } from '../../api/types';
import type {
  Coverage,
  SurveyTemplate,
  VisitBody,
  VisitDetail,
  VisitPatch,
  VisitSort,
  VisitSummary,
} from './visit-types';

export const VISITS_KEY = ['visits'] as const;
export const SURVEY_TEMPLATES_KEY = ['survey-templates'] as const;

/** The list's filters kept in the URL; `mine` stands for "visits I went on" (the API's userId). */
export const VISIT_FILTER_KEYS = ['q', 'kind', 'from', 'to', 'mine', 'sort'] as const;
export type VisitFilterKey = (typeof VISIT_FILTER_KEYS)[number];

export interface VisitQuery {
  q?: string;
  kind?: string;
  from?: string;
  to?: string;
  userId?: string;
  enterpriseId?: string;
  sort?: VisitSort;
  page: number;
  pageSize: number;
}

export const COVERAGE_FILTER_KEYS = ['year', 'park', 'officerId'] as const;
export type CoverageFilterKey = (typeof COVERAGE_FILTER_KEYS)[number];
export type CoverageQuery = { year: number; park?: string; officerId?: string };

const visitUrl = (id: Id) => `/api/visits/${encodeURIComponent(String(id))}`;

export const useVisits = (query: VisitQuery) =>
  useQuery({
    queryKey: [...VISITS_KEY, 'list', query],
    queryFn: () => api.get<Page<VisitSummary>>('/api/visits', { ...query }),
    placeholderData: keepPreviousData,
  });

export const useVisit = (id: Id) =>
  useQuery({ queryKey: [...VISITS_KEY, 'detail', String(id)], queryFn: () => api.get<VisitDetail>(visitUrl(id)) });

export const useCoverage = (query: CoverageQuery) =>
  useQuery({
    queryKey: [...VISITS_KEY, 'coverage', query],
    queryFn: () => api.get<Coverage>('/api/visits/coverage', { ...query }),
    placeholderData: keepPreviousData,
  });

/** The companies one may record a visit for: a service officer's own (the server refuses the others). */
export const useSurveyTemplates = (enabled = true) =>
  useQuery({
    queryKey: SURVEY_TEMPLATES_KEY,
    queryFn: async () => (await api.get<{ items: SurveyTemplate[] }>('/api/survey-templates')).items,
    enabled,
    staleTime: 60_000,
  });

/** Each write refreshes the lists and coverage; a visit's own page gets the answer directly. */
export function useVisitMutations() {
  const queryClient = useQueryClient();
  const refreshLists = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [...VISITS_KEY, 'list'] }),
      queryClient.invalidateQueries({ queryKey: [...VISITS_KEY, 'coverage'] }),
      // A visit can raise needs: the needs screens list them.
      queryClient.invalidateQueries({ queryKey: ['needs'] }),
    ]).then(() => undefined);
  const putPage = (visit: VisitDetail) => {
    queryClient.setQueryData([...VISITS_KEY, 'detail', String(visit.id)], visit);
    return refreshLists();
  };
  return {
    create: useMutation({
      mutationFn: (body: VisitBody) => api.post<VisitDetail>('/api/visits', body),
      onSuccess: putPage,
    }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: VisitPatch & { id: Id; version: number }) =>
        api.patch<VisitDetail>(visitUrl(id), patch),
      onSuccess: putPage,
    }),
    remove: useMutation({
      mutationFn: (id: Id) => api.delete(visitUrl(id)),
      onSuccess: (_data, id) => {
        queryClient.removeQueries({ queryKey: [...VISITS_KEY, 'detail', String(id)] });
        return refreshLists();
      },
    }),
  };
}

/** The yearly visit targets (admin): the tenant's default and one company's own (null: back to the default). */
export function useVisitPlanMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: [...VISITS_KEY, 'coverage'] });
  return {
    setDefault: useMutation({
      mutationFn: (yearlyVisitTarget: number) =>
        api.put<{ yearlyVisitTarget: number }>('/api/visits/plan', { yearlyVisitTarget }),
      onSuccess,
    }),
    setCompany: useMutation({
      mutationFn: ({ id, yearlyVisitTarget }: { id: Id; yearlyVisitTarget: number | null }) =>
        api.put<{ yearlyVisitTarget: number | null }>(
          `/api/visits/plan/enterprises/${encodeURIComponent(String(id))}`,
          { yearlyVisitTarget },
        ),
      onSuccess,
    }),
  };
}
