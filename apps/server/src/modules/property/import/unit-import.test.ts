import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../../test/helper.js';
import { importFromCli } from '../../enterprises/import/import-cli.js';
import {
  badRows,
  runImport,
  unitRow as unit,
  unitsSheet,
  uploadImport,
} from '../../../test/property-import-fixtures.js';

describe(`units import (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let pm: Client;
  let buildingA: string;
  let buildingC2: string;
  let existing: { id: string; version: number };

  const post = async (c: Client, url: string, payload: unknown) => {
    const res = await c.post(url, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const units = (buildingId: string) =>
    h.database.db.selectFrom('units').selectAll().where('tenantId', '=', t.id).where('buildingId', '=', buildingId);

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'pu', h.clock.now());
    other = await createTenant(h.database, 'px', h.clock.now());
    pm = await login(h.app, t.users.property.username);
    const park = await post(pm, '/api/parks', { name: '生物医药产业园' });
    const park2 = await post(pm, '/api/parks', { name: '创新港' });
    buildingA = (await post(pm, '/api/buildings', { parkId: park.id, name: 'A 栋 研发楼', floorCount: 5 })).id;
    await post(pm, '/api/buildings', { parkId: park.id, name: 'C 栋', floorCount: 3 });
    buildingC2 = (await post(pm, '/api/buildings', { parkId: park2.id, name: 'C 栋', floorCount: 3 })).id;
    const floor2 = await post(pm, '/api/floors', { buildingId: buildingA, number: 2 });
    await post(pm, '/api/floors', { buildingId: buildingA, number: 1 });
    existing = await post(pm, '/api/units', {
      floorId: floor2.id,
      code: 'A201',
      type: 'office',
      area: 150,
      monthlyRentPerSqm: 30,
    });
    // Another office's building: to this tenant's import it is an unknown building.
    const otherPm = await login(h.app, other.users.property.username);
    const otherPark = await post(otherPm, '/api/parks', { name: '外园' });
    await post(otherPm, '/api/buildings', { parkId: otherPark.id, name: '外单位楼', floorCount: 2 });
  });
  afterAll(async () => h?.close());

  it('checks a messy sheet row by row, writes nothing on the dry run, and imports the good rows', async () => {
    const file = await unitsSheet([
      unit(
        1,
        null,
        'A栋研发楼',
        '３F',
        'A301',
        '研发实验室',
        '１２０．５',
        '空置',
        '４５',
        5,
        '是',
        '有',
        'ISO 7',
        '否',
        'Y',
      ), // row 4
      unit(2, null, 'A 栋 研发楼', 3, 'A302', 'office', 200, '装修'),
      [null, null, null, null, null, null, null], // row 6: blank
      unit(3, null, '不存在的楼', 1, 'X101', '办公', 100),
      unit(4, null, 'A 栋 研发楼', 1, 'A101', '宿舍', 100),
      unit(5, null, 'A 栋 研发楼', 1, 'A102', '办公', -50), // row 9
      unit(6, null, 'A 栋 研发楼', '3F', 'A301', '办公', 80),
      unit(7, null, 'A 栋 研发楼', 2, 'A201', 'GMP厂房', 300, '自用'),
      unit(8, null, 'C 栋', 1, 'C101', '仓储', 500), // row 12
      unit(9, '创新港', 'C 栋', 'B1', 'C-B101', 'Warehouse', '1,000㎡'),
      unit(10, null, 'A 栋 研发楼', 1, 'A103', '办公', 'abc'),
      unit(11, null, 'A 栋 研发楼', 1, 'A104', '办公', 100, '已租'), // row 15
      unit(12, null, 'A 栋 研发楼', 1, 'A105', '办公', 100, '出售'),
      unit(13, null, '外单位楼', 1, 'W101', '办公', 100),
      unit(14, null, 'A 栋 研发楼', 1, 'A106', '办公', 100, null, null, null, '也许'), // row 18
    ]);
    const job = (await uploadImport(pm, 'units', file)).json();
    expect(job.header).toMatchObject({ headerRowNumber: 3, unmapped: [] });
    expect(job.header.mapping).toMatchObject({
      2: 'building',
      3: 'floor',
      4: 'code',
      6: 'area',
      8: 'monthlyRentPerSqm',
    });
    expect(job.fields).toContainEqual({ field: 'floorLoadKn', label: '承重（kN/㎡）' });

    const floorsBefore = await h.database.db.selectFrom('floors').select('id').where('tenantId', '=', t.id).execute();
    const checked = await runImport(pm, job.id, 'check');
    expect(checked.summary).toEqual({ rows: 15, blank: 1, invalid: 10, new: 3, existing: 1, created: 0, updated: 0 });
    expect(await badRows(pm, job.id)).toEqual([
      [7, ['楼宇:building-unknown']],
      [8, ['类型:type-unknown']],
      [9, ['面积（㎡）:area-invalid']],
      [10, ['房号:duplicate-in-file']],
      [11, ['房号:exists']],
      [12, ['园区:building-ambiguous']],
      [14, ['面积（㎡）:number-invalid']],
      [15, ['状态:status-leased']],
      [16, ['状态:status-unknown']],
      [17, ['楼宇:building-unknown']],
      [18, ['实验室给排水:yes-no-invalid']],
    ]);
    const reasons = (await pm.get(`/api/imports/${job.id}/errors?pageSize=100`)).json().items;
    expect(reasons[3].errors[0].message).toBe('与第 4 行是同一楼宇的同一单元');
    // The dry run wrote nothing: no unit, no floor.
    expect(await units(buildingA).execute()).toHaveLength(1);
    expect(await h.database.db.selectFrom('floors').select('id').where('tenantId', '=', t.id).execute()).toHaveLength(
      floorsBefore.length,
    );

    const done = await runImport(pm, job.id, 'run');
    expect(done.summary).toMatchObject({ created: 3, updated: 0, invalid: 10, existing: 1 });
    // The building's page shows the new units, on floor 3 the import created.
    const building = (await pm.get(`/api/buildings/${buildingA}`)).json();
    expect(building.floors.map((f: { number: number }) => f.number)).toEqual([1, 2, 3]);
    const byCode = Object.fromEntries(building.units.map((u: { code: string }) => [u.code, u]));
    expect(Object.keys(byCode).sort()).toEqual(['A201', 'A301', 'A302']);
    expect(byCode['A301']).toMatchObject({
      floor: { number: 3 },
      type: 'lab',
      area: 120.5,
      status: 'vacant',
      monthlyRentPerSqm: 45,
      floorLoadKn: 5,
      labWater: true,
      exhaust: true,
      cleanRoomGrade: 'ISO 7',
      gmpReady: false,
      envPermit: true,
    });
    expect(byCode['A302']).toMatchObject({ type: 'office', area: 200, status: 'fitting_out', labWater: false });
    // The existing unit was skipped: as it was.
    expect(byCode['A201']).toMatchObject({ type: 'office', area: 150, version: 1 });
    const c2 = (await pm.get(`/api/buildings/${buildingC2}`)).json();
    expect(c2.units).toEqual([
      expect.objectContaining({
        code: 'C-B101',
        type: 'warehouse',
        area: 1000,
        floor: expect.objectContaining({ number: -1 }),
      }),
    ]);
    const admin = await login(h.app, t.users.admin.username);
    const audit = (await admin.get('/api/audit?action=import&entityType=unit')).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].after.counts).toMatchObject({ created: 3 });
  });

  it('skips an existing unit by default and updates it when told to, blank cells keeping their values', async () => {
    const file = await unitsSheet([
      unit(1, '生物医药产业园', 'A 栋 研发楼', 2, 'A201', 'GMP厂房', 350, '自用', null, 8, '有'),
    ]);
    const skipped = await runImport(pm, (await uploadImport(pm, 'units', file)).json().id, 'run');
    expect(skipped.summary).toMatchObject({ existing: 1, created: 0, updated: 0, invalid: 0 });
    expect(await units(buildingA).where('code', '=', 'A201').executeTakeFirstOrThrow()).toMatchObject({
      type: 'office',
      version: existing.version,
    });

    const updated = await runImport(pm, (await uploadImport(pm, 'units', file)).json().id, 'run', {
      existing: 'update',
    });
    expect(updated.summary).toMatchObject({ existing: 1, created: 0, updated: 1 });
    const unitNow = (await pm.get(`/api/units/${existing.id}`)).json();
    expect(unitNow).toMatchObject({
      type: 'gmp',
      area: 350,
      status: 'self_used',
      monthlyRentPerSqm: 30,
      floorLoadKn: 8,
      labWater: true,
      version: existing.version + 1,
    });
  });

  it('refuses the roles that may not keep the inventory, and keeps each import to its uploader and tenant', async () => {
    const file = await unitsSheet([unit(1, null, 'A 栋 研发楼', 1, 'A109', '办公', 60)]);
    for (const role of ['investment', 'service', 'enterprise', 'department', 'leader'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await uploadImport(c, 'units', file)).statusCode, role).toBe(403);
      expect((await uploadImport(c, 'parcels', file)).statusCode, role).toBe(403);
    }
    // The property manager imports the inventory only, not companies or leads.
    expect((await uploadImport(pm, 'enterprises', file)).statusCode).toBe(403);
    expect((await uploadImport(pm, 'leads', file)).statusCode).toBe(403);
    const job = (await uploadImport(pm, 'units', file)).json();
    const officer = await login(h.app, t.users.investment.username);
    expect((await officer.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    const outsider = await login(h.app, other.users.property.username);
    expect((await outsider.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    expect((await outsider.get('/api/imports')).json().items).toEqual([]);
    expect((await pm.get('/api/imports?kind=units')).json().items.map((j: { id: string }) => j.id)).toContain(job.id);
  });
});

/** One building's rent-control sheet: a title row, then 楼层 房号 类型 面积 租金, no building column. */
async function buildingSheet(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('租控表');
  ws.addRow(['D 栋 租控表']);
  ws.addRow(['楼层', '房号', '类型', '面积（㎡）', '租金（元/㎡·月）']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`units import into one building (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let pm: Client;
  let buildingD: string;
  let otherBuilding: string;

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'pb', h.clock.now());
    const other = await createTenant(h.database, 'pbx', h.clock.now());
    pm = await login(h.app, t.users.property.username);
    const park = (await pm.post('/api/parks', { name: '生物医药产业园' })).json();
    buildingD = (await pm.post('/api/buildings', { parkId: park.id, name: 'D 栋', floorCount: 4 })).json().id;
    await pm.post('/api/buildings', { parkId: park.id, name: 'E 栋', floorCount: 2 });
    await pm.post('/api/floors', { buildingId: buildingD, number: 1 });
    const otherPm = await login(h.app, other.users.property.username);
    const otherPark = (await otherPm.post('/api/parks', { name: '外园' })).json();
    otherBuilding = (await otherPm.post('/api/buildings', { parkId: otherPark.id, name: 'D 栋', floorCount: 2 })).json()
      .id;
  });
  afterAll(async () => h?.close());

  const sheet = () =>
    buildingSheet([
      [1, 'D101', '办公', 100, 40],
      ['3F', 'D301', '研发实验室', '220㎡', 55],
    ]);

  it('puts the rows of a sheet without a building column into the building, creating the floors', async () => {
    const job = (await uploadImport(pm, 'units', await sheet())).json();
    expect(job.header).toMatchObject({ headerRowNumber: 2, unmapped: [] });
    const checked = await runImport(pm, job.id, 'check', { buildingId: buildingD });
    expect(checked.options).toMatchObject({ buildingId: buildingD });
    expect(checked.summary).toMatchObject({ rows: 2, invalid: 0, new: 2 });
    const done = await runImport(pm, job.id, 'run', { buildingId: buildingD });
    expect(done.summary).toMatchObject({ created: 2, invalid: 0 });
    const building = (await pm.get(`/api/buildings/${buildingD}`)).json();
    expect(building.floors.map((f: { number: number }) => f.number)).toEqual([1, 3]);
    expect(
      building.units.map((u: { code: string; floor: { number: number }; type: string; area: number }) => [
        u.code,
        u.floor.number,
        u.type,
        u.area,
      ]),
    ).toEqual([
      ['D101', 1, 'office', 100],
      ['D301', 3, 'lab', 220],
    ]);
  });

  it('takes blank building cells as the building and refuses rows naming another one', async () => {
    const file = await unitsSheet([
      unit(1, null, '', 2, 'D201', '办公', 80),
      unit(2, null, 'D栋', 2, 'D202', '办公', 80),
      unit(3, null, 'E 栋', 1, 'E101', '办公', 80), // row 6
      unit(4, null, '不存在的楼', 1, 'X101', '办公', 80),
    ]);
    const job = (await uploadImport(pm, 'units', file)).json();
    const done = await runImport(pm, job.id, 'run', { buildingId: buildingD });
    expect(done.summary).toMatchObject({ rows: 4, created: 2, invalid: 2 });
    expect(await badRows(pm, job.id)).toEqual([
      [6, ['楼宇:not-this-building']],
      [7, ['楼宇:not-this-building']],
    ]);
    const items = (await pm.get(`/api/imports/${job.id}/errors`)).json().items;
    expect(items[0].errors[0].message).toBe('不是本楼宇的单元');
    const codes = await h.database.db
      .selectFrom('units')
      .select(['code', 'buildingId'])
      .where('tenantId', '=', t.id)
      .where('code', 'in', ['D201', 'D202', 'E101', 'X101'])
      .orderBy('code')
      .execute();
    expect(codes).toEqual([
      { code: 'D201', buildingId: buildingD },
      { code: 'D202', buildingId: buildingD },
    ]);
  });

  it("refuses another office's building (or none) on every row and writes nothing", async () => {
    const job = (await uploadImport(pm, 'units', await sheet())).json();
    for (const buildingId of [otherBuilding, 'no-such-building']) {
      const done = await runImport(pm, job.id, 'run', { buildingId });
      expect(done.status).toBe('done');
      expect(done.summary).toMatchObject({ rows: 2, invalid: 2, created: 0 });
      const items = (await pm.get(`/api/imports/${job.id}/errors`)).json().items;
      expect(items.map((b: { errors: { reason: string }[] }) => b.errors[0]!.reason)).toEqual([
        'import-building-unknown',
        'import-building-unknown',
      ]);
      expect(items[0].errors[0].message).toBe('要导入的楼宇不存在或不属于本单位，未导入任何单元');
      if (buildingId === otherBuilding) break; // the job is done now: the second id needs a fresh upload
    }
    const again = (await uploadImport(pm, 'units', await sheet())).json();
    expect((await runImport(pm, again.id, 'check', { buildingId: 'no-such-building' })).summary).toMatchObject({
      invalid: 2,
      new: 0,
    });
    const outside = await h.database.db
      .selectFrom('units')
      .select('id')
      .where('buildingId', '=', otherBuilding)
      .execute();
    expect(outside).toEqual([]);
    // Too long an id is an invalid option, refused when the check starts.
    const before = (await pm.get(`/api/imports/${again.id}`)).json();
    const res = await pm.post(`/api/imports/${again.id}/check`, {
      options: { buildingId: 'x'.repeat(101) },
      version: before.version,
    });
    expect(res.statusCode).toBe(400);
  });

  it('without the option keeps asking every row for its building', async () => {
    const job = (await uploadImport(pm, 'units', await sheet())).json();
    const checked = await runImport(pm, job.id, 'check');
    expect(checked.options.buildingId).toBeUndefined();
    expect(checked.summary).toMatchObject({ rows: 2, invalid: 2, new: 0 });
    expect(await badRows(pm, job.id)).toEqual([
      [3, [':required']],
      [4, [':required']],
    ]);
  });
});

