import type { Bilingual, Role } from '@kaimen/shared';
import type { z } from 'zod';
import type { BulkTarget } from '../../db/bulk-insert.js';

/** A cell as read from a file; dates become ISO text before they reach the API. */
export type ImportCell = string | number | Date | null;

export interface ImportRowError {
  /** Header text of the column ('' when no column is to blame). */
  column: string;
  columnIndex: number | null;
  field: string;
  reason: string;
  message: Bilingual;
}

export interface ImportBadRow {
  rowNumber: number;
  errors: ImportRowError[];
  cells: ImportCell[];
  /** Not an error: the row's record exists and the import was told to skip such rows. */
  skippedExisting?: boolean;
}

/** What the first rows of a file say: the header found (or not) and a preview. */
export interface ImportHeader {
  /** null: no header recognised; the user picks the header row and maps the columns. */
  headerRowNumber: number | null;
  headers: string[];
  /** Column index → field, for the columns recognised (or mapped by the user). */
  mapping: Record<number, string>;
  /** Header texts that name no field. */
  unmapped: string[];
  /** The first rows below the header (or of the file, without one), as text. */
  preview: { rowNumber: number; cells: string[] }[];
}

export interface ImportCounts {
  rows: number;
  blank: number;
  invalid: number;
  new: number;
  existing: number;
  created: number;
  updated: number;
}

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
  /** What a run does once every row is read: building the table indexes, then the search index. */
  stage?: 'rows' | 'indexes' | 'search';
}

export interface ProcessInput<O> {
  target: BulkTarget;
  tenantId: string;
  /** Who uploaded the file (null from the command line): a kind may make them the owner of what the rows leave open. */
  userId?: string | null;
  file: string;
  fileKind: 'csv' | 'xlsx';
  options: O;
  write: boolean;
  now: string;
  onBadRows(rows: ImportBadRow[]): Promise<void>;
  onProgress?(p: ImportProgress): void;
}

/**
 * One kind of record a spreadsheet can bring in (enterprises now; leads, units and parcels later). The job machinery
 * (upload, check, run, progress, bad rows, report) is the same for every kind; a kind reads its file and writes its rows.
 */
export interface ImportKind<O extends object = object> {
  kind: string;
  /** The audit log's entity type of the records written. */
  entityType: string;
  /** Roles that may import this kind (tenant-wide: an import creates and updates any record of the tenant). */
  roles: readonly Role[];
  ZOptions: z.ZodType<O>;
  /** The fields a column can be mapped to, with their labels, for the mapping step. */
  fields: readonly { field: string; label: Bilingual }[];
  inspect(file: string, fileKind: 'csv' | 'xlsx', options: Partial<O>): Promise<ImportHeader>;
  /** One pass over the file (see processEnterpriseFile); null header: none found with these options. */
  process(o: ProcessInput<O>): Promise<{ header: ImportHeader | null; counts: ImportCounts | null }>;
}
