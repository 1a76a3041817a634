import { PassThrough, type Readable } from 'node:stream';
import type { Locale } from '@kaimen/shared';
import ExcelJS from 'exceljs';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import type { ImportHeader, ImportRowError } from './import-kind.js';
import { loadImport } from './imports.service.js';

type StoredError = ImportRowError & { skipped?: boolean };

const parseErrors = (json: string) => JSON.parse(json) as StoredError[];
const parseCells = (json: string) => JSON.parse(json) as (string | number | null)[];
const text = (m: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? m.en : m.zh);

/** "列名：原因；列名：原因", what a person reads in the report's last column. */
function reasonText(errors: StoredError[], locale: Locale): string {
  const sep = locale === 'en' ? ': ' : '：';
  return errors
    .map((e) => (e.column ? `${e.column}${sep}${text(e.message, locale)}` : text(e.message, locale)))
    .join(locale === 'en' ? '; ' : '；');
}

/** A page of the bad rows of a job's last check or run, in row order. */
export async function findImportErrors(
  db: Executor,
  actor: Actor,
  id: string,
  q: { page: number; pageSize: number },
  locale: Locale,
) {
  const job = await loadImport(db, actor, id, 'read');
  const base = db.selectFrom('importErrors').where('tenantId', '=', job.tenantId).where('importId', '=', id);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('rowNumber')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map((r) => {
      const errors = parseErrors(r.errors);
      return {
        rowNumber: r.rowNumber,
        skippedExisting: errors.every((e) => e.skipped),
        errors: errors.map((e) => ({
          column: e.column,
          field: e.field,
          reason: e.reason,
          message: text(e.message, locale),
        })),
        cells: parseCells(r.cells),
      };
    }),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

const REPORT_BATCH = 1000;

/**
 * The bad rows as an xlsx to fix and upload again: the original columns with the original cells, the row number the
 * user's file gave them, and a reason column. Streamed: the workbook is written while the rows are read.
 */
export async function importReport(
  db: Executor,
  actor: Actor,
  id: string,
  locale: Locale,
): Promise<{ fileName: string; stream: Readable }> {
  const job = await loadImport(db, actor, id, 'read');
  const header = job.header ? (JSON.parse(job.header) as ImportHeader) : null;
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(locale === 'en' ? 'Rows to fix' : '问题行');
  const columns = header?.headers ?? [];
  const rowLabel = locale === 'en' ? 'Row in file' : '原文件行号';
  const reasonLabel = locale === 'en' ? 'Reason' : '错误原因';
  sheet.columns = [{ width: 12 }, ...columns.map(() => ({ width: 20 })), { width: 60 }];
  const title = sheet.addRow([rowLabel, ...columns, reasonLabel]);
  title.font = { bold: true };
  title.commit();

  void (async () => {
    let after = 0;
    for (;;) {
      const rows = await db
        .selectFrom('importErrors')
        .selectAll()
        .where('tenantId', '=', job.tenantId)
        .where('importId', '=', id)
        .where('rowNumber', '>', after)
        .orderBy('rowNumber')
        .limit(REPORT_BATCH)
        .execute();
      for (const r of rows) {
        const cells = parseCells(r.cells);
        const padded = columns.length ? columns.map((_, i) => cells[i] ?? null) : cells;
        const row = sheet.addRow([r.rowNumber, ...padded, reasonText(parseErrors(r.errors), locale)]);
        row.getCell(padded.length + 2).font = { color: { argb: 'FFC00000' } };
        row.commit();
      }
      if (rows.length < REPORT_BATCH) break;
      after = rows[rows.length - 1]!.rowNumber;
    }
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));

  const base = job.fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-${locale === 'en' ? 'errors' : '问题行'}.xlsx`, stream: out };
}
