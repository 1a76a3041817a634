import { z } from 'zod';
import type { ImportHeader, ImportKind } from '../../imports/import-kind.js';
import { IMPORT_FIELDS, cellText, findHeader, type HeaderMatch, type ImportField } from './header.js';
import { processEnterpriseFile, type EnterpriseImportOptions } from './process-file.js';
import { readRows, type RawRow } from './read-rows.js';
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

const PREVIEW_ROWS = 5;
const SCAN_ROWS = 30;

const toHeader = (match: HeaderMatch, rows: RawRow[]): ImportHeader => ({
  headerRowNumber: match.headerRowNumber,
  headers: match.headers,
  mapping: match.mapping,
  unmapped: match.unmapped,
  preview: rows
    .filter((r) => r.rowNumber > match.headerRowNumber && r.cells.some((c) => cellText(c) !== ''))
    .slice(0, PREVIEW_ROWS)
    .map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map(cellText) })),
});

/** Companies from a spreadsheet: see processEnterpriseFile. */
export const enterpriseImportKind: ImportKind<EnterpriseImportOptions> = {
  kind: 'enterprises',
  entityType: 'enterprise',
  roles: ['admin', 'investment'],
  ZOptions: ZEnterpriseImportOptions as z.ZodType<EnterpriseImportOptions>,
  fields: IMPORT_FIELDS.map((field) => ({ field, label: fieldLabel(field) })),
  async inspect(file, fileKind, options) {
    const first: RawRow[] = [];
    for await (const row of readRows(file, fileKind)) {
      first.push(row);
      if (first.length >= SCAN_ROWS + PREVIEW_ROWS) break;
    }
    const match = findHeader(first, {
      scanRows: SCAN_ROWS,
      ...(options.headerRowNumber !== undefined ? { headerRowNumber: options.headerRowNumber } : {}),
      ...(options.mapping ? { mapping: options.mapping as Record<number, ImportField | null> } : {}),
    });
    if (match) return toHeader(match, first);
    return {
      headerRowNumber: null,
      headers: [],
      mapping: {},
      unmapped: [],
      preview: first.slice(0, 10).map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map(cellText) })),
    };
  },
  async process(o) {
    const result = await processEnterpriseFile(o);
    if (!result.header) return { header: null, counts: null };
    return { header: toHeader(result.header, []), counts: result.counts };
  },
};
