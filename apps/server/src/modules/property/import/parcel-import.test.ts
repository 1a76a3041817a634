import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../../test/helper.js';
import { badRows, runImport, uploadImport } from '../../../test/property-import-fixtures.js';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [120.7, 31.3],
      [120.71, 31.3],
      [120.71, 31.31],
      [120.7, 31.3],
    ],
  ],
};

/** A land sheet with its area in 亩, as land offices keep it. */
async function parcelsSheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('地块');
  ws.addRow(['闲置低效用地台账']);
  ws.mergeCells('A1:H1');
  ws.addRow(['地块编号', '地块名称', '面积（亩）', '用地性质', '状态', '权属人', '边界', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`parcels import (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let pm: Client;

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'pp', h.clock.now());
    pm = await login(h.app, t.users.property.username);
    const res = await pm.post('/api/parcels', { code: 'P-EX', name: '已有地块', area: 5000, status: 'in_use' });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => h?.close());

  it('converts 亩, reads GeoJSON outlines, reports bad outlines and statuses, and skips or updates existing codes', async () => {
    const rows = [
      ['P-001', '东区 1 号地块', 15, '工业用地', '闲置', '开发区管委会', JSON.stringify(square), null],
      [
        'P-002',
        '东区 2 号地块',
        '3,000㎡',
        null,
        'in_use',
        null,
        JSON.stringify({ type: 'Feature', geometry: square }),
      ],
      ['P-003', '坏边界', 10, null, '低效', null, '{"type":"Polygon",'], // row 5
      ['P-004', '点', 10, null, '规划', null, '{"type":"Point","coordinates":[120,31]}'],
      ['P-005', '未知状态', 10, null, '出让中', null, null],
      ['P-EX', '已有地块', 12, '研发用地', 'Idle', '某公司', null, null], // row 8
      ['P-001', '重复', 1, null, '闲置', null, null],
    ];
    const job = (await uploadImport(pm, 'parcels', await parcelsSheet(rows))).json();
    expect(job.header.mapping).toEqual({
      0: 'code',
      1: 'name',
      2: 'area',
      3: 'zoning',
      4: 'status',
      5: 'owner',
      6: 'outline',
      7: 'notes',
    });
    const checked = await runImport(pm, job.id, 'check');
    expect(checked.summary).toEqual({ rows: 7, blank: 0, invalid: 4, new: 2, existing: 1, created: 0, updated: 0 });
    expect(await badRows(pm, job.id)).toEqual([
      [5, ['边界:outline-json-invalid']],
      [6, ['边界:outline-invalid']],
      [7, ['状态:status-unknown']],
      [8, ['地块编号:exists']],
      [9, ['地块编号:duplicate-in-file']],
    ]);
    expect((await pm.get('/api/parcels')).json().total).toBe(1);

    const done = await runImport(pm, job.id, 'run');
    expect(done.summary).toMatchObject({ created: 2, updated: 0 });
    const list = (await pm.get('/api/parcels?sort=code')).json().items;
    expect(list.map((p: { code: string }) => p.code)).toEqual(['P-001', 'P-002', 'P-EX']);
    expect(list[0]).toMatchObject({
      area: 10000,
      zoning: '工业用地',
      status: 'idle',
      owner: '开发区管委会',
      outline: square,
    });
    expect(list[1]).toMatchObject({ area: 3000, status: 'in_use', outline: square });
    expect(list[2]).toMatchObject({ name: '已有地块', area: 5000, status: 'in_use', version: 1 });

    const again = (await uploadImport(pm, 'parcels', await parcelsSheet([rows[5]!]))).json();
    const updated = await runImport(pm, again.id, 'run', { existing: 'update' });
    expect(updated.summary).toMatchObject({ existing: 1, updated: 1 });
    const ex = (await pm.get('/api/parcels?q=P-EX')).json().items[0];
    expect(ex).toMatchObject({ area: 8000, zoning: '研发用地', status: 'idle', owner: '某公司', version: 2 });

    const admin = await login(h.app, t.users.admin.username);
    const audit = (await admin.get('/api/audit?action=import&entityType=parcel')).json();
    expect(audit.items.map((a: { after: { counts: { created: number } } }) => a.after.counts.created)).toEqual([0, 2]);
  });
});
