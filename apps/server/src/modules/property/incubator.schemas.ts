import { INCUBATEE_STATUSES, ZIncubateeFields, ZListQuery, ZVersion, listResponse } from '@kaimen/shared';
import { z } from 'zod';

export const ZUpdateIncubateeRequest = ZIncubateeFields.omit({ enterpriseId: true }).partial().extend({
  version: ZVersion,
});

export const ZListIncubateesRequest = ZListQuery.extend({
  status: z.enum(INCUBATEE_STATUSES.map((s) => s.code) as [string, ...string[]]).optional(),
  enterpriseId: z.string().max(100).optional(),
  unitId: z.string().max(100).optional(),
  sort: z.enum(['entryDate', '-entryDate']).optional(),
});
export type TListIncubateesRequest = z.infer<typeof ZListIncubateesRequest>;

const ZUnitRef = z.object({ id: z.string(), code: z.string(), buildingId: z.string(), buildingName: z.string() });

export const ZIncubatee = z.object({
  id: z.string(),
  enterprise: z.object({ id: z.string(), name: z.string() }),
  unit: ZUnitRef.nullable(),
  desk: z.string().nullable(),
  entryDate: z.string(),
  plannedExitDate: z.string().nullable(),
  mentor: z.string().nullable(),
  status: z.string(),
  graduatedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  graduationUnit: ZUnitRef.nullable(),
  graduationLeaseId: z.string().nullable(),
  leftReason: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZListIncubateesResponse = listResponse(ZIncubatee);
