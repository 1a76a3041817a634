import type { Bilingual, Locale } from '@kaimen/shared';
import type ExcelJS from 'exceljs';

/**
 * One sheet of a report workbook (the pipeline's, the needs'): a bold header row in the reader's language, frozen,
 * then the rows, each column with its Excel number format.
 */
export type ReportCell = string | number | null;
export interface ReportColumn {
  header: Bilingual;
  width: number;
  /** Excel number format. */
  format?: string;
}

export const COUNT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.0%';
export const DAYS_FORMAT = '0.0';

export const textIn = (b: Bilingual, locale: Locale) => (locale === 'en' ? b.en : b.zh);

export function addReportSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: ReportColumn[],
  rows: ReportCell[][],
  locale: Locale,
  /** Also keep the first column in view (a row label, e.g. the category of a heat map). */
  freezeFirstColumn = false,
) {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, ...(freezeFirstColumn ? { xSplit: 1 } : {}) }],
  });
  sheet.columns = columns.map((c) => ({ header: textIn(c.header, locale), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  columns.forEach((c, i) => {
    if (c.format) sheet.getColumn(i + 1).eachCell((cell, n) => n > 1 && (cell.numFmt = c.format!));
  });
}
