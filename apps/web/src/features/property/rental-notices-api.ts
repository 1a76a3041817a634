import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, Page } from '../../api/types';
import { uploadFile } from '../../api/upload';
import { PROPERTY_KEY } from './property-api';
import type { Unit } from './property-types';

/** Shapes of the rental-notice API (apps/server/src/modules/property/rental-notices.schemas.ts). */
export interface NoticeUnit {
  id: Id;
  building: { id: Id; name: string };
  floor: { number: number; label: string | null };
  code: string;
  type: string;
  area: number;
  status: string;
  /** Still offerable: vacant, not held for a lead, no lease from today on. */
  available: boolean;
  monthlyRentPerSqm: number | null;
  floorLoadKn: number | null;
  labWater: boolean;
  exhaust: boolean;
  cleanRoomGrade: string | null;
  gmpReady: boolean;
  envPermit: boolean;
}

export interface RentalNotice {
  id: Id;
  title: string;
  body: string;
  contactName: string | null;
  contactPhone: string | null;
  askingRentPerSqm: number | null;
  status: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  units: NoticeUnit[];
  totalArea: number;
  available: boolean;
  photoIds: Id[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface NoticeFields {
  title: string;
  body: string;
  contactName?: string | null;
  contactPhone?: string | null;
  askingRentPerSqm?: number | null;
}

/** Under the property key: a lease or a reservation changes whether a notice's units are still free. */
export const RENTAL_NOTICES_KEY = [...PROPERTY_KEY, 'rental-notices'] as const;
export const NOTICE_FILTER_KEYS = ['q', 'status', 'buildingId'] as const;

const url = (id: Id) => `/api/rental-notices/${encodeURIComponent(String(id))}`;

export interface NoticeQuery {
  q?: string;
  status?: string;
  buildingId?: string;
  page: number;
  pageSize: number;
}

export const useRentalNotices = (query: NoticeQuery) =>
  useQuery({
    queryKey: [...RENTAL_NOTICES_KEY, 'list', query],
    queryFn: () => api.get<Page<RentalNotice>>('/api/rental-notices', { ...query }),
    placeholderData: keepPreviousData,
  });

export const useRentalNotice = (id: Id | null) =>
  useQuery({
    queryKey: [...RENTAL_NOTICES_KEY, 'record', String(id)],
    queryFn: () => api.get<RentalNotice>(url(id!)),
    enabled: id !== null,
  });

/** The units a notice may offer: the building's vacant ones (the server refuses any taken since). */
export const useVacantUnits = (buildingId: string | undefined) =>
  useQuery({
    queryKey: [...PROPERTY_KEY, 'units', buildingId ?? '', 'vacant'],
    queryFn: async () =>
      (await api.get<Page<Unit>>('/api/units', { buildingId, status: 'vacant', pageSize: 200, sort: 'code' })).items,
    enabled: Boolean(buildingId),
  });

export const photoUrl = (id: Id) => `/api/attachments/${encodeURIComponent(String(id))}`;

export function useRentalNoticeMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: RENTAL_NOTICES_KEY });
  return {
    create: useMutation({
      mutationFn: (body: NoticeFields & { unitIds: string[] }) => api.post<RentalNotice>('/api/rental-notices', body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: Partial<NoticeFields> & { id: Id; version: number }) =>
        api.patch<RentalNotice>(url(id), body),
      onSuccess,
    }),
    publish: useMutation({
      mutationFn: (n: { id: Id; version: number }) =>
        api.post<RentalNotice>(`${url(n.id)}/publish`, { version: n.version }),
      onSuccess,
    }),
    withdraw: useMutation({
      mutationFn: (n: { id: Id; version: number; reason: string }) =>
        api.post<RentalNotice>(`${url(n.id)}/withdraw`, { version: n.version, reason: n.reason }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: Id) => api.delete(url(id)), onSuccess }),
    uploadPhoto: useMutation({
      mutationFn: ({ id, file }: { id: Id; file: File }) =>
        uploadFile('/api/attachments', { entityType: 'rental-notice', entityId: String(id) }, file),
      onSuccess,
    }),
    removePhoto: useMutation({ mutationFn: (photoId: Id) => api.delete(photoUrl(photoId)), onSuccess }),
  };
}
