import fs from 'node:fs';
import { TextDecoder } from 'node:util';
import { usccCheckDigit } from '@kaimen/shared';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Cell } from './read-rows.js';

/**
 * The messy office spreadsheet the import tests share: a merged title row, a blank row, full-width characters, five
 * date formats and an Excel date, rich text and a formula, bad codes, an in-file duplicate and a repeated header —
 * as xlsx and as a GBK csv (what Excel on a Chinese Windows saves).
 */

// ---------------------------------------------------------------------------
// GBK bytes. TextEncoder only writes UTF-8, so the test builds the reverse of the
// two-byte GBK table and checks it against bytes known by heart.

const gbkTable = (() => {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
})();

export function gbk(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

const code = (body: string) => body + usccCheckDigit(body);
export const U1 = '91310115MA1K3BTP2B';
export const U2 = '91110000600037341L';
export const U3 = '121200004013590816';
const U4 = '91340600MA2PBP2120';
const U5 = code('91320594000000011');
const U6 = code('91440300MA5FAKE01');
const U7 = code('52110000MJ0000001');
const U8 = code('12330000470000001');
const U9 = code('91320594000000029');
const U10 = code('91320594000000037');
const U11 = code('91320594000000045');
const fullWidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

export const HEADER = [
  '序号',
  '统一社会信用代码',
  '企业名称',
  '法定代表人',
  '注册资本（万元）',
  '成立日期',
  '所属园区',
  '行业代码',
  '企业资质',
  '标签',
  '联系人',
  '手机',
  '2023年营业收入（万元）',
  '2023年末从业人数',
  '经营范围',
  '内部编号',
];
export const WIDTH = HEADER.length;

type FixtureCell =
  Cell | { richText: { text: string; font?: { bold: boolean } }[] } | { formula: string; result: number };
/** Row number → cells; rows not listed are empty. */
const ROWS: Record<number, FixtureCell[]> = {
  1: ['2024年重点企业名录'],
  3: HEADER,
  4: [
    1,
    U1,
    '上海生物科技有限公司',
    '张三',
    500,
    '2024-03-05',
    '张江药谷',
    '7340',
    '高新技术企业、专精特新',
    'CRO,重点企业',
    '李四',
    '138 1234 5678',
    1200,
    120,
    '生物技术开发；技术咨询',
    'X-01',
  ],
  5: [2, fullWidth(U2.toLowerCase()), '北京ＡＢＣ医药有限公司', '王五', '1.2亿', '2024/3/5', null, 'M2761'],
  7: [3, U3, '天津检测服务中心', null, '300万人民币', '2024.3.5', null, '7452 检测服务'],
  8: [4, U4, '合肥基因工程有限公司', null, '5000元', '2024年3月5日', null, null, '科技型中小企业；高企'],
  9: [5, U5, '苏州CDMO有限公司', null, null, 20240305],
  10: [
    6,
    U6,
    { richText: [{ text: '深圳' }, { text: '富文本生物有限公司', font: { bold: true } }] },
    null,
    { formula: '100*5', result: 500 },
    new Date(Date.UTC(2024, 2, 5)),
  ],
  11: [7, '91350203M0001QAY9B', '坏校验位公司'],
  12: [8, U7, null, '赵六'],
  13: [9, ` ${U1.toLowerCase()} `, '上海生物科技有限公司（重复）'],
  14: [10, U8, '日期错误公司', null, null, '2024-02-30', null, null, null, null, '联系人甲', '12345'],
  15: [11, U9, '外币注册资本公司', null, '100万美元'],
  16: [12, U10, '未知资质公司', null, null, null, null, null, '瞪羚企业'],
  17: [13, '91350100M000100Y4Z', null],
  18: [
    14,
    U11,
    '全角手机公司',
    '钱七',
    '－',
    '2024-03-05',
    null,
    null,
    null,
    null,
    null,
    '＋８６ １３９－１２３４－５６７８',
  ],
  19: ['  ', null, ' '],
  20: HEADER,
  21: [16],
};
export const LAST_ROW = 21;

function plainCell(c: FixtureCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return `${c.getUTCFullYear()}/${c.getUTCMonth() + 1}/${c.getUTCDate()}`;
  if (typeof c === 'object' && 'richText' in c) return c.richText.map((r) => r.text).join('');
  if (typeof c === 'object') return String(c.result);
  return String(c);
}

export async function writeMessyXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名录');
  for (const [n, cells] of Object.entries(ROWS)) {
    const row = ws.getRow(Number(n));
    cells.forEach((value, i) => {
      if (value === null) return;
      const cell = row.getCell(i + 1);
      cell.value = value as ExcelJS.CellValue;
      if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
    row.commit();
  }
  ws.mergeCells(1, 1, 1, WIDTH);
  const notes = wb.addWorksheet('填表说明');
  notes.addRow(['统一社会信用代码', '企业名称']);
  notes.addRow([U1, '不应被导入']);
  await wb.xlsx.writeFile(file);
}

/** As Excel on a Chinese Windows saves "CSV (逗号分隔)": GBK, CRLF, the merged title as one cell plus commas. */
export function writeMessyGbkCsv(file: string): void {
  const lines: string[] = [];
  for (let n = 1; n <= LAST_ROW; n++) {
    const cells = ROWS[n];
    if (n === 6) {
      lines.push('');
      continue;
    }
    const texts = Array.from({ length: WIDTH }, (_, i) => plainCell(cells?.[i]));
    lines.push(Papa.unparse([texts], { newline: '\r\n' }));
  }
  fs.writeFileSync(file, gbk(`${lines.join('\r\n')}\r\n`));
}

/** Rows of the messy file that import. */
export const MESSY_GOOD_ROWS = [4, 5, 7, 8, 9, 10, 18];

/** The rows of the messy file that are bad, with their columns and reasons, in row order. */
export const MESSY_EXPECTED_BAD: {
  rowNumber: number;
  status: 'invalid';
  errors: { column: string; reason: string; firstRowNumber?: number }[];
}[] = [
  { rowNumber: 11, status: 'invalid', errors: [{ column: '统一社会信用代码', reason: 'uscc-invalid' }] },
  { rowNumber: 12, status: 'invalid', errors: [{ column: '企业名称', reason: 'required' }] },
  {
    rowNumber: 13,
    status: 'invalid',
    errors: [{ column: '统一社会信用代码', reason: 'duplicate-in-file', firstRowNumber: 4 }],
  },
  {
    rowNumber: 14,
    status: 'invalid',
    errors: [
      { column: '成立日期', reason: 'date-invalid' },
      { column: '手机', reason: 'mobile-invalid' },
    ],
  },
  { rowNumber: 15, status: 'invalid', errors: [{ column: '注册资本（万元）', reason: 'amount-currency' }] },
  { rowNumber: 16, status: 'invalid', errors: [{ column: '企业资质', reason: 'qualification-unknown' }] },
  {
    rowNumber: 17,
    status: 'invalid',
    errors: [
      { column: '统一社会信用代码', reason: 'uscc-invalid' },
      { column: '企业名称', reason: 'required' },
    ],
  },
];
