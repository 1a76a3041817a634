import type { Writable } from 'node:stream';
import type { Locale } from '@kaimen/shared';
import type { AuditInput } from '../../audit/audit.repository.js';
import { cellsOf, EXPORT_COLUMNS, headersOf } from './export-columns.js';
import type { ExportRows } from './export-rows.js';
import type { ExportFormat, TExportFilters } from './export.schemas.js';
import { csvWriter, xlsxWriter } from './sheet-writers.js';

export interface ExportSummary {
  format: ExportFormat;
  filters: TExportFilters;
  rows: number;
  /** Rows whose contacts' phones and e-mails are in the file unmasked. */
  unmaskedRows: number;
  truncated: boolean;
}

export interface WriteExportOptions {
  format: ExportFormat;
  filters: TExportFilters;
  locale: Locale;
  /** Records the export's audit event; `failed` when the file broke off (an error, a client that left). */
  audit: (event: AuditInput) => Promise<void>;
  rowsPerSheet?: number;
}

/** The one audit event of an export: what was asked for, how many rows left, and whether personal data did. */
export function exportAuditEvent(s: ExportSummary, outcome: 'ok' | 'failed'): AuditInput {
  return {
    action: 'export',
    entityType: 'enterprise',
    entityId: null,
    outcome,
    after: { format: s.format, filters: s.filters, rows: s.rows, unmaskedRows: s.unmaskedRows, truncated: s.truncated },
    detail: s.unmaskedRows > 0 ? 'unmasked' : 'masked',
  };
}

/**
 * Streams the rows into `out` as xlsx or csv. The audit event is written before the file's last bytes, so no export
 * completes unrecorded; a file that breaks off is recorded as failed, with the rows that had left, and `out` destroyed.
 */
export async function writeExport(out: Writable, rows: ExportRows, o: WriteExportOptions): Promise<ExportSummary> {
  const options = {
    headers: headersOf(o.locale),
    widths: EXPORT_COLUMNS.map((c) => c.width),
    sheetName: o.locale === 'en' ? 'Enterprises' : '企业名录',
    ...(o.rowsPerSheet ? { rowsPerSheet: o.rowsPerSheet } : {}),
  };
  const writer = o.format === 'xlsx' ? xlsxWriter(out, options) : csvWriter(out, options);
  const summary: ExportSummary = {
    format: o.format,
    filters: o.filters,
    rows: 0,
    unmaskedRows: 0,
    truncated: rows.truncated,
  };
  let audited = false;
  try {
    for await (const batch of rows.batches) {
      if (out.destroyed) throw new Error('the reader went away');
      await writer.write(batch.map((r) => cellsOf(r, o.locale)));
      summary.rows += batch.length;
      summary.unmaskedRows += batch.filter((r) => !r.personalDataMasked).length;
    }
    if (out.destroyed) throw new Error('the reader went away');
    await o.audit(exportAuditEvent(summary, 'ok'));
    audited = true;
    await writer.finish();
    return summary;
  } catch (error) {
    if (!audited) await o.audit(exportAuditEvent(summary, 'failed')).catch(() => undefined);
    // The caller hears of the error from the promise; on a stream nobody listens to it must not crash the process.
    out.on('error', () => undefined);
    out.destroy(error as Error);
    throw error;
  }
}
