import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { PROPERTY_KEY } from './property-api';

/** 0–1, null when there is nothing to divide by. */
export type Rate = number | null;

export interface Figures {
  units: number;
  area: number;
  leasedArea: number;
  vacantArea: number;
  reservedArea: number;
  leasedUnits: number;
  vacantUnits: number;
  reservedUnits: number;
  vacancyRate: { byArea: Rate; byCount: Rate };
}

export interface EndingLease {
  id: string;
  enterprise: { id: string; name: string };
  units: { id: string; code: string; buildingName: string; area: number }[];
  endsOn: string;
  daysLeft: number;
}

/** GET /api/property/occupancy */
export interface Occupancy {
  date: string;
  total: Figures;
  buildings: (Figures & { id: string; parkId: string; name: string })[];
  unitTypes: (Figures & { type: string })[];
  parcels: { byStatus: { status: string; parcels: number; area: number }[]; idleArea: number };
  leasesEnding: { within30: number; within60: number; within90: number; next: EndingLease[] };
}

export interface Outline {
  type: string;
  coordinates: unknown[];
}

/** GET /api/property/map */
export interface PropertyMap {
  parcels: { id: string; code: string; name: string; status: string; area: number; outline: Outline | null }[];
  buildings: {
    id: string;
    parkId: string;
    name: string;
    outline: Outline | null;
    units: number;
    area: number;
    vacantArea: number;
    vacancyRate: Rate;
  }[];
}

// Under the property key: a lease or unit change (which invalidates it) changes these figures too.
export const useOccupancy = (parkId: string | undefined) =>
  useQuery({
    queryKey: [...PROPERTY_KEY, 'occupancy', parkId ?? ''],
    queryFn: () => api.get<Occupancy>('/api/property/occupancy', { parkId }),
    placeholderData: keepPreviousData,
  });

export const usePropertyMap = () =>
  useQuery({
    queryKey: [...PROPERTY_KEY, 'map'],
    queryFn: () => api.get<PropertyMap>('/api/property/map'),
  });
