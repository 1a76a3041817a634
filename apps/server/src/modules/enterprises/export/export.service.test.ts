import fs from 'node:fs';
import path from 'node:path';
import { usccCheckDigit } from '@kaimen/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/actor.js';
import { createTenant, type TestTenant } from '../../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../../test/helper.js';
import { openExportRows } from './export-rows.js';
import { exportEnterprisesToFile, formatFor } from './export.service.js';

const makeUscc = (n: number): string => {
  const first17 = `91310115MB${String(n).padStart(7, '0')}`;
  return first17 + usccCheckDigit(first17);
};

describe(`enterprise export rows and the CLI export (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let admin: Client;
  let actor: Actor;

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'xs', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
    // Names that tie (same name, different ids) test the keyset's tie-break on id.
    for (let i = 0; i < 13; i++) {
      h.clock.advanceMinutes(1);
      const res = await admin.post('/api/enterprises', {
        uscc: makeUscc(i),
        name: `批量导出公司${i % 4}`,
        park: 'K园',
        contacts: [{ name: '联系人', mobile: `1381234${String(1000 + i)}` }],
      });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
    const me = (await admin.get('/api/auth/me')).json().user;
    actor = {
      userId: me.id,
      username: me.username,
      role: 'admin',
      tenantId: t.id,
      departmentId: null,
      departmentHead: false,
      enterpriseId: null,
    };
  });
  afterAll(async () => h.close());

  it('reads batch after batch by keyset, in the order of the list for every sort', async () => {
    for (const sort of ['name', '-name', 'createdAt', '-createdAt', 'updatedAt'] as const) {
      const listed = (await admin.get(`/api/enterprises?park=${encodeURIComponent('K园')}&sort=${sort}&pageSize=200`))
        .json()
        .items.map((x: { uscc: string }) => x.uscc);
      const rows = await openExportRows(
        h.database,
        actor,
        { park: 'K园', sort },
        { personalData: 'policy', batchSize: 4 },
      );
      const sizes: number[] = [];
      const exported: string[] = [];
      for await (const batch of rows.batches) {
        sizes.push(batch.length);
        exported.push(...batch.map((r) => r.uscc));
      }
      expect(exported, sort).toEqual(listed);
      expect(sizes, sort).toEqual([4, 4, 4, 1]);
    }
  });

  it('caps a search at the cap and says so', async () => {
    const rows = await openExportRows(
      h.database,
      actor,
      { q: '批量导出' },
      { personalData: 'policy', batchSize: 4, searchCap: 5 },
    );
    expect(rows.truncated).toBe(true);
    let n = 0;
    for await (const batch of rows.batches) n += batch.length;
    expect(n).toBe(5);
    const all = await openExportRows(h.database, actor, { q: '批量导出' }, { personalData: 'policy', searchCap: 13 });
    expect(all.truncated).toBe(false);
  });

  it('writes a whole tenant unmasked to a file, audited as kaimen-cli, the format from the file name', async () => {
    const dir = fs.mkdtempSync(path.join(h.testDb.dataDir, 'cli-'));
    // Another tenant: the CLI must now be told which one.
    await createTenant(h.database, 'xt', h.clock.now());
    await expect(exportEnterprisesToFile(h.database, { file: path.join(dir, 'a.xlsx') })).rejects.toThrow(/--tenant/);
    await expect(
      exportEnterprisesToFile(h.database, { file: path.join(dir, 'a.xlsx'), tenant: 'nope' }),
    ).rejects.toThrow(/no tenant nope/);

    const xlsx = path.join(dir, '企业.xlsx');
    const r = await exportEnterprisesToFile(h.database, { file: xlsx, tenant: 'xs', now: h.clock.now() });
    expect(r).toMatchObject({ tenant: 'xs', format: 'xlsx', rows: 13, unmaskedRows: 13 });
    expect(fs.existsSync(`${xlsx}.partial`)).toBe(false);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const mobiles = workbook.worksheets[0]!.getColumn(18).values.slice(2);
    expect(mobiles).toHaveLength(13);
    expect(mobiles.every((m) => /^1381234\d{4}$/.test(String(m)))).toBe(true);

    const csv = path.join(dir, 'out.txt');
    await expect(exportEnterprisesToFile(h.database, { file: csv, tenant: 'xs' })).rejects.toThrow(/--format/);
    await exportEnterprisesToFile(h.database, { file: csv, tenant: 'xs', format: 'csv' });
    expect(fs.readFileSync(csv, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(14);

    const events = await h.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'export')
      .where('actorUsername', '=', 'kaimen-cli')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.tenantId, e.actorUserId, e.outcome, e.detail])).toEqual([
      [t.id, null, 'ok', 'unmasked'],
      [t.id, null, 'ok', 'unmasked'],
    ]);
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ format: 'xlsx', rows: 13, unmaskedRows: 13 });
  });

  it('tells the format from the extension', () => {
    expect(formatFor('/tmp/x.XLSX')).toBe('xlsx');
    expect(formatFor('x.csv')).toBe('csv');
    expect(formatFor('x.xlsx', 'csv')).toBe('csv');
    expect(() => formatFor('x')).toThrow(/--format/);
  });
});
