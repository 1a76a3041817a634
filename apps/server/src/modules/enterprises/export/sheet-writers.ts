import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ExportCell } from './export-columns.js';

/** Rows into a file on `out`; `write` resolves when the reader has room for more, so a slow client slows the export. */
export interface SheetWriter {
  write(rows: readonly ExportCell[][]): Promise<void>;
  /** Ends the file (and `out`). */
  finish(): Promise<void>;
}

export interface SheetOptions {
  headers: string[];
  /** Excel column widths in characters (xlsx only). */
  widths?: number[];
  /** Worksheet name (xlsx only). */
  sheetName?: string;
  /** Data rows per worksheet before the next one starts (xlsx only; Excel's limit unless told). */
  rowsPerSheet?: number;
}

/** Excel's 1,048,576 rows, less the header: a larger export continues on a second worksheet. */
export const XLSX_MAX_ROWS = 1_048_575;

/** Uncompressed sheet XML allowed to wait for the zip before the next batch waits instead. */
const XLSX_BACKLOG_BYTES = 1_000_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `out` takes writes again, or is gone (the caller then sees `out.destroyed` and stops). */
export function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** Resolves when `out` has taken the whole file; rejects when it went away before (a client that left). */
function ended(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.writableFinished) return resolve();
    const settle = (error?: Error) => {
      out.off('finish', onFinish);
      out.off('close', onClose);
      out.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onFinish = () => settle();
    const onClose = () => settle(out.writableFinished ? undefined : new Error('the reader went away'));
    out.on('finish', onFinish);
    out.on('close', onClose);
    out.on('error', settle);
  });
}

/**
 * ExcelJS's streaming writer hands the sheet XML to the zip without waiting for it (its StreamBuf ignores what
 * write() answers), so behind a slow client a whole sheet would pile up in memory. The pile sits in the zip entry's
 * input stream, the one place it can be seen; measured on ExcelJS 4.4 (see sheet-writers.test.ts).
 */
export function zipBacklog(sheet: ExcelJS.Worksheet): number {
  type Input = { writableLength?: number; _writableState?: { length?: number } };
  const input = (sheet as unknown as { _stream?: { pipes?: Input[] } })._stream?.pipes?.[0];
  return input?.writableLength ?? input?._writableState?.length ?? 0;
}

export function xlsxWriter(out: Writable, o: SheetOptions): SheetWriter {
  // No styles (a bold header costs ExcelJS a style lookup per cell: 3× slower) and no shared strings (a table in memory).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const perSheet = Math.min(o.rowsPerSheet ?? XLSX_MAX_ROWS, XLSX_MAX_ROWS);
  const name = o.sheetName ?? 'Sheet';
  let sheet: ExcelJS.Worksheet | undefined;
  let sheets = 0;
  let inSheet = 0;
  const addSheet = () => {
    sheet?.commit();
    sheets++;
    sheet = workbook.addWorksheet(sheets === 1 ? name : `${name} ${sheets}`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    if (o.widths) sheet.columns = o.widths.map((width) => ({ width }));
    sheet.addRow(o.headers).commit();
    inSheet = 0;
  };
  addSheet();
  return {
    async write(rows) {
      for (const cells of rows) {
        if (inSheet === perSheet) addSheet();
        sheet!.addRow(cells as ExportCell[]).commit();
        inSheet++;
      }
      while (!out.destroyed && zipBacklog(sheet!) > XLSX_BACKLOG_BYTES) await sleep(10);
      await drained(out);
    },
    async finish() {
      const done = ended(out);
      await Promise.all([done, workbook.commit()]);
    },
  };
}

/**
 * A csv cell as Excel should open it. Text starting with = + - @ gets a leading ' so Excel does not run it as a
 * formula (OWASP "CSV injection"); a long run of digits (a USCC of a public institution: 121200004013590816) gets a
 * leading tab, or Excel turns it into 1.212E+17 and loses the last digits (the importer trims the tab away again).
 */
export function csvCell(value: ExportCell): ExportCell {
  if (typeof value !== 'string') return value;
  if (/^[=+\-@\t\r]/.test(value)) return `'${value}`;
  if (/^\d{12,}$/.test(value)) return `\t${value}`;
  return value;
}

/** UTF-8 with a byte-order mark (without it Excel reads the file as GBK and garbles Chinese), CRLF line ends. */
export function csvWriter(out: Writable, o: SheetOptions): SheetWriter {
  const lines = (rows: readonly ExportCell[][]) =>
    Papa.unparse(
      rows.map((r) => r.map(csvCell)),
      { newline: '\r\n' },
    ) + '\r\n';
  out.write(`\uFEFF${lines([o.headers])}`);
  return {
    async write(rows) {
      if (rows.length && !out.write(lines(rows))) await drained(out);
    },
    async finish() {
      const done = ended(out);
      out.end();
      await done;
    },
  };
}
