import { z } from 'zod';

export const ZImportIdParams = z.object({ id: z.string().min(1).max(100) });

export const ZListImportsRequest = z.object({
  kind: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TListImportsRequest = z.infer<typeof ZListImportsRequest>;

/** Check and run take the options (validated by the kind) and the version read, so two tabs cannot race. */
export const ZStartImportRequest = z.object({
  options: z.record(z.string(), z.unknown()).default({}),
  version: z.number().int().min(1),
});
export type TStartImportRequest = z.infer<typeof ZStartImportRequest>;

export const ZImportErrorsRequest = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const ZCounts = z.object({
  rows: z.number(),
  blank: z.number(),
  invalid: z.number(),
  new: z.number(),
  existing: z.number(),
  created: z.number(),
  updated: z.number(),
});

export const ZImportJob = z.object({
  id: z.string(),
  kind: z.string(),
  /** uploaded → checking → checked → running → done; or failed (see `error`). */
  status: z.enum(['uploaded', 'checking', 'checked', 'running', 'done', 'failed']),
  fileName: z.string(),
  fileKind: z.enum(['csv', 'xlsx']),
  fileSize: z.number(),
  options: z.record(z.string(), z.unknown()),
  header: z
    .object({
      headerRowNumber: z.number().nullable(),
      headers: z.array(z.string()),
      mapping: z.record(z.string(), z.string()),
      unmapped: z.array(z.string()),
      preview: z.array(z.object({ rowNumber: z.number(), cells: z.array(z.string()) })),
    })
    .nullable(),
  /** The fields a column can be mapped to, labelled in the user's language. */
  fields: z.array(z.object({ field: z.string(), label: z.string() })),
  progress: z
    .object({
      phase: z.enum(['check', 'run']),
      bytes: z.number(),
      totalBytes: z.number(),
      rows: z.number(),
      percent: z.number(),
      /** After the last row: the table indexes, then the search index, are being built. */
      stage: z.enum(['rows', 'indexes', 'search']),
    })
    .nullable(),
  summary: ZCounts.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  version: z.number(),
});
export type TImportJob = z.infer<typeof ZImportJob>;

export const ZListImportsResponse = z.object({
  items: z.array(ZImportJob),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const ZImportErrorsResponse = z.object({
  items: z.array(
    z.object({
      rowNumber: z.number(),
      /** The row is fine, but its record exists and the import skips it. */
      skippedExisting: z.boolean(),
      errors: z.array(z.object({ column: z.string(), field: z.string(), reason: z.string(), message: z.string() })),
      cells: z.array(z.union([z.string(), z.number(), z.null()])),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
