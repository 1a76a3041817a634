import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AuditInput } from '../../audit/audit.repository.js';
import type { ExportRecord } from './export-columns.js';
import type { ExportRows } from './export-rows.js';
import { csvCell, csvWriter, xlsxWriter } from './sheet-writers.js';
import { writeExport } from './write-export.js';

const record = (n: number, masked = true): ExportRecord => ({
  uscc: `USCC${n}`,
  name: `公司${n}`,
  formerNames: [],
  legalRepresentative: null,
  registeredCapital: n,
  foundedOn: null,
  address: '上海市浦东新区张江路'.repeat(3),
  park: null,
  industryCode: null,
  chainNodeCodes: [],
  size: null,
  qualifications: [],
  tags: [],
  officer: null,
  contact: { name: '王', title: null, mobile: masked ? '138****1234' : '13812341234', email: null },
  figures: null,
  personalDataMasked: masked,
});

async function* batchesOf(count: number, size: number, onBatch?: (i: number) => void) {
  for (let i = 0; i < count; i += size) {
    onBatch?.(i);
    yield Array.from({ length: Math.min(size, count - i) }, (_, k) => record(i + k, (i + k) % 2 === 0));
  }
}

const rowsOf = (count: number, size: number, onBatch?: (i: number) => void): ExportRows => ({
  truncated: false,
  batches: batchesOf(count, size, onBatch),
});

const settled = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

describe('export files', () => {
  it('keeps Excel from running a cell as a formula or rounding a long number', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(csvCell('+8613812341234')).toBe(`'+8613812341234`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('121200004013590816')).toBe('\t121200004013590816');
    expect(csvCell('13812341234')).toBe('13812341234');
    expect(csvCell('上海-张江')).toBe('上海-张江');
    expect(csvCell(-5)).toBe(-5);
    expect(csvCell(null)).toBeNull();
  });

  it('quotes csv cells with commas, quotes and line breaks, after a BOM and a header', async () => {
    const out = new PassThrough();
    const body = buffer(out);
    const w = csvWriter(out, { headers: ['名称', '备注'] });
    await w.write([['a,b', 'say "hi"\nbye']]);
    await w.finish();
    expect((await body).toString('utf8')).toBe('\uFEFF名称,备注\r\n"a,b","say ""hi""\nbye"\r\n');
  });

  it('continues on a second worksheet past the rows a sheet holds, each with the header', async () => {
    const out = new PassThrough();
    const body = buffer(out);
    const w = xlsxWriter(out, { headers: ['n'], widths: [22], sheetName: '企业名录', rowsPerSheet: 3 });
    await w.write([[1], [2], [3], [4]]);
    await w.finish();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await body) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['企业名录', '企业名录 2']);
    // The header stays in view and the columns keep their widths on every sheet.
    for (const s of workbook.worksheets) {
      expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(s.getColumn(1).width).toBe(22);
    }
    expect(
      workbook.worksheets.map((s) =>
        s
          .getSheetValues()
          .slice(1)
          .map((r) => (r as unknown[])[1]),
      ),
    ).toEqual([
      ['n', 1, 2, 3],
      ['n', 4],
    ]);
  });

  for (const format of ['xlsx', 'csv'] as const) {
    it(`waits for a reader that does not read (${format}) instead of piling the file up in memory`, async () => {
      const out = new PassThrough();
      let asked = 0;
      const done = writeExport(
        out,
        rowsOf(20_000, 500, () => asked++),
        {
          format,
          filters: {},
          locale: 'zh-CN',
          audit: async () => undefined,
        },
      );
      expect(await settled(done, 300)).toBe(false);
      // Well short of the 40 batches: production stopped for want of a reader.
      expect(asked).toBeLessThan(12);
      const body = buffer(out);
      expect((await done).rows).toBe(20_000);
      expect((await body).length).toBeGreaterThan(10_000);
    });
  }

  it('audits a finished file once, before its last bytes, counting the unmasked rows', async () => {
    const out = new PassThrough();
    const events: AuditInput[] = [];
    let endedBeforeAudit = false;
    out.on('finish', () => (endedBeforeAudit = events.length === 0));
    const body = buffer(out);
    await writeExport(out, rowsOf(5, 2), {
      format: 'csv',
      filters: { park: 'X园' },
      locale: 'zh-CN',
      audit: async (e) => void events.push(e),
    });
    await body;
    expect(endedBeforeAudit).toBe(false);
    expect(events).toEqual([
      {
        action: 'export',
        entityType: 'enterprise',
        entityId: null,
        outcome: 'ok',
        after: { format: 'csv', filters: { park: 'X园' }, rows: 5, unmaskedRows: 2, truncated: false },
        detail: 'unmasked',
      },
    ]);
  });

  it('audits a download the reader gave up on as failed, with the rows that had left', async () => {
    const out = new PassThrough();
    out.resume();
    const events: AuditInput[] = [];
    const done = writeExport(
      out,
      rowsOf(10, 2, (i) => i === 4 && out.destroy()),
      { format: 'xlsx', filters: {}, locale: 'en', audit: async (e) => void events.push(e) },
    );
    await expect(done).rejects.toThrow(/went away/);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'failed', after: { rows: 4 } });
  });

  it('breaks the file off when its audit event cannot be written', async () => {
    const out = new PassThrough();
    out.resume();
    const done = writeExport(out, rowsOf(3, 2), {
      format: 'csv',
      filters: {},
      locale: 'zh-CN',
      audit: async (e) => {
        if (e.outcome === 'ok') throw new Error('database down');
      },
    });
    await expect(done).rejects.toThrow('database down');
    expect(out.destroyed).toBe(true);
    expect(out.writableFinished).toBe(false);
  });
});
