import { z } from 'zod';

const ZSort = z.enum(['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt']);

export const ZListEnterprisesRequest = z.object({
  q: z.string().trim().max(200).optional(),
  chainNode: z.string().max(100).optional(),
  industryCode: z
    .string()
    .regex(/^\d{2,4}$/)
    .optional(),
  qualification: z.string().max(40).optional(),
  park: z.string().max(100).optional(),
  assignedOfficerId: z.string().max(100).optional(),
  tag: z.string().max(30).optional(),
  size: z.enum(['micro', 'small', 'medium', 'large']).optional(),
  sort: ZSort.optional(),
  /** Keyset cursor from the previous page's `nextCursor`: stays fast at any depth. */
  cursor: z.string().max(500).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TListEnterprisesRequest = z.infer<typeof ZListEnterprisesRequest>;

const ZOfficer = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const ZEnterpriseSummary = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  industryCode: z.string().nullable(),
  park: z.string().nullable(),
  size: z.string().nullable(),
  registeredCapital: z.number().nullable(),
  foundedOn: z.string().nullable(),
  assignedOfficer: ZOfficer,
  tags: z.array(z.string()),
  qualifications: z.array(z.string()),
  chainNodes: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZEnterpriseDetail = ZEnterpriseSummary.extend({
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
  propertyUnitId: z.string().nullable(),
  businessScope: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  formerNames: z.array(z.object({ name: z.string(), untilOn: z.string().nullable() })),
  contacts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      title: z.string().nullable(),
      mobile: z.string().nullable(),
      email: z.string().nullable(),
      isPrimary: z.boolean(),
    }),
  ),
  qualificationDetails: z.array(
    z.object({
      code: z.string(),
      obtainedOn: z.string().nullable(),
      expiresOn: z.string().nullable(),
      certificateNo: z.string().nullable(),
    }),
  ),
  figures: z.array(
    z.object({
      year: z.number(),
      employees: z.number().nullable(),
      revenue: z.number().nullable(),
      rndSpend: z.number().nullable(),
      taxPaid: z.number().nullable(),
    }),
  ),
  /** Whether phone numbers and e-mail addresses above are masked for this user. */
  personalDataMasked: z.boolean(),
});
export type TEnterpriseDetail = z.infer<typeof ZEnterpriseDetail>;

export const ZListEnterprisesResponse = z.object({
  items: z.array(ZEnterpriseSummary),
  total: z.number(),
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  nextCursor: z.string().nullable(),
});

export const ZEnterpriseIdParams = z.object({ id: z.string().max(100) });
