import { z } from 'zod';

export const ZOccupancyRequest = z.object({
  /** One park's buildings, units and leases (parcels are the office's, not a park's: always all of them). */
  parkId: z.string().max(100).optional(),
});

/** 0–1 to four places; null when there is nothing to divide by. */
const ZRate = z.number().nullable();

const ZFigures = z.object({
  units: z.number(),
  area: z.number(),
  leasedArea: z.number(),
  vacantArea: z.number(),
  reservedArea: z.number(),
  leasedUnits: z.number(),
  vacantUnits: z.number(),
  reservedUnits: z.number(),
  /** 空置 units only: reserved (意向) and fitting-out units are counted apart. */
  vacancyRate: z.object({ byArea: ZRate, byCount: ZRate }),
});

const ZLeaseUnit = z.object({ id: z.string(), code: z.string(), buildingName: z.string(), area: z.number() });

export const ZOccupancyResponse = z.object({
  /** The office's date the figures are for. */
  date: z.string(),
  total: ZFigures,
  buildings: z.array(ZFigures.extend({ id: z.string(), parkId: z.string(), name: z.string() })),
  unitTypes: z.array(ZFigures.extend({ type: z.string() })),
  parcels: z.object({
    byStatus: z.array(z.object({ status: z.string(), parcels: z.number(), area: z.number() })),
    /** 闲置 + 低效, m². */
    idleArea: z.number(),
  }),
  leasesEnding: z.object({
    within30: z.number(),
    within60: z.number(),
    within90: z.number(),
    /** The next running leases to end (within 90 days), soonest first. */
    next: z.array(
      z.object({
        id: z.string(),
        enterprise: z.object({ id: z.string(), name: z.string() }),
        units: z.array(ZLeaseUnit),
        endsOn: z.string(),
        daysLeft: z.number(),
      }),
    ),
  }),
});

const ZOutlineOut = z.object({ type: z.string(), coordinates: z.array(z.unknown()) }).nullable();

export const ZPropertyMapResponse = z.object({
  parcels: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      status: z.string(),
      area: z.number(),
      outline: ZOutlineOut,
    }),
  ),
  buildings: z.array(
    z.object({
      id: z.string(),
      parkId: z.string(),
      name: z.string(),
      outline: ZOutlineOut,
      units: z.number(),
      area: z.number(),
      vacantArea: z.number(),
      vacancyRate: ZRate,
    }),
  ),
});
