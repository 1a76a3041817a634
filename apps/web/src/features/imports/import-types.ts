/** GET /api/imports/:id (see the server's imports.schemas.ts). */
export type ImportStatus = 'uploaded' | 'checking' | 'checked' | 'running' | 'done' | 'failed';

export interface ImportCounts {
  rows: number;
  blank: number;
  invalid: number;
  new: number;
  existing: number;
  created: number;
  updated: number;
}

export interface ImportHeader {
  headerRowNumber: number | null;
  headers: string[];
  mapping: Record<string, string>;
  unmapped: string[];
  preview: { rowNumber: number; cells: string[] }[];
}

export interface ImportOptions {
  headerRowNumber?: number;
  mapping?: Record<string, string | null>;
  existing?: 'skip' | 'update';
  /** Units only: import into this building (rows need no building column). */
  buildingId?: string;
}

export interface ImportJob {
  id: string;
  kind: string;
  status: ImportStatus;
  fileName: string;
  fileKind: 'csv' | 'xlsx';
  fileSize: number;
  options: ImportOptions;
  header: ImportHeader | null;
  fields: { field: string; label: string }[];
  progress: {
    phase: 'check' | 'run';
    bytes: number;
    totalBytes: number;
    rows: number;
    percent: number;
    stage: 'rows' | 'indexes' | 'search';
  } | null;
  summary: ImportCounts | null;
  error: { code: string; message: string } | null;
  createdBy: { id: string; displayName: string };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  version: number;
}

export interface ImportBadRow {
  rowNumber: number;
  skippedExisting: boolean;
  errors: { column: string; field: string; reason: string; message: string }[];
  cells: (string | number | null)[];
}

export const isWorking = (status: ImportStatus | undefined): boolean => status === 'checking' || status === 'running';
