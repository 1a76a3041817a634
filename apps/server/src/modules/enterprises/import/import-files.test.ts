import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile, summarize, type CheckedRow } from './check-rows.js';
import { DecodeTextStream, SNIFF_BYTES } from './decode-text.js';
import {
  HEADER,
  LAST_ROW,
  MESSY_EXPECTED_BAD,
  U1,
  U2,
  U3,
  WIDTH,
  gbk,
  writeMessyGbkCsv,
  writeMessyXlsx,
} from './messy-file.fixtures.js';
import { readRows, readRowsFrom, type RawRow } from './read-rows.js';

async function decodeAll(chunks: Buffer[]): Promise<{ text: string; encoding: string | null }> {
  const stream = new DecodeTextStream();
  const parts: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    stream.on('data', (s: string) => parts.push(s));
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  for (const c of chunks) stream.write(c);
  stream.end();
  await done;
  return { text: parts.join(''), encoding: stream.encoding };
}

/** Splits bytes into chunks of `size` (to cut characters in two). */
const chunked = (buf: Buffer, size: number) =>
  Array.from({ length: Math.ceil(buf.length / size) }, (_, i) => buf.subarray(i * size, (i + 1) * size));

describe('GBK fixture encoder', () => {
  it('agrees with known GBK bytes', () => {
    expect(gbk('企业名称').toString('hex')).toBe('c6f3d2b5c3fbb3c6');
    expect(gbk('统一社会信用代码').toString('hex')).toBe('cdb3d2bbc9e7bbe1d0c5d3c3b4fac2eb');
    expect(gbk('A1,')).toEqual(Buffer.from('A1,'));
  });
});

describe('DecodeTextStream', () => {
  const text = '统一社会信用代码,企业名称\r\n91310115MA1K3BTP2B,上海ＡＢＣ生物「测试」\r\n';

  it.each([1, 2, 3, 7, 1024])('reads UTF-8 without BOM in chunks of %d bytes', async (size) => {
    expect(await decodeAll(chunked(Buffer.from(text, 'utf8'), size))).toEqual({ text, encoding: 'utf-8' });
  });

  it.each([1, 2, 5, 1024])('reads UTF-8 with BOM in chunks of %d bytes (BOM dropped)', async (size) => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(await decodeAll(chunked(bytes, size))).toEqual({ text, encoding: 'utf-8' });
  });

  it.each([1, 2, 3, 1024])('reads GBK in chunks of %d bytes', async (size) => {
    expect(await decodeAll(chunked(gbk(text), size))).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text")', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await decodeAll(chunked(bytes, 3))).toEqual({ text, encoding: 'utf-16le' });
  });

  it('waits past a long ASCII start before deciding', async () => {
    const ascii = 'a,b\r\n'.repeat(SNIFF_BYTES / 2);
    const bytes = Buffer.concat([Buffer.from(ascii), gbk('联通,中国')]);
    expect(await decodeAll(chunked(bytes, 4096))).toEqual({ text: `${ascii}联通,中国`, encoding: 'gb18030' });
  });

  it('treats pure ASCII as UTF-8 and an empty file as nothing', async () => {
    expect(await decodeAll([Buffer.from('a,b\n1,2\n')])).toEqual({ text: 'a,b\n1,2\n', encoding: 'utf-8' });
    expect(await decodeAll([])).toEqual({ text: '', encoding: 'utf-8' });
  });
});

