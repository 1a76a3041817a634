import type { LeadActivityKindCode, LeadStage, TLeadInputRaw } from '@kaimen/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, Page } from '../../api/types';
import { uploadFile } from '../../api/upload';
import type {
  Activity,
  Approval,
  Attachment,
  BoardColumn,
  Duplicate,
  LeadDetail,
  LeadSummary,
  SavedFilter,
  TimelineEntry,
  UserRef,
} from './lead-types';

export const LEADS_KEY = ['leads'] as const;

/** Everything the pipeline screens keep in the URL: the view, then the list's filters and sort. */
export const LEAD_FILTER_KEYS = [
  'view',
  'q',
  'stage',
  'ownerId',
  'sourceChannel',
  'chainNode',
  'minInvestment',
  'maxInvestment',
  'overdue',
  'sort',
] as const;
export type LeadFilterKey = (typeof LEAD_FILTER_KEYS)[number];
export type LeadFilters = Partial<Record<LeadFilterKey, string>>;

/** The API's query: the URL's filters without the view. */
export const apiFilters = ({ view: _view, ...rest }: LeadFilters) => rest;

const leadUrl = (id: Id) => `/api/leads/${encodeURIComponent(String(id))}`;

export const useLeads = (
  filters: LeadFilters & { enterpriseId?: string; page: number; pageSize: number },
  enabled = true,
) =>
  useQuery({
    queryKey: [...LEADS_KEY, 'list', filters],
    queryFn: () => api.get<Page<LeadSummary>>('/api/leads', { ...filters }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useLeadBoard = (filters: LeadFilters, enabled = true) =>
  useQuery({
    queryKey: [...LEADS_KEY, 'board', filters],
    queryFn: () => api.get<{ columns: BoardColumn[] }>('/api/leads/board', { ...filters }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useLead = (id: Id) =>
  useQuery({ queryKey: [...LEADS_KEY, 'detail', String(id)], queryFn: () => api.get<LeadDetail>(leadUrl(id)) });

export const useLeadTimeline = (id: Id) =>
  useQuery({
    queryKey: [...LEADS_KEY, 'detail', String(id), 'timeline'],
    queryFn: async () => (await api.get<{ items: TimelineEntry[] }>(`${leadUrl(id)}/timeline`)).items,
  });

export const useLeadActivities = (id: Id) =>
  useQuery({
    queryKey: [...LEADS_KEY, 'detail', String(id), 'activities'],
    queryFn: async () => (await api.get<{ items: Activity[] }>(`${leadUrl(id)}/activities`)).items,
  });

export const useLeadApprovals = (id: Id) =>
  useQuery({
    queryKey: [...LEADS_KEY, 'detail', String(id), 'approvals'],
    queryFn: async () =>
      (await api.get<Page<Approval>>('/api/approvals', { leadId: String(id), status: 'pending' })).items,
  });

export const useLeadFiles = (id: Id) =>
  useQuery({
    queryKey: [...LEADS_KEY, 'detail', String(id), 'files'],
    queryFn: async () =>
      (await api.get<Page<Attachment>>('/api/attachments', { entityType: 'lead', entityId: String(id), pageSize: 200 }))
        .items,
  });

/** Who may own a lead (admins and investment officers): the owner filter and picker. */
export const useOwnerOptions = () =>
  useQuery({
    queryKey: [...LEADS_KEY, 'owner-options'],
    queryFn: async () => (await api.get<{ items: UserRef[] }>('/api/leads/owner-options')).items,
    staleTime: 5 * 60_000,
  });

/** Leads and local companies that look like this one; asked only once a name or USCC is typed. */
export const useDuplicates = (probe: { companyName: string; uscc: string; excludeId?: Id }) =>
  useQuery({
    queryKey: [...LEADS_KEY, 'duplicates', probe],
    queryFn: async () =>
      (
        await api.get<{ items: Duplicate[] }>('/api/leads/duplicates', {
          companyName: probe.companyName,
          uscc: probe.uscc || undefined,
          excludeId: probe.excludeId === undefined ? undefined : String(probe.excludeId),
        })
      ).items,
    enabled: probe.companyName.trim().length >= 2 || probe.uscc.trim().length >= 18,
    staleTime: 30_000,
  });

export const SAVED_FILTERS_KEY = ['saved-filters', 'leads'] as const;

export const useSavedFilters = () =>
  useQuery({
    queryKey: SAVED_FILTERS_KEY,
    queryFn: async () => (await api.get<{ items: SavedFilter[] }>('/api/saved-filters', { screen: 'leads' })).items,
  });

export function useSavedFilterMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: SAVED_FILTERS_KEY });
  return {
    save: useMutation({
      mutationFn: (body: { name: string; query: string }) =>
        api.post<SavedFilter>('/api/saved-filters', { screen: 'leads', ...body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: Id) => api.delete(`/api/saved-filters/${encodeURIComponent(String(id))}`),
      onSuccess,
    }),
  };
}

export type LeadBody = TLeadInputRaw;
/** What POST /api/leads/:id/activities takes (ZLeadActivityInput); dates as YYYY-MM-DD. */
export interface ActivityBody {
  kind: LeadActivityKindCode;
  occurredOn: string;
  subject?: string | null;
  participants?: string[];
  notes?: string | null;
  nextFollowUpOn?: string | null;
}
export interface MoveBody {
  to: LeadStage;
  comment?: string;
  lostReason?: string;
  version: number;
}

/** Every write refreshes the pipeline's lists, the board and the lead's own page. */
export function useLeadMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: LEADS_KEY });
  return {
    create: useMutation({
      mutationFn: (body: LeadBody) => api.post<LeadDetail>('/api/leads', body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: Partial<LeadBody> & { id: Id; version: number }) =>
        api.patch<LeadDetail>(leadUrl(id), patch),
      onSuccess: refresh,
    }),
    move: useMutation({
      mutationFn: ({ id, ...body }: MoveBody & { id: Id }) => api.post<LeadDetail>(`${leadUrl(id)}/move`, body),
      onSuccess: refresh,
    }),
    requestApproval: useMutation({
      mutationFn: ({ id, ...body }: { id: Id; to: LeadStage; comment?: string }) =>
        api.post<Approval>(`${leadUrl(id)}/approvals`, body),
      onSuccess: refresh,
    }),
    decide: useMutation({
      mutationFn: ({
        approvalId,
        ...body
      }: {
        approvalId: Id;
        decision: 'approved' | 'rejected';
        comment?: string;
        version: number;
      }) => api.post<Approval>(`/api/approvals/${encodeURIComponent(String(approvalId))}/decide`, body),
      onSuccess: refresh,
    }),
    withdraw: useMutation({
      mutationFn: (approvalId: Id) =>
        api.post<Approval>(`/api/approvals/${encodeURIComponent(String(approvalId))}/withdraw`),
      onSuccess: refresh,
    }),
    addActivity: useMutation({
      mutationFn: ({ id, ...body }: ActivityBody & { id: Id }) => api.post<Activity>(`${leadUrl(id)}/activities`, body),
      onSuccess: refresh,
    }),
    land: useMutation({
      mutationFn: ({ id, ...body }: { id: Id; enterpriseId?: string; uscc?: string }) =>
        api.post<{ enterpriseId: Id; created: boolean; already: boolean }>(`${leadUrl(id)}/land`, body),
      onSuccess: refresh,
    }),
    upload: useMutation({
      mutationFn: ({ id, file }: { id: Id; file: File }) =>
        uploadFile<Attachment>('/api/attachments', { entityType: 'lead', entityId: String(id) }, file),
      onSuccess: refresh,
    }),
    removeFile: useMutation({
      mutationFn: (fileId: Id) => api.delete(`/api/attachments/${encodeURIComponent(String(fileId))}`),
      onSuccess: refresh,
    }),
  };
}
