import { z } from 'zod';
import { PARCEL_STATUSES, UNIT_STATUSES, UNIT_TYPES, type DictionaryEntry } from './dictionaries.js';
import { dateField, optionalText, requiredText, typeError } from './enterprise.js';

/**
 * Property (DESIGN.md §3–4, issue 6): the input schemas the API and the web forms share, the lease statuses and the
 * one rule that derives a lease's status from its dates.
 */

export const LEASE_STATUSES = [
  { code: 'upcoming', zh: '未开始', en: 'Upcoming' },
  { code: 'active', zh: '履行中', en: 'Active' },
  { code: 'expired', zh: '已到期', en: 'Expired' },
  { code: 'terminated', zh: '已终止', en: 'Terminated' },
] as const satisfies readonly DictionaryEntry[];
export type LeaseStatus = (typeof LEASE_STATUSES)[number]['code'];

/** Statuses a property manager sets by hand: 已租 (leased) follows the leases instead. */
export const MANUAL_UNIT_STATUSES = UNIT_STATUSES.filter((s) => s.code !== 'leased');

export const PROPERTY_LIMITS = { name: 100, code: 50, text: 200, notes: 2000, unitsPerLease: 50 } as const;

/** The office's calendar date (Asia/Shanghai, no daylight saving) of an instant. */
export const officeDate = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A lease's status on an office date. Dates are inclusive; a terminated lease covers its units up to and including
 * `terminatedOn`.
 */
export function leaseStatus(
  lease: { startsOn: string; endsOn: string; terminatedOn: string | null },
  today: string,
): LeaseStatus {
  if (lease.terminatedOn !== null && lease.terminatedOn < today) return 'terminated';
  if (today < lease.startsOn) return 'upcoming';
  if (today > lease.endsOn) return 'expired';
  return 'active';
}

const codeOf = <L extends readonly DictionaryEntry[]>(list: L) =>
  z.enum(list.map((e) => e.code) as [L[number]['code'], ...L[number]['code'][]], { error: typeError });

const ZRefId = z.string({ error: typeError }).trim().min(1).max(100);
const notes = optionalText(PROPERTY_LIMITS.notes, { fold: false, multiline: true });
const area = z.number({ error: typeError }).positive().max(10_000_000);
const money = z.number({ error: typeError }).min(0).max(1e12);

const requiredDate = () =>
  dateField().transform((v, ctx): string => {
    if (!v) {
      ctx.addIssue({ code: 'custom', message: 'Required', params: { code: 'required' } });
      return z.NEVER;
    }
    return v;
  });

/** [longitude, latitude] in degrees (WGS 84, as GeoJSON says). */
const ZPosition = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const ZRing = z
  .array(ZPosition)
  .min(4)
  .max(10_000)
  .refine((r) => r[0]!.every((v, i) => v === r[r.length - 1]![i]), { message: 'A ring must end where it starts' });
const ZPolygonRings = z.array(ZRing).min(1).max(100);

/** A building's or parcel's outline: a GeoJSON Polygon or MultiPolygon geometry (RFC 7946). */
export const ZOutline = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: ZPolygonRings }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(ZPolygonRings).min(1).max(100) }),
]);
export type TOutline = z.infer<typeof ZOutline>;

export const ZParkInput = z.object({
  name: requiredText(PROPERTY_LIMITS.name),
  address: optionalText(PROPERTY_LIMITS.text),
  notes,
});

export const ZBuildingInput = z.object({
  parkId: ZRefId,
  name: requiredText(PROPERTY_LIMITS.name),
  floorCount: z.number({ error: typeError }).int().min(1).max(200),
  outline: ZOutline.nullish(),
  notes,
});

export const ZFloorInput = z.object({
  buildingId: ZRefId,
  number: z.number({ error: typeError }).int().min(-10).max(200),
  label: optionalText(PROPERTY_LIMITS.code),
});

export const ZUnitInput = z.object({
  floorId: ZRefId,
  code: requiredText(PROPERTY_LIMITS.code),
  type: codeOf(UNIT_TYPES),
  area,
  status: codeOf(MANUAL_UNIT_STATUSES).optional(),
  /** Asking rent, yuan per m² per month. */
  monthlyRentPerSqm: money.nullish(),
  /** Floor load capacity in kN/m². */
  floorLoadKn: z.number({ error: typeError }).positive().max(1000).nullish(),
  labWater: z.boolean().optional(),
  exhaust: z.boolean().optional(),
  /** e.g. ISO 7, C 级 (GMP grade). */
  cleanRoomGrade: optionalText(PROPERTY_LIMITS.code),
  gmpReady: z.boolean().optional(),
  envPermit: z.boolean().optional(),
  notes,
});
export type TUnitInput = z.input<typeof ZUnitInput>;

export const ZParcelInput = z.object({
  code: requiredText(PROPERTY_LIMITS.code),
  name: requiredText(PROPERTY_LIMITS.name),
  area,
  zoning: optionalText(PROPERTY_LIMITS.text),
  status: codeOf(PARCEL_STATUSES),
  owner: optionalText(PROPERTY_LIMITS.text),
  outline: ZOutline.nullish(),
  notes,
});

/** The lease's fields; `ZLeaseInput` adds the date rule (an update checks it against the stored dates). */
export const ZLeaseFields = z.object({
  enterpriseId: ZRefId,
  unitIds: z.array(ZRefId).min(1).max(PROPERTY_LIMITS.unitsPerLease),
  startsOn: requiredDate(),
  endsOn: requiredDate(),
  /** Yuan per month for all its units, before escalation. */
  monthlyRent: money,
  deposit: money.optional(),
  rentFreeMonths: z.number({ error: typeError }).int().min(0).max(120).optional(),
  /** Yearly increase in percent. */
  escalationPercent: z.number({ error: typeError }).min(0).max(100).optional(),
  notes,
});
export const ZLeaseInput = ZLeaseFields.superRefine((l, ctx) => {
  if (l.endsOn < l.startsOn) {
    ctx.addIssue({ code: 'custom', message: 'Ends before it starts', path: ['endsOn'], params: { code: 'invalid' } });
  }
});
export type TLeaseInput = z.input<typeof ZLeaseInput>;

export const ZLeaseTerminateInput = z.object({
  version: z.number().int().min(1),
  terminatedOn: requiredDate(),
  notes,
});
