import { z } from 'zod';
import { ZListEnterprisesRequest } from '../enterprises.schemas.js';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The list's filters and sort, without paging (the export is the whole filtered list), and the file format. */
export const ZExportEnterprisesRequest = ZListEnterprisesRequest.omit({
  cursor: true,
  page: true,
  pageSize: true,
}).extend({ format: z.enum(EXPORT_FORMATS).default('xlsx') });
export type TExportEnterprisesRequest = z.infer<typeof ZExportEnterprisesRequest>;
export type TExportFilters = Omit<TExportEnterprisesRequest, 'format'>;
