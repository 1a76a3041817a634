import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, Page } from '../../api/types';
import { LEASES_KEY, PROPERTY_KEY } from './property-api';

/** Shapes of the incubator API (apps/server/src/modules/property/incubator.schemas.ts). Dates as 'YYYY-MM-DD'. */
export interface UnitRef {
  id: Id;
  code: string;
  buildingId: Id;
  buildingName: string;
}

export interface Incubatee {
  id: Id;
  enterprise: { id: Id; name: string };
  unit: UnitRef | null;
  desk: string | null;
  entryDate: string;
  plannedExitDate: string | null;
  mentor: string | null;
  status: string;
  graduatedOn: string | null;
  leftOn: string | null;
  graduationUnit: UnitRef | null;
  graduationLeaseId: Id | null;
  leftReason: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface IncubateeBody {
  enterpriseId: string;
  unitId?: string | null;
  desk?: string | null;
  entryDate: string;
  plannedExitDate?: string | null;
  mentor?: string | null;
  notes?: string | null;
}

export interface GraduateBody {
  version: number;
  graduatedOn?: string;
  unitIds: string[];
  startsOn: string;
  endsOn: string;
  monthlyRent: number;
  deposit?: number;
  rentFreeMonths?: number;
  escalationPercent?: number;
}

export const INCUBATEES_KEY = ['incubatees'] as const;
export const INCUBATOR_FILTER_KEYS = ['q', 'status'] as const;

const url = (id: Id) => `/api/incubatees/${encodeURIComponent(String(id))}`;

export interface IncubateeQuery {
  q?: string;
  status?: string;
  enterpriseId?: string;
  page: number;
  pageSize: number;
}

export const useIncubatees = (query: IncubateeQuery, enabled = true) =>
  useQuery({
    queryKey: [...INCUBATEES_KEY, 'list', query],
    queryFn: () => api.get<Page<Incubatee>>('/api/incubatees', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });

/** Every write refreshes the incubator, and a graduation the leases and the units it lets as well. */
export function useIncubatorMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () =>
    Promise.all(
      [INCUBATEES_KEY, PROPERTY_KEY, LEASES_KEY].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    ).then(() => undefined);
  return {
    create: useMutation({
      mutationFn: (body: IncubateeBody) => api.post<Incubatee>('/api/incubatees', body),
      onSuccess,
    }),
    graduate: useMutation({
      mutationFn: ({ id, ...body }: GraduateBody & { id: Id }) => api.post<Incubatee>(`${url(id)}/graduate`, body),
      onSuccess,
    }),
    leave: useMutation({
      mutationFn: ({ id, ...body }: { id: Id; version: number; leftOn?: string; reason: string }) =>
        api.post<Incubatee>(`${url(id)}/leave`, body),
      onSuccess,
    }),
  };
}
