import { z } from 'zod';
import type { ImportKind } from '../../imports/import-kind.js';
import { IMPORT_FIELDS, type ImportField } from './header.js';
import { processEnterpriseFile, type EnterpriseImportOptions } from './process-file.js';
import { inspectSheet, SCAN_ROWS, toHeader } from './sheet.js';
import { fieldLabel } from './validate-row.js';

const ZImportField = z.enum(IMPORT_FIELDS);

export const ZEnterpriseImportOptions = z.object({
  headerRowNumber: z.number().int().min(1).max(1000).optional(),
  /** Column index (0 = A) → field, or null to leave the column out. */
  mapping: z.record(z.string().regex(/^\d{1,4}$/), ZImportField.nullable()).optional(),
  existing: z.enum(['skip', 'update']).default('skip'),
  defaults: z
    .object({
      park: z.string().trim().max(100).optional(),
      tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
    })
    .optional(),
}) satisfies z.ZodType<EnterpriseImportOptions, unknown>;

/** Companies from a spreadsheet: see processEnterpriseFile. */
export const enterpriseImportKind: ImportKind<EnterpriseImportOptions> = {
  kind: 'enterprises',
  entityType: 'enterprise',
  roles: ['admin', 'investment'],
  ZOptions: ZEnterpriseImportOptions as z.ZodType<EnterpriseImportOptions>,
  fields: IMPORT_FIELDS.map((field) => ({ field, label: fieldLabel(field) })),
  inspect: (file, fileKind, options) =>
    inspectSheet(file, fileKind, {
      scanRows: SCAN_ROWS,
      ...(options.headerRowNumber !== undefined ? { headerRowNumber: options.headerRowNumber } : {}),
      ...(options.mapping ? { mapping: options.mapping as Record<number, ImportField | null> } : {}),
    }),
  async process(o) {
    const result = await processEnterpriseFile(o);
    if (!result.header) return { header: null, counts: null };
    return { header: toHeader(result.header, []), counts: result.counts };
  },
};
