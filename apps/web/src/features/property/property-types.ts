import type { Id } from '../../api/types';

/** Shapes of the property API (apps/server/src/modules/property/property.schemas.ts). Dates as 'YYYY-MM-DD'. */
interface Stamps {
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Park extends Stamps {
  id: Id;
  name: string;
  address: string | null;
  notes: string | null;
}

export interface Building extends Stamps {
  id: Id;
  parkId: Id;
  name: string;
  floorCount: number;
  notes: string | null;
}

export interface Parcel extends Stamps {
  id: Id;
  code: string;
  name: string;
  /** m². */
  area: number;
  zoning: string | null;
  status: string;
  owner: string | null;
  notes: string | null;
}

/** What the parcel form sends (the outline comes from an import or the API). */
export interface ParcelBody {
  code: string;
  name: string;
  area: number;
  zoning: string | null;
  status: string;
  owner: string | null;
  notes: string | null;
}

export interface Floor extends Stamps {
  id: Id;
  buildingId: Id;
  number: number;
  label: string | null;
}

export interface Unit extends Stamps {
  id: Id;
  building: { id: Id; name: string; parkId: Id };
  floor: { id: Id; number: number; label: string | null };
  code: string;
  type: string;
  area: number;
  /** Today's: 'leased' while a lease covers the office's date, else `setStatus`. */
  status: string;
  setStatus: string;
  monthlyRentPerSqm: number | null;
  floorLoadKn: number | null;
  labWater: boolean;
  exhaust: boolean;
  cleanRoomGrade: string | null;
  gmpReady: boolean;
  envPermit: boolean;
  notes: string | null;
  /** The lead it is held for (意向). */
  reservation?: { leadId: string; companyName: string } | null;
}

export interface UnitMatch {
  unit: Unit;
  /** Why it fits, in the reader's language. */
  reasons: string[];
}

/** Land a project could build on instead (empty for roles that do not read parcels). */
export interface ParcelMatch {
  parcel: { id: Id; code: string; name: string; area: number; status: string; zoning: string | null };
  reasons: string[];
}

/** What fits a space need: units best first, and land. */
export interface SpaceMatchResult {
  need: { type?: string; area: number; tolerance: number; requirements?: string[]; availableOn: string };
  items: UnitMatch[];
  total: number;
  parcels: { items: ParcelMatch[]; total: number };
}

export interface BuildingDetail extends Building {
  floors: Floor[];
  units: Unit[];
}

export interface Lease extends Stamps {
  id: Id;
  enterprise: { id: Id; name: string };
  units: { id: Id; code: string; buildingId: Id; buildingName: string; area: number }[];
  startsOn: string;
  endsOn: string;
  terminatedOn: string | null;
  status: string;
  monthlyRent: number;
  deposit: number;
  rentFreeMonths: number;
  escalationPercent: number;
  notes: string | null;
}

export interface UnitBody {
  floorId: string;
  code: string;
  type: string;
  area: number;
  status?: string;
  monthlyRentPerSqm?: number | null;
  floorLoadKn?: number | null;
  labWater?: boolean;
  exhaust?: boolean;
  cleanRoomGrade?: string | null;
  gmpReady?: boolean;
  envPermit?: boolean;
  notes?: string | null;
}

export interface LeaseBody {
  enterpriseId: string;
  unitIds: string[];
  startsOn: string;
  endsOn: string;
  monthlyRent: number;
  deposit?: number;
  rentFreeMonths?: number;
  escalationPercent?: number;
  notes?: string | null;
}
