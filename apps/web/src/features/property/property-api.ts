import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, Page } from '../../api/types';
import type {
  Building,
  BuildingDetail,
  Floor,
  Lease,
  LeaseBody,
  Parcel,
  ParcelBody,
  Park,
  Unit,
  UnitBody,
} from './property-types';

export const PROPERTY_KEY = ['property'] as const;
export const LEASES_KEY = ['leases'] as const;

export const LEASE_FILTER_KEYS = ['q', 'status'] as const;
export const PARCEL_FILTER_KEYS = ['q', 'status'] as const;

const url = (base: string, id: Id) => `${base}/${encodeURIComponent(String(id))}`;

export const useParks = () =>
  useQuery({
    queryKey: [...PROPERTY_KEY, 'parks'],
    queryFn: async () => (await api.get<{ items: Park[] }>('/api/parks')).items,
  });

export const useBuildings = () =>
  useQuery({
    queryKey: [...PROPERTY_KEY, 'buildings'],
    queryFn: async () => (await api.get<{ items: Building[] }>('/api/buildings')).items,
  });

export const useBuilding = (id: Id) =>
  useQuery({
    queryKey: [...PROPERTY_KEY, 'building', String(id)],
    queryFn: () => api.get<BuildingDetail>(url('/api/buildings', id)),
  });

/** The units one may lease, of one building (the server caps a page at 200). */
export const useParcels = (query: { q?: string; status?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...PROPERTY_KEY, 'parcels', query],
    queryFn: () => api.get<Page<Parcel>>('/api/parcels', { ...query }),
    placeholderData: keepPreviousData,
  });

export const useBuildingUnits = (buildingId: string | undefined) =>
  useQuery({
    queryKey: [...PROPERTY_KEY, 'units', buildingId ?? ''],
    queryFn: async () => (await api.get<Page<Unit>>('/api/units', { buildingId, pageSize: 200, sort: 'code' })).items,
    enabled: Boolean(buildingId),
  });

export interface LeaseQuery {
  q?: string;
  status?: string;
  unitId?: string;
  enterpriseId?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

export const useLeases = (query: LeaseQuery, enabled = true) =>
  useQuery({
    queryKey: [...LEASES_KEY, 'list', query],
    queryFn: () => api.get<Page<Lease>>('/api/leases', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });

/** Every write refreshes the inventory and the leases: a lease changes what a unit is today. */
export function usePropertyMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: PROPERTY_KEY }),
      queryClient.invalidateQueries({ queryKey: LEASES_KEY }),
    ]).then(() => undefined);
  return {
    createPark: useMutation({
      mutationFn: (body: { name: string; address?: string | null }) => api.post<Park>('/api/parks', body),
      onSuccess,
    }),
    createBuilding: useMutation({
      mutationFn: (body: { parkId: string; name: string; floorCount: number }) =>
        api.post<Building>('/api/buildings', body),
      onSuccess,
    }),
    updatePark: useMutation({
      mutationFn: ({ id, ...patch }: { id: Id; version: number; name: string; address: string | null }) =>
        api.patch<Park>(url('/api/parks', id), patch),
      onSuccess,
    }),
    updateBuilding: useMutation({
      mutationFn: ({ id, ...patch }: { id: Id; version: number; name: string; floorCount: number }) =>
        api.patch<Building>(url('/api/buildings', id), patch),
      onSuccess,
    }),
    /** A park without buildings, a building without units: otherwise refused (409) with the reason. */
    deletePark: useMutation({
      mutationFn: ({ id, version }: { id: Id; version: number }) =>
        api.delete(`${url('/api/parks', id)}?version=${version}`),
      onSuccess,
    }),
    deleteBuilding: useMutation({
      mutationFn: ({ id, version }: { id: Id; version: number }) =>
        api.delete(`${url('/api/buildings', id)}?version=${version}`),
      onSuccess,
    }),
    createParcel: useMutation({ mutationFn: (body: ParcelBody) => api.post<Parcel>('/api/parcels', body), onSuccess }),
    updateParcel: useMutation({
      mutationFn: ({ id, ...patch }: ParcelBody & { id: Id; version: number }) =>
        api.patch<Parcel>(url('/api/parcels', id), patch),
      onSuccess,
    }),
    deleteParcel: useMutation({
      mutationFn: ({ id, version }: { id: Id; version: number }) =>
        api.delete(`${url('/api/parcels', id)}?version=${version}`),
      onSuccess,
    }),
    createFloor: useMutation({
      mutationFn: (body: { buildingId: string; number: number; label?: string | null }) =>
        api.post<Floor>('/api/floors', body),
      onSuccess,
    }),
    createUnit: useMutation({ mutationFn: (body: UnitBody) => api.post<Unit>('/api/units', body), onSuccess }),
    updateUnit: useMutation({
      mutationFn: ({ id, ...patch }: Omit<UnitBody, 'floorId'> & { id: Id; version: number }) =>
        api.patch<Unit>(url('/api/units', id), patch),
      onSuccess,
    }),
    /** A unit entered by mistake: refused (409, with the reason) once it has a lease or a hold. */
    deleteUnit: useMutation({
      mutationFn: ({ id, version }: { id: Id; version: number }) =>
        api.delete(`${url('/api/units', id)}?version=${version}`),
      onSuccess,
    }),
    createLease: useMutation({ mutationFn: (body: LeaseBody) => api.post<Lease>('/api/leases', body), onSuccess }),
    updateLease: useMutation({
      mutationFn: ({ id, ...patch }: Omit<LeaseBody, 'enterpriseId'> & { id: Id; version: number }) =>
        api.patch<Lease>(url('/api/leases', id), patch),
      onSuccess,
    }),
    terminateLease: useMutation({
      mutationFn: ({ id, ...body }: { id: Id; version: number; terminatedOn: string }) =>
        api.post<Lease>(`${url('/api/leases', id)}/terminate`, body),
      onSuccess,
    }),
  };
}