let dir: string;
const files = { xlsx: '', csv: '' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-import-'));
  files.xlsx = path.join(dir, 'messy.xlsx');
  files.csv = path.join(dir, 'messy-gbk.csv');
  await writeMessyXlsx(files.xlsx);
  writeMessyGbkCsv(files.csv);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function collect(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describe('readRows', () => {
  it('keeps every Chinese character whole where the xlsx stream splits it between two chunks', async () => {
    // Shared strings far longer than one inflated chunk (16 KB): three-byte characters cross chunk boundaries. ExcelJS
    // decoded each chunk alone and turned them into U+FFFD (patches/exceljs+4.4.0.patch).
    const texts = Array.from(
      { length: 3000 },
      (_, i) => `第${i}号生物医药研发企业名称（测试）经营范围：药物临床前研究服务${i}`,
    );
    const file = path.join(dir, 'long-strings.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名录');
    texts.forEach((t) => ws.addRow([t]));
    await wb.xlsx.writeFile(file);
    const rows = await collect(readRows(file, 'xlsx'));
    expect(rows.map((r) => r.cells[0])).toEqual(texts);
  });

  it('reads the rows of an xlsx whose workbook part is missing or unreadable instead of failing', async () => {
    // ExcelJS's streaming reader looked the sheet up in a workbook model it had not got, and threw (seen in CI under
    // load, and upstream for workbook parts it cannot read; patches/exceljs+4.4.0.patch).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名录');
    ws.addRow(['统一社会信用代码', '企业名称']);
    ws.addRow(['91310115MA1K3BTP2B', '上海某生物科技有限公司']);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    zip.remove('xl/workbook.xml');
    const file = path.join(dir, 'no-workbook-part.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    // Both rows come out (without the workbook part, whether ExcelJS resolves their shared strings depends on the
    // order its unzipper meets the parts in, which varies from run to run: the rows are what this test is about).
    const rows = await collect(readRows(file, 'xlsx'));
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2]);
    expect(rows.every((r) => r.cells.length === 2)).toBe(true);
  });

  it('reads the first worksheet of an xlsx with row numbers as in Excel, values flattened', async () => {
    const rows = await collect(readRows(files.xlsx, 'xlsx'));
    // Row 2 and row 6 have no cells and are not in the file at all.
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(rows[0]?.cells[0]).toBe('2024年重点企业名录');
    expect(rows[1]?.cells).toEqual(HEADER);
    const r10 = rows.find((r) => r.rowNumber === 10)?.cells;
    expect(r10?.[2]).toBe('深圳富文本生物有限公司');
    expect(r10?.[4]).toBe(500);
    // Styles are not read, so the date arrives as its serial number.
    expect(r10?.[5]).toBe(45356);
    expect(rows.some((r) => r.cells.includes('不应被导入'))).toBe(false);
  });

  it('reads a GBK csv, every line a row', async () => {
    const rows = await collect(readRows(files.csv, 'csv'));
    expect(rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: LAST_ROW }, (_, i) => i + 1));
    expect(rows[0]?.cells[0]).toBe('2024年重点企业名录');
    expect(rows[1]?.cells).toEqual(Array(WIDTH).fill(null));
    expect(rows[2]?.cells).toEqual(HEADER);
    expect(rows[3]?.cells[9]).toBe('CRO,重点企业');
    expect(rows[4]?.cells[2]).toBe('北京ＡＢＣ医药有限公司');
    expect(rows[5]?.cells).toEqual([null]);
  });

  it('reads a UTF-8 csv with BOM the same way', async () => {
    const file = path.join(dir, 'bom.csv');
    fs.writeFileSync(file, `\ufeff${HEADER.join(',')}\n1,${U1},上海\n`);
    const rows = await collect(readRows(file, 'csv'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: HEADER },
      { rowNumber: 2, cells: ['1', U1, '上海'] },
    ]);
  });

  it('keeps memory bounded: a slow reader stops the source (back-pressure)', async () => {
    let produced = 0;
    const source = Readable.from(
      (function* () {
        yield Buffer.from(`${HEADER.join(',')}\r\n`);
        for (;;) {
          produced++;
          yield Buffer.from(`${produced},${U1},上海生物科技有限公司${produced},张三,500,2024-03-05\r\n`);
        }
      })(),
    );
    const rows = readRowsFrom(source, 'csv')[Symbol.asyncIterator]();
    for (let i = 0; i < 10; i++) await rows.next();
    await new Promise((r) => setTimeout(r, 100));
    const after = produced;
    await new Promise((r) => setTimeout(r, 100));
    // An endless source: only a few buffers' worth was pulled, and nothing more while nobody reads.
    expect(after).toBeLessThan(5000);
    expect(produced).toBe(after);
    await rows.return?.();
    expect(source.destroyed).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// The whole check on both files.

interface Outcome {
  rowNumber: number;
  status: 'ok' | 'invalid' | 'blank' | 'header';
  errors?: { column: string; reason: string; firstRowNumber?: number }[];
}

function outcome(row: CheckedRow): Outcome {
  const r = row.result;
  if (r.ok) return { rowNumber: row.rowNumber, status: 'ok' };
  if (r.skipped) return { rowNumber: row.rowNumber, status: r.skipped };
  return {
    rowNumber: row.rowNumber,
    status: 'invalid',
    errors: r.errors.map((e) => ({
      column: e.column,
      reason: e.reason,
      ...('firstRowNumber' in e ? { firstRowNumber: e.firstRowNumber as number } : {}),
    })),
  };
}

const EXPECTED_BAD: Outcome[] = MESSY_EXPECTED_BAD;

describe.each(['xlsx', 'csv'] as const)('checking the messy %s', (kind) => {
  let header: Awaited<ReturnType<typeof checkFile>>['header'];
  let outcomes: Outcome[];
  let valid: Map<number, CheckedRow>;
  let summary: Awaited<ReturnType<typeof summarize>>;

  beforeAll(async () => {
    const checked = await checkFile(files[kind], kind);
    header = checked.header;
    summary = await summarize(checked.rows);
    // Second pass for the details (the first one only counted).
    const again = await checkFile(files[kind], kind);
    outcomes = [];
    valid = new Map();
    for await (const row of again.rows) {
      outcomes.push(outcome(row));
      if (row.result.ok) valid.set(row.rowNumber, row);
    }
  });

  it('finds the header below the merged title and the blank row, and maps its columns', () => {
    expect(header?.headerRowNumber).toBe(3);
    expect(header?.mapping).toEqual({
      1: 'uscc',
      2: 'name',
      3: 'legalRepresentative',
      4: 'registeredCapital',
      5: 'foundedOn',
      6: 'park',
      7: 'industryCode',
      8: 'qualifications',
      9: 'tags',
      10: 'contacts.name',
      11: 'contacts.mobile',
      12: 'figures.revenue',
      13: 'figures.employees',
      14: 'businessScope',
    });
    expect(header?.unmapped).toEqual(['内部编号']);
  });

  it('gives exactly the expected counts', () => {
    expect(summary).toEqual(
      kind === 'xlsx'
        ? { total: 17, valid: 7, invalid: 7, skipped: 3 } // row 6 is not in an xlsx at all
        : { total: 18, valid: 7, invalid: 7, skipped: 4 },
    );
  });

  it('reports every bad row with its Excel row number, column and reason', () => {
    expect(outcomes.filter((o) => o.status === 'invalid')).toEqual(EXPECTED_BAD);
    expect(outcomes.filter((o) => o.status === 'blank' || o.status === 'header')).toEqual([
      ...(kind === 'csv' ? [{ rowNumber: 6, status: 'blank' }] : []),
      { rowNumber: 19, status: 'blank' },
      { rowNumber: 20, status: 'header' },
      { rowNumber: 21, status: 'blank' },
    ]);
    expect(outcomes.filter((o) => o.status === 'ok').map((o) => o.rowNumber)).toEqual([4, 5, 7, 8, 9, 10, 18]);
  });

  it('reads all five date formats and the Excel date', () => {
    for (const n of [4, 5, 7, 8, 9, 10, 18]) {
      const r = valid.get(n)?.result;
      expect(r?.ok && r.value.foundedOn, `row ${n}`).toBe('2024-03-05');
    }
  });

  it('cleans the values: full-width folded, 万元 scaled, units honoured, lists split', () => {
    const value = (n: number) => {
      const r = valid.get(n)?.result;
      if (!r?.ok) throw new Error(`row ${n} is not valid`);
      return r.value;
    };
    expect(value(4)).toEqual({
      uscc: U1,
      name: '上海生物科技有限公司',
      legalRepresentative: '张三',
      registeredCapital: 5_000_000,
      foundedOn: '2024-03-05',
      park: '张江药谷',
      industryCode: '7340',
      businessScope: '生物技术开发；技术咨询',
      qualifications: [{ code: 'high_tech' }, { code: 'specialized' }],
      tags: ['CRO', '重点企业'],
      contacts: [{ name: '李四', mobile: '13812345678' }],
      figures: [{ year: 2023, employees: 120, revenue: 12_000_000 }],
    });
    expect(value(5)).toMatchObject({
      uscc: U2,
      name: '北京ABC医药有限公司',
      registeredCapital: 120_000_000,
      industryCode: '2761',
    });
    expect(value(7)).toMatchObject({ uscc: U3, registeredCapital: 3_000_000, industryCode: '7452' });
    expect(value(8)).toMatchObject({
      registeredCapital: 5000,
      qualifications: [{ code: 'tech_sme' }, { code: 'high_tech' }],
    });
    expect(value(10)).toMatchObject({ name: '深圳富文本生物有限公司', registeredCapital: 5_000_000 });
    // No contact name: the legal representative is taken.
    expect(value(18)).toMatchObject({ registeredCapital: null, contacts: [{ name: '钱七', mobile: '13912345678' }] });
  });

  it('gives bilingual messages, the duplicate one naming the first row', async () => {
    const checked = await checkFile(files[kind], kind);
    for await (const row of checked.rows) {
      if (row.rowNumber !== 13 || row.result.ok) continue;
      expect(row.result.errors[0]?.message).toEqual({
        zh: '与第 4 行的统一社会信用代码重复',
        en: 'Same USCC as row 4',
      });
    }
  });
});

describe('checkFile', () => {
  it('asks for a mapping when no header is recognised, and takes a manual one', async () => {
    const file = path.join(dir, 'odd.csv');
    fs.writeFileSync(file, `代码,抬头\n${U1},上海生物\n${U2},北京医药\n`);
    expect((await checkFile(file, 'csv')).header).toBeNull();
    const checked = await checkFile(file, 'csv', { headerRowNumber: 1, mapping: { 0: 'uscc', 1: 'name' } });
    expect(checked.header).toMatchObject({ headerRowNumber: 1, mapping: { 0: 'uscc', 1: 'name' }, unmapped: [] });
    const s = await summarize(checked.rows);
    expect(s).toEqual({ total: 2, valid: 2, invalid: 0, skipped: 0 });
  });

  it('applies defaults and stops reading when the caller stops', async () => {
    const file = path.join(dir, 'defaults.csv');
    fs.writeFileSync(file, `统一社会信用代码,企业名称,营业收入\n${U1},上海生物,100万\n${U2},北京医药,\n`);
    const checked = await checkFile(file, 'csv', {
      defaults: { park: '张江药谷', tags: ['2024名录'], figuresYear: 2024 },
    });
    for await (const row of checked.rows) {
      expect(row.result.ok && row.result.value).toEqual({
        uscc: U1,
        name: '上海生物',
        park: '张江药谷',
        tags: ['2024名录'],
        figures: [{ year: 2024, revenue: 1_000_000 }],
      });
      break;
    }
  });
});
