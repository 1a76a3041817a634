import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { uploadFile } from '../../api/upload';
import { isWorking, type ImportBadRow, type ImportJob, type ImportOptions } from './import-types';

export const IMPORTS_KEY = ['imports'] as const;
const jobPath = (id: string) => `/api/imports/${encodeURIComponent(id)}`;

/** Recent imports of a kind (mine; an admin's: the tenant's). Refreshes while one of them works. */
export const useImports = (kind: string) =>
  useQuery({
    queryKey: [...IMPORTS_KEY, 'list', kind],
    queryFn: () => api.get<Page<ImportJob>>('/api/imports', { kind, pageSize: 10 }),
    refetchInterval: (q) => (q.state.data?.items.some((j) => isWorking(j.status)) ? 2000 : false),
  });

/** One import; polled every second while it checks or runs, so the page shows its progress. */
export const useImport = (id: string) =>
  useQuery({
    queryKey: [...IMPORTS_KEY, 'job', id],
    queryFn: () => api.get<ImportJob>(jobPath(id)),
    refetchInterval: (q) => (isWorking(q.state.data?.status) ? 1000 : false),
  });

export const useImportErrors = (id: string, page: number, pageSize: number, enabled: boolean) =>
  useQuery({
    queryKey: [...IMPORTS_KEY, 'errors', id, page, pageSize],
    queryFn: () => api.get<Page<ImportBadRow>>(`${jobPath(id)}/errors`, { page, pageSize }),
    enabled,
    placeholderData: keepPreviousData,
  });

export function useImportMutations() {
  const queryClient = useQueryClient();
  const refresh = (job: ImportJob) => {
    queryClient.setQueryData([...IMPORTS_KEY, 'job', job.id], job);
    void queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'list'] });
    void queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'errors', job.id] });
  };
  return {
    upload: useMutation({
      mutationFn: (o: {
        kind: string;
        /** Options known at upload (the building a units import goes into). */
        options?: Record<string, unknown>;
        file: File;
        onProgress: (sent: number, total: number) => void;
      }) =>
        uploadFile<ImportJob>(
          '/api/imports',
          { kind: o.kind, ...(o.options ? { options: JSON.stringify(o.options) } : {}) },
          o.file,
          o.onProgress,
        ),
      onSuccess: refresh,
    }),
    start: useMutation({
      mutationFn: (o: { job: ImportJob; phase: 'check' | 'run'; options: ImportOptions }) =>
        api.post<ImportJob>(`${jobPath(o.job.id)}/${o.phase}`, { options: o.options, version: o.job.version }),
      onSuccess: refresh,
    }),
    cancel: useMutation({
      mutationFn: (job: ImportJob) => api.post<ImportJob>(`${jobPath(job.id)}/cancel`),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (job: ImportJob) => api.delete(jobPath(job.id)),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'list'] }),
    }),
  };
}

export const importReportPath = (id: string) => `${jobPath(id)}/report`;
