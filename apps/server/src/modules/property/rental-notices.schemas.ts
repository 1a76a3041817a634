import { RENTAL_NOTICE_STATUSES, ZListQuery, ZRentalNoticeFields, ZVersion, listResponse } from '@kaimen/shared';
import { z } from 'zod';

export const ZUpdateRentalNoticeRequest = ZRentalNoticeFields.partial().extend({ version: ZVersion });
export const ZRentalNoticeVersion = z.object({ version: ZVersion });

export const ZListRentalNoticesRequest = ZListQuery.extend({
  status: z.enum(RENTAL_NOTICE_STATUSES.map((s) => s.code) as [string, ...string[]]).optional(),
  /** Notices with a unit in this building. */
  buildingId: z.string().max(100).optional(),
  sort: z.enum(['createdAt', '-createdAt', 'publishedAt', '-publishedAt']).optional(),
});
export type TListRentalNoticesRequest = z.infer<typeof ZListRentalNoticesRequest>;

export const ZPublishedFeedRequest = ZListQuery.pick({ page: true, pageSize: true });
export type TPublishedFeedRequest = z.infer<typeof ZPublishedFeedRequest>;

/** A unit as a notice shows it: where it is, what it is, and whether it is still free today. */
export const ZRentalNoticeUnit = z.object({
  id: z.string(),
  building: z.object({ id: z.string(), name: z.string() }),
  floor: z.object({ number: z.number(), label: z.string().nullable() }),
  code: z.string(),
  type: z.string(),
  area: z.number(),
  /** The unit's status today ('leased' while a lease covers the office's date). */
  status: z.string(),
  /** Still offerable: vacant, not held for a lead, and no lease from today on. */
  available: z.boolean(),
  monthlyRentPerSqm: z.number().nullable(),
  floorLoadKn: z.number().nullable(),
  labWater: z.boolean(),
  exhaust: z.boolean(),
  cleanRoomGrade: z.string().nullable(),
  gmpReady: z.boolean(),
  envPermit: z.boolean(),
});

export const ZRentalNotice = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  askingRentPerSqm: z.number().nullable(),
  status: z.string(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  units: z.array(ZRentalNoticeUnit),
  totalArea: z.number(),
  /** Every unit is still offerable: a published notice with a taken unit drops out of the portal feed. */
  available: z.boolean(),
  /** Photo attachment ids, oldest first. */
  photoIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZListRentalNoticesResponse = listResponse(ZRentalNotice);

/** What the public portal renders: no workflow fields, only the offer. */
export const ZPublishedRentalNotice = ZRentalNotice.pick({
  id: true,
  title: true,
  body: true,
  contactName: true,
  contactPhone: true,
  askingRentPerSqm: true,
  publishedAt: true,
  units: true,
  totalArea: true,
  photoIds: true,
});
export const ZPublishedFeedResponse = listResponse(ZPublishedRentalNotice);
