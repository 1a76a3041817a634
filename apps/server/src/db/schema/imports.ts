import type { Generated } from 'kysely';

export type ImportStatus = 'uploaded' | 'checking' | 'checked' | 'running' | 'done' | 'failed';

export interface ImportJobsTable {
  tenantId: string;
  id: string;
  /** What is imported: 'enterprises' (leads, units … later). */
  kind: string;
  status: ImportStatus;
  /** The user's file name, shown and used for the report's name; never a path. */
  fileName: string;
  fileKind: 'csv' | 'xlsx';
  fileSize: number;
  storagePath: string | null;
  /** JSON of the kind's options (header row, mapping, skip or update …). */
  options: string;
  /** JSON: the header found in the file and a preview of the first rows. */
  header: string | null;
  progressBytes: Generated<number>;
  progressRows: Generated<number>;
  /** JSON counts of the last check or run. */
  summary: string | null;
  /** Why the last check or run failed (an error code, for the user's language). */
  error: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Written while a check or run goes on; a stale one means its process died. */
  heartbeatAt: string | null;
  version: number;
}

export interface ImportErrorsTable {
  tenantId: string;
  importId: string;
  rowNumber: number;
  errors: string;
  cells: string;
}
