import {
  LEASE_STATUSES,
  PARCEL_STATUSES,
  UNIT_STATUSES,
  UNIT_TYPES,
  ZBuildingInput,
  ZLeaseFields,
  ZListQuery,
  ZParcelInput,
  ZParkInput,
  ZUnitInput,
  ZVersion,
  listResponse,
} from '@kaimen/shared';
import { z } from 'zod';

export const ZPropertyIdParams = z.object({ id: z.string().min(1).max(100) });
/** A delete names the version the user saw, as an edit does. */
export const ZDeleteRequest = z.object({ version: z.coerce.number().int().positive() });

const codes = (list: readonly { code: string }[]) => z.enum(list.map((e) => e.code) as [string, ...string[]]);
/** A yes/no filter as query-string text. */
const ZFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const ZUpdateParkRequest = ZParkInput.partial().extend({ version: ZVersion });
export const ZUpdateBuildingRequest = ZBuildingInput.omit({ parkId: true }).partial().extend({ version: ZVersion });
export const ZUpdateUnitRequest = ZUnitInput.omit({ floorId: true }).partial().extend({ version: ZVersion });
export const ZUpdateParcelRequest = ZParcelInput.partial().extend({ version: ZVersion });
export const ZUpdateLeaseRequest = ZLeaseFields.omit({ enterpriseId: true }).partial().extend({ version: ZVersion });

export const ZListBuildingsRequest = z.object({ parkId: z.string().max(100).optional() });

export const ZListUnitsRequest = ZListQuery.extend({
  type: codes(UNIT_TYPES).optional(),
  status: codes(UNIT_STATUSES).optional(),
  minArea: z.coerce.number().min(0).optional(),
  maxArea: z.coerce.number().min(0).optional(),
  buildingId: z.string().max(100).optional(),
  parkId: z.string().max(100).optional(),
  minFloorLoadKn: z.coerce.number().min(0).optional(),
  labWater: ZFlag,
  exhaust: ZFlag,
  gmpReady: ZFlag,
  envPermit: ZFlag,
  cleanRoomGrade: z.string().trim().max(50).optional(),
  /** Units held for this lead. */
  reservedFor: z.string().max(100).optional(),
  sort: z.enum(['code', '-code', 'area', '-area', 'rent', '-rent']).optional(),
});
export type TListUnitsRequest = z.infer<typeof ZListUnitsRequest>;

export const ZListParcelsRequest = ZListQuery.extend({
  status: codes(PARCEL_STATUSES).optional(),
  sort: z.enum(['code', '-code', 'area', '-area']).optional(),
});
export type TListParcelsRequest = z.infer<typeof ZListParcelsRequest>;

export const ZListLeasesRequest = ZListQuery.extend({
  enterpriseId: z.string().max(100).optional(),
  unitId: z.string().max(100).optional(),
  status: codes(LEASE_STATUSES).optional(),
  sort: z.enum(['startsOn', '-startsOn', 'endsOn', '-endsOn']).optional(),
});
export type TListLeasesRequest = z.infer<typeof ZListLeasesRequest>;

const stamps = { createdAt: z.string(), updatedAt: z.string(), version: z.number() };
/** As stored: the input schema checks it, a response schema only describes it. */
const ZOutlineOut = z.object({ type: z.string(), coordinates: z.array(z.unknown()) }).nullable();

export const ZPark = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  ...stamps,
});

export const ZFloor = z.object({
  id: z.string(),
  buildingId: z.string(),
  number: z.number(),
  label: z.string().nullable(),
  ...stamps,
});

export const ZUnit = z.object({
  id: z.string(),
  building: z.object({ id: z.string(), name: z.string(), parkId: z.string() }),
  floor: z.object({ id: z.string(), number: z.number(), label: z.string().nullable() }),
  code: z.string(),
  type: z.string(),
  area: z.number(),
  /** What the unit is today: 'leased' while a lease covers the office's date, else `setStatus`. */
  status: z.string(),
  /** The status the property manager set. */
  setStatus: z.string(),
  monthlyRentPerSqm: z.number().nullable(),
  floorLoadKn: z.number().nullable(),
  labWater: z.boolean(),
  exhaust: z.boolean(),
  cleanRoomGrade: z.string().nullable(),
  gmpReady: z.boolean(),
  envPermit: z.boolean(),
  notes: z.string().nullable(),
  reservation: z.object({ leadId: z.string(), companyName: z.string() }).nullable(),
  ...stamps,
});

export const ZBuilding = z.object({
  id: z.string(),
  parkId: z.string(),
  name: z.string(),
  floorCount: z.number(),
  outline: ZOutlineOut,
  notes: z.string().nullable(),
  ...stamps,
});
export const ZBuildingDetail = ZBuilding.extend({ floors: z.array(ZFloor), units: z.array(ZUnit) });

export const ZParcel = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  area: z.number(),
  zoning: z.string().nullable(),
  status: z.string(),
  owner: z.string().nullable(),
  outline: ZOutlineOut,
  notes: z.string().nullable(),
  ...stamps,
});

export const ZLease = z.object({
  id: z.string(),
  enterprise: z.object({ id: z.string(), name: z.string() }),
  units: z.array(
    z.object({ id: z.string(), code: z.string(), buildingId: z.string(), buildingName: z.string(), area: z.number() }),
  ),
  startsOn: z.string(),
  endsOn: z.string(),
  terminatedOn: z.string().nullable(),
  /** From the dates, on the office's date. */
  status: z.string(),
  monthlyRent: z.number(),
  deposit: z.number(),
  rentFreeMonths: z.number(),
  escalationPercent: z.number(),
  notes: z.string().nullable(),
  ...stamps,
});

export const ZListUnitsResponse = listResponse(ZUnit);
export const ZListParcelsResponse = listResponse(ZParcel);
export const ZListLeasesResponse = listResponse(ZLease);

export const ZMatchResponse = z.object({
  need: z.object({
    type: z.string().optional(),
    area: z.number(),
    tolerance: z.number(),
    requirements: z.array(z.string()).optional(),
    availableOn: z.string(),
    leadId: z.string().optional(),
  }),
  /** Best first, each with the reasons it fits (in the reader's language). */
  items: z.array(z.object({ unit: ZUnit, reasons: z.array(z.string()) })),
  total: z.number(),
  /** Land to build on instead, for the readers of parcels (empty for the others). */
  parcels: z.object({ items: z.array(z.object({ parcel: ZParcel, reasons: z.array(z.string()) })), total: z.number() }),
});
