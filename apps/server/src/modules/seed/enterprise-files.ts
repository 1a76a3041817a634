import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ENTERPRISE_SIZES, QUALIFICATIONS, type TEnterpriseInput } from '@kaimen/shared';
import ExcelJS from 'exceljs';
import { FIGURE_YEARS, generateEnterprises, type GenerateOptions } from './enterprise-generator.js';

/**
 * Generated companies as the spreadsheets offices keep: Chinese headers the importer recognises (import/header.ts),
 * amounts in 万元, the yearly figures as `2024年营业收入（万元）` columns, lists joined with 、, one contact per row.
 * Both writers stream, so a million rows take the memory of a few thousand.
 */

type Value = string | number | Date | null;

export interface FileColumn {
  header: string;
  value(e: TEnterpriseInput, kind: 'csv' | 'xlsx'): Value;
}

const SIZE_ZH = new Map<string, string>(ENTERPRISE_SIZES.map((s) => [s.code, s.zh]));
const QUALIFICATION_ZH = new Map<string, string>(QUALIFICATIONS.map((q) => [q.code, q.zh]));
const list = (items: readonly string[] | undefined) => (items?.length ? items.join('、') : null);
/** Yuan as 万元: whole yuan, so at most four decimals, and the importer's rounding gives the same yuan back. */
const wan = (yuan: number | null | undefined) => (yuan == null ? null : yuan / 10_000);
const contact = (e: TEnterpriseInput) => e.contacts?.[0];
const figure = (e: TEnterpriseInput, year: number) => e.figures?.find((f) => f.year === year);

export const ENTERPRISE_FILE_COLUMNS: readonly FileColumn[] = [
  { header: '统一社会信用代码', value: (e) => e.uscc },
  { header: '企业名称', value: (e) => e.name },
  { header: '曾用名', value: (e) => list(e.formerNames) },
  { header: '法定代表人', value: (e) => e.legalRepresentative ?? null },
  { header: '注册资本（万元）', value: (e) => wan(e.registeredCapital) },
  {
    header: '成立日期',
    // A date cell in a spreadsheet, text in a csv: what offices' files hold.
    value: (e, kind) => (e.foundedOn && kind === 'xlsx' ? new Date(`${e.foundedOn}T00:00:00Z`) : (e.foundedOn ?? null)),
  },
  { header: '注册地址', value: (e) => e.address ?? null },
  { header: '所属园区', value: (e) => e.park ?? null },
  { header: '行业代码', value: (e) => e.industryCode ?? null },
  { header: '经营范围', value: (e) => e.businessScope ?? null },
  { header: '企业规模', value: (e) => (e.size ? (SIZE_ZH.get(e.size) ?? e.size) : null) },
  { header: '网站', value: (e) => e.website ?? null },
  { header: '标签', value: (e) => list(e.tags) },
  { header: '企业资质', value: (e) => list(e.qualifications?.map((q) => QUALIFICATION_ZH.get(q.code) ?? q.code)) },
  { header: '产业链环节', value: (e) => list(e.chainNodeCodes) },
  { header: '联系人', value: (e) => contact(e)?.name ?? null },
  { header: '职务', value: (e) => contact(e)?.title ?? null },
  { header: '手机号码', value: (e) => contact(e)?.mobile ?? null },
  { header: '电子邮箱', value: (e) => contact(e)?.email ?? null },
  ...[...FIGURE_YEARS].reverse().flatMap((y): FileColumn[] => [
    { header: `${y}年从业人数`, value: (e) => figure(e, y)?.employees ?? null },
    { header: `${y}年营业收入（万元）`, value: (e) => wan(figure(e, y)?.revenue) },
    { header: `${y}年研发投入（万元）`, value: (e) => wan(figure(e, y)?.rndSpend) },
    { header: `${y}年纳税额（万元）`, value: (e) => wan(figure(e, y)?.taxPaid) },
  ]),
];

export interface FileOptions extends GenerateOptions {
  /** A title row above the header, as offices' sheets often have (`2024年度园区企业名录`). */
  title?: string;
}

function csvField(v: Value): string {
  if (v === null) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes `count` generated rows as a UTF-8 csv (with BOM, as Excel saves it); resolves when the file is closed. */
export async function writeEnterpriseCsv(file: string, o: FileOptions): Promise<void> {
  const out = fs.createWriteStream(file);
  const line = (values: Value[]) => `${values.map(csvField).join(',')}\r\n`;
  let chunk = '\ufeff';
  if (o.title) chunk += line([o.title]);
  chunk += line(ENTERPRISE_FILE_COLUMNS.map((c) => c.header));
  for (const e of generateEnterprises(o)) {
    chunk += line(ENTERPRISE_FILE_COLUMNS.map((c) => c.value(e, 'csv')));
    // Back-pressure: wait for the disk when the stream's buffer is full.
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
}

/** Rows between looks at the zip stream's buffer. */
const XLSX_ROWS_PER_CHECK = 200;

/**
 * Writes `count` generated rows as an xlsx with ExcelJS's streaming writer: inline strings (a shared-string table of a
 * million rows would live in memory), each row committed as it is written.
 */
export async function writeEnterpriseXlsx(file: string, o: FileOptions): Promise<void> {
  const out = fs.createWriteStream(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('企业名录');
  if (o.title) {
    const title = sheet.addRow([o.title]);
    sheet.mergeCells(1, 1, 1, ENTERPRISE_FILE_COLUMNS.length);
    title.commit();
  }
  sheet.addRow(ENTERPRISE_FILE_COLUMNS.map((c) => c.header)).commit();
  let n = 0;
  for (const e of generateEnterprises(o)) {
    sheet.addRow(ENTERPRISE_FILE_COLUMNS.map((c) => c.value(e, 'xlsx'))).commit();
    if (++n % XLSX_ROWS_PER_CHECK === 0) await drained(sheet);
  }
  sheet.commit();
  await workbook.commit();
  await finished(out);
}

interface PipeState {
  once(event: 'drain', listener: () => void): unknown;
  writableNeedDrain?: boolean;
  /** readable-stream 2 (archiver's), which predates `writableNeedDrain`. */
  _writableState?: { needDrain?: boolean };
}

/**
 * Waits while the sheet's data waits to be compressed. ExcelJS's sheet stream writes on without looking at
 * back-pressure, into a PassThrough that archiver drains only as fast as it deflates; left alone, a million rows pile
 * up there (500 MB at 300,000 rows). So: wait for that PassThrough to drain. It is an ExcelJS internal; without it,
 * this is one turn of the event loop.
 */
async function drained(sheet: ExcelJS.Worksheet): Promise<void> {
  const pipe = (sheet as unknown as { stream?: { pipes?: PipeState[] } }).stream?.pipes?.[0];
  if (pipe && (pipe.writableNeedDrain ?? pipe._writableState?.needDrain)) {
    await new Promise<void>((resolve) => pipe.once('drain', resolve));
  } else {
    await nextTurn();
  }
}