describe(`kaimen import units (${DB_KIND})`, () => {
  it('checks a units sheet from the shell, printing each bad row, and imports it', async () => {
    const h = await buildTestApp();
    try {
      const t = await createTenant(h.database, 'uc', h.clock.now());
      const pm = await login(h.app, t.users.property.username);
      const park = (await pm.post('/api/parks', { name: '园区' })).json();
      const b = (await pm.post('/api/buildings', { parkId: park.id, name: '1 号楼', floorCount: 2 })).json();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-unit-cli-'));
      const file = path.join(dir, '房源.xlsx');
      fs.writeFileSync(
        file,
        await unitsSheet([
          unit(1, null, '1号楼', '1层', '101', '孵化工位', 30),
          unit(2, null, '2 号楼', 1, '201', '办公', 30),
        ]),
      );
      const lines: string[] = [];
      const run = (dryRun: boolean) =>
        importFromCli(h.database, {
          kind: 'units',
          file,
          tenant: t.slug,
          dryRun,
          existing: 'skip',
          now: h.clock.now(),
          out: (l) => lines.push(l),
        });
      expect(await run(true)).toMatchObject({ new: 1, invalid: 1, created: 0 });
      expect(lines[0]).toBe('row 5: 楼宇: 本单位没有该楼宇 (building-unknown)');
      expect(await run(false)).toMatchObject({ created: 1 });
      const rows = await h.database.db.selectFrom('units').selectAll().where('tenantId', '=', t.id).execute();
      expect(rows.map((r) => [r.buildingId, r.code, r.type, r.status])).toEqual([[b.id, '101', 'desk', 'vacant']]);
      fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      await h.close();
    }
  });
});
