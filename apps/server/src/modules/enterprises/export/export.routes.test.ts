import { Readable } from 'node:stream';
import { usccCheckDigit } from '@kaimen/shared';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../../test/factories.js';
import { buildTestApp, Client, DB_KIND, login, type TestHarness } from '../../../test/helper.js';
import { checkRows, readRowsFrom } from '../import/index.js';

type Cells = (string | number | null)[];

/** A valid USCC from a serial number (area code 310115, Pudong). */
const makeUscc = (n: number): string => {
  const first17 = `91310115MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckDigit(first17);
};

/** The first worksheet's rows as plain values, read back with ExcelJS. */
async function xlsxRows(body: Buffer): Promise<Cells[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: Cells[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => (values[i + 1] ?? null) as string | number | null));
  });
  return rows;
}

function csvRows(body: Buffer): Cells[] {
  const text = body.toString('utf8');
  expect(text.charCodeAt(0), 'starts with a BOM').toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  return parsed.data.map((r) => r.map((v) => (v === '' ? null : v)));
}

/** The rows as objects keyed by header. */
const byHeader = ([headers, ...rows]: Cells[]) =>
  rows.map((r) => Object.fromEntries(headers!.map((h, i) => [String(h), r[i] ?? null])));

describe(`enterprise export (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let admin: Client;
  let seq = 100;
  const ids: Record<string, string> = {};
  const create = async (c: Client, body: Record<string, unknown>) => {
    const res = await c.post('/api/enterprises', { uscc: makeUscc(++seq), name: `导出测试公司${seq}`, ...body });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as { id: string; uscc: string; name: string };
  };
  const exportOf = (c: Client, qs: string, headers: Record<string, string> = {}) =>
    c.get(`/api/enterprises/export?${qs}`, headers);
  const exported = async (c: Client, qs: string) => {
    const res = await exportOf(c, `format=xlsx&${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return byHeader(await xlsxRows(res.rawPayload));
  };
  const lastExportAudit = async (username: string) =>
    h.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'export')
      .where('actorUsername', '=', username)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'ex', h.clock.now());
    other = await createTenant(h.database, 'ey', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
    const a = await create(admin, {
      name: '上海导出生物医药有限公司',
      formerNames: ['上海旧名生物有限公司'],
      legalRepresentative: '王五',
      registeredCapital: '500万元',
      foundedOn: '2015-06-01',
      address: '上海市浦东新区张江路1号',
      park: 'X园',
      industryCode: '7340',
      chainNodeCodes: ['cro_preclinical'],
      size: 'small',
      qualifications: [{ code: 'high_tech' }],
      tags: ['重点企业', 'CRO'],
      assignedOfficerId: t.users.service.id,
      contacts: [
        { name: '王经理', title: '总经理', mobile: '13812341234', email: 'wang@example.cn' },
        { name: '李助理', mobile: '13900009999' },
      ],
      figures: [
        { year: 2023, employees: 100, revenue: 1_000_000 },
        { year: 2024, employees: 120, revenue: '3.5亿', rndSpend: 20_000_000, taxPaid: 12_000_000 },
      ],
    });
    const b = await create(admin, {
      name: '上海导出检测服务有限公司',
      park: 'X园',
      contacts: [{ name: '赵', mobile: '13700002222', email: 'zhao@example.cn' }],
    });
    const c = await create(admin, { name: '苏州导出疫苗有限公司', park: 'Y园' });
    Object.assign(ids, { a: a.id, b: b.id, c: c.id, aUscc: a.uscc });
    // The same company held by another office, in the same park name: it must never leak across.
    const b2 = await login(h.app, other.users.admin.username);
    await create(b2, {
      uscc: a.uscc,
      name: '别的园区的同一家公司',
      park: 'X园',
      contacts: [{ name: '外', mobile: '13600003333' }],
    });
  });
  afterAll(async () => h.close());

  it('exports the rows the list shows for a filter, in its order, with every column (xlsx)', async () => {
    const list = (await admin.get(`/api/enterprises?park=${encodeURIComponent('X园')}&sort=-name&pageSize=200`)).json();
    const res = await exportOf(admin, `format=xlsx&park=${encodeURIComponent('X园')}&sort=-name`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="enterprises-20260302.xlsx"; filename*=UTF-8''${encodeURIComponent('企业名录')}-20260302.xlsx`,
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
    const rows = await xlsxRows(res.rawPayload);
    expect(rows[0]).toEqual([
      '统一社会信用代码',
      '企业名称',
      '曾用名',
      '法定代表人',
      '注册资本（元）',
      '成立日期',
      '地址',
      '所属园区',
      '行业代码',
      '行业名称',
      '产业链环节',
      '企业规模',
      '企业资质',
      '标签',
      '服务专员',
      '联系人',
      '联系人职务',
      '联系人手机',
      '联系人邮箱',
      '年份',
      '从业人数',
      '营业收入（元）',
      '研发投入（元）',
      '纳税额（元）',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.items.map((x: { uscc: string }) => x.uscc));
    expect(rows).toHaveLength(3);
    const a = byHeader(rows).find((r) => r['企业名称'] === '上海导出生物医药有限公司');
    expect(a).toEqual({
      统一社会信用代码: ids.aUscc,
      企业名称: '上海导出生物医药有限公司',
      曾用名: '上海旧名生物有限公司',
      法定代表人: '王五',
      '注册资本（元）': 5_000_000,
      成立日期: '2015-06-01',
      地址: '上海市浦东新区张江路1号',
      所属园区: 'X园',
      行业代码: '7340',
      行业名称: '医学研究和试验发展',
      产业链环节: 'cro_preclinical',
      企业规模: '小型',
      企业资质: '高新技术企业',
      标签: 'CRO、重点企业',
      服务专员: 'ex service',
      联系人: '王经理',
      联系人职务: '总经理',
      联系人手机: '13812341234',
      联系人邮箱: 'wang@example.cn',
      年份: 2024,
      从业人数: 120,
      '营业收入（元）': 350_000_000,
      '研发投入（元）': 20_000_000,
      '纳税额（元）': 12_000_000,
    });
  });

  it('writes csv as UTF-8 with a BOM, and English headers and labels for an English user', async () => {
    const res = await exportOf(admin, `format=csv&park=${encodeURIComponent('X园')}`, { 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''enterprises-20260302.csv");
    const rows = byHeader(csvRows(res.rawPayload));
    expect(rows.map((r) => r['Company name'])).toEqual(['上海导出检测服务有限公司', '上海导出生物医药有限公司']);
    expect(rows[1]).toMatchObject({
      'Unified social credit code': ids.aUscc,
      'Registered capital (yuan)': '5000000',
      Size: 'Small',
      Qualifications: 'High-tech enterprise',
      Tags: 'CRO; 重点企业',
      Mobile: '13812341234',
      Year: '2024',
    });
  });

  it('masks phones and e-mails for a leader and a property manager, not for an investment officer', async () => {
    const qs = `park=${encodeURIComponent('X园')}`;
    for (const role of ['leader', 'property'] as const) {
      const rows = await exported(await login(h.app, t.users[role].username), qs);
      expect(rows.map((r) => r['联系人手机']).sort(), role).toEqual(['137****2222', '138****1234']);
      expect(rows.map((r) => r['联系人邮箱']).sort(), role).toEqual(['w***@example.cn', 'z***@example.cn']);
      expect((await lastExportAudit(t.users[role].username)).detail, role).toBe('masked');
    }
    const inv = await exported(await login(h.app, t.users.investment.username), qs);
    expect(inv.map((r) => r['联系人手机']).sort()).toEqual(['13700002222', '13812341234']);
    expect((await lastExportAudit(t.users.investment.username)).detail).toBe('unmasked');
  });

  it('gives a service officer only the companies assigned to them, unmasked', async () => {
    const rows = await exported(await login(h.app, t.users.service.username), '');
    expect(rows.map((r) => r['企业名称'])).toEqual(['上海导出生物医药有限公司']);
    expect(rows[0]!['联系人手机']).toBe('13812341234');
  });

  it('refuses an enterprise user and a department handler with problem+json, and audits the refusal', async () => {
    for (const role of ['enterprise', 'department'] as const) {
      const res = await exportOf(await login(h.app, t.users[role].username), 'format=csv');
      expect(res.statusCode, role).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'forbidden', type: '/problems/forbidden' });
      const refusal = await h.database.db
        .selectFrom('auditEvents')
        .selectAll()
        .where('actorUsername', '=', t.users[role].username)
        .where('outcome', '=', 'refused')
        .executeTakeFirstOrThrow();
      expect(refusal).toMatchObject({ action: 'export', entityType: 'enterprise' });
    }
    expect((await new Client(h.app).get('/api/enterprises/export')).statusCode).toBe(401);
    expect((await admin.inject({ method: 'HEAD', url: '/api/enterprises/export' })).statusCode).toBe(404);
    const bad = await exportOf(admin, 'format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('format');
  });

  it("never gives another tenant's rows, even for the same USCC in the same park", async () => {
    const mine = await exported(admin, '');
    expect(mine.map((r) => r['企业名称'])).not.toContain('别的园区的同一家公司');
    expect(mine).toHaveLength(3);
    const theirs = await exported(await login(h.app, other.users.admin.username), '');
    expect(theirs.map((r) => r['企业名称'])).toEqual(['别的园区的同一家公司']);
  });

  it('exports search hits in the ranked order of the list', async () => {
    const q = encodeURIComponent('导出');
    const list = (await admin.get(`/api/enterprises?q=${q}&pageSize=200`)).json();
    const rows = await exported(admin, `q=${q}&sort=name`);
    expect(rows.map((r) => r['统一社会信用代码'])).toEqual(list.items.map((x: { uscc: string }) => x.uscc));
    expect(rows).toHaveLength(3);
    expect((await exported(admin, `q=${q}&park=${encodeURIComponent('Y园')}`)).map((r) => r['企业名称'])).toEqual([
      '苏州导出疫苗有限公司',
    ]);
  });

  it('audits every export once, with its filters, format, row count and whether it was unmasked', async () => {
    const before = await h.database.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'export')
      .executeTakeFirstOrThrow();
    await exportOf(admin, `format=csv&park=${encodeURIComponent('X园')}&size=small`);
    const event = await lastExportAudit(t.users.admin.username);
    expect(event).toMatchObject({ entityType: 'enterprise', outcome: 'ok', detail: 'unmasked', tenantId: t.id });
    expect(JSON.parse(event.after!)).toEqual({
      format: 'csv',
      filters: { park: 'X园', size: 'small' },
      rows: 1,
      unmaskedRows: 1,
      truncated: false,
    });
    const after = await h.database.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'export')
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
    // The audit log, as an admin reads it, shows it.
    const listed = (await admin.get('/api/audit?action=export&entityType=enterprise')).json();
    expect(listed.items[0]).toMatchObject({ actorUsername: t.users.admin.username, detail: 'unmasked' });
  });

  it('writes a file the importer reads back: every column but two recognised, every row valid', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const res = await exportOf(admin, `format=${format}&park=${encodeURIComponent('X园')}&sort=name`);
      const checked = await checkRows(readRowsFrom(Readable.from([res.rawPayload]), format));
      expect(checked.header?.unmapped, format).toEqual(['行业名称', '服务专员']);
      const values = [];
      for await (const row of checked.rows) {
        expect(row.result.ok, `${format} row ${row.rowNumber}: ${JSON.stringify(row.result.errors)}`).toBe(true);
        if (row.result.ok) values.push(row.result.value);
      }
      expect(values[1], format).toMatchObject({
        uscc: ids.aUscc,
        registeredCapital: 5_000_000,
        size: 'small',
        industryCode: '7340',
        chainNodeCodes: ['cro_preclinical'],
        qualifications: [{ code: 'high_tech' }],
        tags: ['CRO', '重点企业'],
        formerNames: ['上海旧名生物有限公司'],
        contacts: [{ name: '王经理', title: '总经理', mobile: '13812341234', email: 'wang@example.cn' }],
        figures: [{ year: 2024, employees: 120, revenue: 350_000_000, rndSpend: 20_000_000, taxPaid: 12_000_000 }],
      });
    }
  });
});
