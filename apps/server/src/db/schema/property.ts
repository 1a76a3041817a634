import type { Generated } from 'kysely';

interface Stamps {
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A park (园区) of the office. */
export interface ParksTable extends Stamps {
  tenantId: string;
  id: string;
  name: string;
  address: string | null;
  notes: string | null;
}

export interface BuildingsTable extends Stamps {
  tenantId: string;
  id: string;
  parkId: string;
  name: string;
  floorCount: number;
  /** GeoJSON Polygon or MultiPolygon, as text. */
  outline: string | null;
  notes: string | null;
}

export interface FloorsTable extends Stamps {
  tenantId: string;
  id: string;
  buildingId: string;
  number: number;
  label: string | null;
}

/** A lettable unit; `status` is the one set by hand, 'leased' is computed from the leases. */
export interface UnitsTable extends Stamps {
  tenantId: string;
  id: string;
  buildingId: string;
  floorId: string;
  code: string;
  type: string;
  area: number;
  status: string;
  /** Yuan per m² per month. */
  monthlyRentPerSqm: number | null;
  floorLoadKn: number | null;
  labWater: Generated<number>;
  exhaust: Generated<number>;
  cleanRoomGrade: string | null;
  gmpReady: Generated<number>;
  envPermit: Generated<number>;
  notes: string | null;
}

/** A land parcel (地块). */
export interface ParcelsTable extends Stamps {
  tenantId: string;
  id: string;
  code: string;
  name: string;
  area: number;
  zoning: string | null;
  status: string;
  owner: string | null;
  outline: string | null;
  notes: string | null;
}

export interface LeasesTable extends Stamps {
  tenantId: string;
  id: string;
  enterpriseId: string;
  startsOn: string;
  endsOn: string;
  monthlyRent: number;
  deposit: number;
  rentFreeMonths: number;
  escalationPercent: number;
  notes: string | null;
  terminatedOn: string | null;
  createdBy: string | null;
}

export interface LeaseUnitsTable {
  tenantId: string;
  leaseId: string;
  unitId: string;
}

/** A unit held for a lead (意向); open while `releasedAt` is null. */
export interface UnitReservationsTable {
  tenantId: string;
  id: string;
  unitId: string;
  leadId: string;
  note: string | null;
  reservedBy: string;
  reservedAt: string;
  releasedAt: string | null;
}
