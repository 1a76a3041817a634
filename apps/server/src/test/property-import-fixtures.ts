import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { multipart, type Client } from './helper.js';

/** Spreadsheets and job helpers for the units and parcels import tests. */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Row = (string | number | null)[];

const HEADER = [
  '序号',
  '园区',
  '楼宇',
  '楼层',
  '房号',
  '类型',
  '面积（㎡）',
  '状态',
  '租金（元/㎡·月）',
  '承重（kN/㎡）',
  '实验室给排水',
  '排风',
  '洁净等级',
  'GMP',
  '环评',
  '备注',
];

/** A rent-control sheet as offices keep it: a merged title row and a blank row above the header. */
export async function unitsSheet(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('房源台账');
  ws.addRow(['2026年 载体房源台账']);
  ws.mergeCells('A1:P1');
  ws.addRow([]);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row: the place, the unit, then the rest of the columns from `more` (状态 onwards). */
export const unitRow = (
  n: number,
  park: string | null,
  building: string,
  floor: string | number,
  code: string,
  type: string,
  area: string | number,
  ...more: Row
): Row => [n, park, building, floor, code, type, area, ...more];

export const uploadImport = (c: Client, kind: string, content: Buffer, name = '台账.xlsx') =>
  c.inject({ method: 'POST', url: '/api/imports', ...multipart({ kind }, { name, content, type: XLSX }) });

/** Starts a check or run and waits for it to end (the test's timeout is the limit). */
export async function runImport(c: Client, id: string, phase: 'check' | 'run', options: object = {}) {
  const job = (await c.get(`/api/imports/${id}`)).json();
  const res = await c.post(`/api/imports/${id}/${phase}`, { options, version: job.version });
  expect(res.statusCode, res.body).toBe(202);
  for (;;) {
    const j = (await c.get(`/api/imports/${id}`)).json();
    if (j.status !== 'checking' && j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function badRows(c: Client, id: string) {
  const items = (await c.get(`/api/imports/${id}/errors?pageSize=100`)).json().items as {
    rowNumber: number;
    errors: { column: string; reason: string; message: string }[];
  }[];
  return items.map((b) => [b.rowNumber, b.errors.map((e) => `${e.column}:${e.reason}`)]);
}
