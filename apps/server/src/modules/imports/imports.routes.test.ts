import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { usccCheckDigit } from '@kaimen/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildApp } from '../../app.js';
import {
  buildTestApp,
  DB_KIND,
  login,
  multipart,
  testConfig,
  type Client,
  type TestHarness,
} from '../../test/helper.js';
import {
  MESSY_EXPECTED_BAD,
  MESSY_GOOD_ROWS,
  U1,
  U2,
  writeMessyGbkCsv,
  writeMessyXlsx,
} from '../enterprises/import/messy-file.fixtures.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe(`spreadsheet imports (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let admin: Client;
  let investment: Client;
  const files = { xlsx: Buffer.alloc(0), csv: Buffer.alloc(0) };

  const upload = (c: Client, name: string, content: Buffer, kind = 'enterprises') =>
    c.inject({ method: 'POST', url: '/api/imports', ...multipart({ kind }, { name, content, type: XLSX }) });

  /** Polls the job until its check or run has ended, as the import page does. */
  async function settled(c: Client, id: string) {
    for (let i = 0; i < 400; i++) {
      const res = await c.get(`/api/imports/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const job = res.json();
      if (job.status !== 'checking' && job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  }

  async function start(c: Client, id: string, phase: 'check' | 'run', options: object = {}) {
    const job = (await c.get(`/api/imports/${id}`)).json();
    const res = await c.post(`/api/imports/${id}/${phase}`, { options, version: job.version });
    expect(res.statusCode, res.body).toBe(202);
    return settled(c, id);
  }

  /** A tenant of its own, so that one case's imports are not another's existing companies. */
  const freshAdmin = async (slug: string) => {
    const tenant = await createTenant(h.database, slug, h.clock.now());
    return { tenant, client: await login(h.app, tenant.users.admin.username) };
  };

  const count = async (tenantId: string) =>
    Number(
      (
        await h.database.db
          .selectFrom('enterprises')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('tenantId', '=', tenantId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'im', h.clock.now());
    other = await createTenant(h.database, 'io', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
    investment = await login(h.app, t.users.investment.username);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-imports-'));
    await writeMessyXlsx(path.join(dir, 'm.xlsx'));
    writeMessyGbkCsv(path.join(dir, 'm.csv'));
    files.xlsx = fs.readFileSync(path.join(dir, 'm.xlsx'));
    files.csv = fs.readFileSync(path.join(dir, 'm.csv'));
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterAll(async () => h.close());

  it('reads the header of an upload below its merged title row and shows a preview', async () => {
    const res = await upload(investment, '2024年重点企业名录.xlsx', files.xlsx);
    expect(res.statusCode, res.body).toBe(201);
    const job = res.json();
    expect(job).toMatchObject({ status: 'uploaded', fileKind: 'xlsx', kind: 'enterprises', progress: null });
    expect(job.header.headerRowNumber).toBe(3);
    expect(job.header.mapping).toMatchObject({ 1: 'uscc', 2: 'name', 5: 'foundedOn' });
    expect(job.header.unmapped).toEqual(['内部编号']);
    expect(job.header.preview[0]).toEqual(expect.objectContaining({ rowNumber: 4 }));
    expect(job.header.preview[0].cells[2]).toBe('上海生物科技有限公司');
    expect(job.fields).toContainEqual({ field: 'uscc', label: '统一社会信用代码' });
  });

  it.each(['xlsx', 'csv'] as const)(
    'a dry run of the messy %s reports every bad row and writes nothing; the run imports the good rows',
    async (kind) => {
      const { tenant, client: admin } = await freshAdmin(`im${kind}`);
      const before = await count(tenant.id);
      const job = (await upload(admin, `messy.${kind}`, files[kind])).json();
      const checked = await start(admin, job.id, 'check');
      expect(checked.status).toBe('checked');
      expect(checked.summary).toMatchObject({ invalid: 7, new: 7, existing: 0, created: 0 });
      expect(await count(tenant.id)).toBe(before);

      const errors = (await admin.get(`/api/imports/${job.id}/errors?pageSize=200`)).json();
      expect(errors.total).toBe(7);
      expect(
        errors.items.map((r: { rowNumber: number; errors: { column: string; reason: string }[] }) => ({
          rowNumber: r.rowNumber,
          errors: r.errors.map((e) => ({ column: e.column, reason: e.reason })),
        })),
      ).toEqual(
        MESSY_EXPECTED_BAD.map((b) => ({
          rowNumber: b.rowNumber,
          errors: b.errors.map((e) => ({ column: e.column, reason: e.reason })),
        })),
      );
      expect(errors.items[0].errors[0].message).toContain('统一社会信用代码无效');
      expect(errors.items[0].cells[2]).toBe('坏校验位公司');

      const done = await start(admin, job.id, 'run');
      expect(done.status).toBe('done');
      expect(done.summary).toMatchObject({ created: MESSY_GOOD_ROWS.length, invalid: 7 });
      expect(await count(tenant.id)).toBe(before + MESSY_GOOD_ROWS.length);
      // Found by the search box straight away: the import keeps the index.
      const found = (await admin.get(`/api/enterprises?q=${encodeURIComponent('全角手机')}`)).json();
      expect(found.items.map((e: { name: string }) => e.name)).toEqual(['全角手机公司']);
      // A file imported once is not imported twice by mistake.
      const again = await admin.post(`/api/imports/${job.id}/run`, { options: {}, version: done.version });
      expect(again.statusCode).toBe(409);
      expect(again.headers['content-type']).toContain('application/problem+json');
    },
  );

  it('the second import skips or updates the companies that exist, as chosen', async () => {
    const csv = (name: string, capital: string) =>
      Buffer.from(`统一社会信用代码,企业名称,注册资本\n${U1},${name},${capital}\n${U2},北京ＡＢＣ医药有限公司,\n`);
    const { tenant, client: admin } = await freshAdmin('imagain');
    const first = (await upload(admin, 'first.csv', csv('上海生物科技有限公司', '500万'))).json();
    expect((await start(admin, first.id, 'run')).summary).toMatchObject({ created: 2 });
    await h.database.db
      .updateTable('enterprises')
      .set({ legalRepresentative: '张三' })
      .where('tenantId', '=', tenant.id)
      .execute();
    const skip = (await upload(admin, 'again.csv', csv('上海生物科技（改名）有限公司', '800万'))).json();
    const skipped = await start(admin, skip.id, 'run', { existing: 'skip' });
    expect(skipped.summary).toMatchObject({ existing: 2, created: 0, updated: 0, invalid: 0 });
    const report = (await admin.get(`/api/imports/${skip.id}/errors`)).json();
    expect(
      report.items.map((r: { skippedExisting: boolean; rowNumber: number }) => [r.rowNumber, r.skippedExisting]),
    ).toEqual([
      [2, true],
      [3, true],
    ]);

    const update = (await upload(admin, 'again.csv', csv('上海生物科技（改名）有限公司', '800万'))).json();
    const updated = await start(admin, update.id, 'run', { existing: 'update' });
    expect(updated.summary).toMatchObject({ existing: 2, updated: 2, created: 0 });
    const e = await h.database.db
      .selectFrom('enterprises')
      .selectAll()
      .where('tenantId', '=', tenant.id)
      .where('uscc', '=', U1)
      .executeTakeFirstOrThrow();
    // Full-width brackets fold to half-width, as every text field of the record does.
    expect(e).toMatchObject({
      name: '上海生物科技(改名)有限公司',
      registeredCapital: 8_000_000,
      legalRepresentative: '张三',
    });
    expect(e.version).toBeGreaterThan(1);
    const hits = (await admin.get(`/api/enterprises?q=${encodeURIComponent('改名')}`)).json();
    expect(hits.items.map((x: { uscc: string }) => x.uscc)).toEqual([U1]);
  });

  it('the error report is an xlsx with the original cells, the row number and the reason', async () => {
    const { client: admin } = await freshAdmin('imreport');
    const job = (await upload(admin, '名录.xlsx', files.xlsx)).json();
    const checked = await start(admin, job.id, 'check');
    expect(checked.status, JSON.stringify(checked.error)).toBe('checked');
    expect(checked.summary).toMatchObject({ invalid: 7 });
    const res = await admin.get(`/api/imports/${job.id}/report`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('名录-问题行.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toEqual([undefined, '原文件行号', '序号', '统一社会信用代码', '企业名称', ...rows[0]!.slice(5)]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(MESSY_EXPECTED_BAD.map((b) => b.rowNumber));
    const last = rows[0]!.length - 1;
    expect(rows[0]![last]).toBe('错误原因');
    expect(rows[1]![4]).toBe('坏校验位公司');
    expect(String(rows[1]![last])).toContain('统一社会信用代码：统一社会信用代码无效');
    expect(String(rows[3]![last])).toContain('第 4 行');

    const en = await admin.inject({
      method: 'GET',
      url: `/api/imports/${job.id}/report`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.headers['content-disposition']).toContain('errors.xlsx');
  });

  it('takes a manual header row and mapping when the header is not recognised', async () => {
    const csv = Buffer.from(`代码,抬头,钱\n${U1},上海生物,100万\n91350203M0001QAY9B,坏的,\n`);
    const job = (await upload(admin, 'odd.csv', csv)).json();
    expect(job.header.headerRowNumber).toBeNull();
    expect(job.header.preview.map((r: { cells: string[] }) => r.cells[0])).toEqual(['代码', U1, '91350203M0001QAY9B']);
    const failed = await start(admin, job.id, 'check');
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'no-header' });
    expect(failed.error.message).toContain('未找到表头');
    const checked = await start(admin, job.id, 'check', {
      headerRowNumber: 1,
      mapping: { 0: 'uscc', 1: 'name', 2: 'registeredCapital' },
    });
    expect(checked.status).toBe('checked');
    expect(checked.header.mapping).toEqual({ 0: 'uscc', 1: 'name', 2: 'registeredCapital' });
    expect(checked.summary).toMatchObject({ new: 1, invalid: 1 });
  });

  it('refuses bad input with problem+json in the user language', async () => {
    const pdf = await upload(admin, 'scan.pdf', Buffer.from('%PDF-1.4\n'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().detail).toContain('.xlsx');
    const fake = await upload(admin, 'fake.xlsx', Buffer.from('not a zip at all'));
    expect(fake.statusCode).toBe(415);
    const broken = await upload(admin, 'broken.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));
    expect(broken.statusCode).toBe(422);
    expect(broken.json().detail).toContain('损坏');
    const job = (await upload(admin, 'ok.csv', Buffer.from(`统一社会信用代码,企业名称\n${U1},上海\n`))).json();
    const badOptions = await admin.post(`/api/imports/${job.id}/check`, {
      options: { existing: 'overwrite' },
      version: job.version,
    });
    expect(badOptions.statusCode).toBe(400);
    expect(badOptions.json().errors[0].field).toBe('options.existing');
    const stale = await admin.post(`/api/imports/${job.id}/check`, { options: {}, version: job.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toBe('/problems/stale-version');
  });

  it('keeps options sent with the upload on the job, and refuses bad ones with nothing kept', async () => {
    const csvFile = {
      name: 'opts.csv',
      content: Buffer.from(`统一社会信用代码,企业名称\n${U1},上海\n`),
      type: 'text/csv',
    };
    const send = (options: string) =>
      admin.inject({ method: 'POST', url: '/api/imports', ...multipart({ kind: 'enterprises', options }, csvFile) });
    const kept = await send(JSON.stringify({ existing: 'update' }));
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json().options).toMatchObject({ existing: 'update' });
    const before = (await admin.get('/api/imports')).json().total;
    const bad = await send(JSON.stringify({ existing: 'overwrite' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('options.existing');
    const notJson = await send('{existing');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().errors[0].field).toBe('options');
    expect((await admin.get('/api/imports')).json().total).toBe(before);
  });

  it('only the uploader and the admin see an import; other roles and tenants are refused', async () => {
    const job = (await upload(investment, 'mine.csv', files.csv)).json();
    const otherInvestment = await login(h.app, other.users.investment.username);
    const otherAdmin = await login(h.app, other.users.admin.username);
    for (const role of ['service', 'leader', 'department', 'enterprise'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await upload(c, 'x.csv', files.csv)).statusCode, role).toBe(403);
      expect((await c.get('/api/imports')).statusCode, role).toBe(403);
      expect((await c.get(`/api/imports/${job.id}`)).statusCode, role).toBe(403);
    }
    // The property manager imports units and parcels (see their kinds): not companies, nor an officer's import.
    const pm = await login(h.app, t.users.property.username);
    expect((await upload(pm, 'x.csv', files.csv)).statusCode).toBe(403);
    expect((await pm.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    expect((await pm.get('/api/imports')).json().items).toEqual([]);
    // The admin of the tenant sees it; another tenant's users do not, on the list or the record.
    expect((await admin.get(`/api/imports/${job.id}`)).statusCode).toBe(200);
    expect((await admin.get('/api/imports')).json().items.map((j: { id: string }) => j.id)).toContain(job.id);
    for (const c of [otherInvestment, otherAdmin]) {
      expect((await c.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/imports/${job.id}/errors`)).statusCode).toBe(404);
      expect((await c.get(`/api/imports/${job.id}/report`)).statusCode).toBe(404);
      expect((await c.post(`/api/imports/${job.id}/run`, { options: {}, version: 1 })).statusCode).toBe(404);
      expect((await c.delete(`/api/imports/${job.id}`)).statusCode).toBe(404);
      expect((await c.get('/api/imports')).json().items.map((j: { id: string }) => j.id)).not.toContain(job.id);
    }
    // Another investment officer of the same tenant neither.
    const colleague = await h.database.db
      .insertInto('users')
      .values({
        id: 'colleague-im',
        tenantId: t.id,
        username: 'im-investment-2',
        displayName: '同事',
        passwordHash: (
          await h.database.db
            .selectFrom('users')
            .select('passwordHash')
            .where('id', '=', t.users.investment.id)
            .executeTakeFirstOrThrow()
        ).passwordHash,
        role: 'investment',
        passwordChangedAt: h.clock.now().toISOString(),
        createdAt: h.clock.now().toISOString(),
        updatedAt: h.clock.now().toISOString(),
        version: 1,
      })
      .returning('username')
      .executeTakeFirstOrThrow();
    const c2 = await login(h.app, colleague.username);
    expect((await c2.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    expect((await c2.get('/api/imports')).json().items).toEqual([]);
    // Nothing of the refused attempts reached another tenant's registry.
    expect(await count(other.id)).toBe(0);
  });

  it('audits the upload, the check, the run (with its counts) and the deletion', async () => {
    const { tenant, client: admin } = await freshAdmin('imaudit');
    const job = (
      await upload(admin, 'audited.csv', Buffer.from(`统一社会信用代码,企业名称\n91110000600037341L,北京审计生物\n`))
    ).json();
    await start(admin, job.id, 'check');
    await start(admin, job.id, 'run');
    expect((await admin.delete(`/api/imports/${job.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    const events = await h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityType', 'entityId', 'after', 'actorUsername'])
      .where('tenantId', '=', tenant.id)
      .where((eb) => eb.or([eb('entityId', '=', job.id), eb('action', '=', 'import')]))
      .orderBy('id')
      .execute();
    expect(events.map((e) => `${e.entityType}:${e.action}`)).toEqual(
      expect.arrayContaining(['import:upload', 'import:check', 'import:run', 'enterprise:import', 'import:delete']),
    );
    const run = events.filter((e) => e.action === 'import').find((e) => JSON.parse(e.after!).importId === job.id)!;
    expect(JSON.parse(run.after!)).toMatchObject({ fileName: 'audited.csv', counts: { created: 1 } });
    expect(run.actorUsername).toBe(tenant.users.admin.username);
  });

  it('an import left running by a process that died shows as interrupted and can be started again', async () => {
    const job = (await upload(admin, 'left.csv', Buffer.from(`统一社会信用代码,企业名称\n${U2},北京\n`))).json();
    // As a crashed instance leaves it: running, its heartbeat long gone, not in this process's runner.
    await h.database.db
      .updateTable('importJobs')
      .set({ status: 'running', heartbeatAt: new Date(h.clock.now().getTime() - 10 * 60_000).toISOString() })
      .where('id', '=', job.id)
      .execute();
    const seen = (await admin.get(`/api/imports/${job.id}`)).json();
    expect(seen.status).toBe('failed');
    expect(seen.error).toMatchObject({ code: 'interrupted' });
    expect(seen.error.message).toContain('未导入任何数据');
    const checked = await start(admin, job.id, 'check');
    expect(checked.status).toBe('checked');
  });

  it('cancelling a run rolls it back: nothing of it stays', async () => {
    const { tenant, client: admin } = await freshAdmin('imcancel');
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const body = `91320594${String(i + 1).padStart(9, '0')}`;
      return `${body}${usccCheckDigit(body)},苏州取消测试${i}`;
    });
    const job = (
      await upload(admin, 'many.csv', Buffer.from(`统一社会信用代码,企业名称\n${rows.join('\n')}\n`))
    ).json();
    // The runner checks for a cancel after every batch: stop it once the first thousand rows are written.
    let cancelledAt = 0;
    const cancelled = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const rows = h.app.imports.progressOf(job.id)?.rows ?? 0;
        if (rows > 0 && h.app.imports.cancel(job.id)) {
          cancelledAt = rows;
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    const res = await admin.post(`/api/imports/${job.id}/run`, { options: {}, version: job.version });
    expect(res.statusCode).toBe(202);
    await cancelled;
    const done = await settled(admin, job.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatchObject({ code: 'cancelled' });
    expect(cancelledAt).toBeGreaterThan(0);
    expect(cancelledAt).toBeLessThan(3000);
    expect(await count(tenant.id)).toBe(0);
  });

  it('a server shutting down stops its running import, which leaves nothing and says it was interrupted', async () => {
    const { tenant } = await freshAdmin('imstop');
    // An instance of its own, with its own connection, as `kaimen serve` has.
    const app = await buildApp(testConfig(h.testDb, h.clock), { webRoot: null, logger: false });
    await app.ready();
    const c = await login(app, tenant.users.admin.username);
    // Enough batches that the run is still going when the shutdown comes.
    const rows = Array.from({ length: 20_000 }, (_, i) => {
      const body = `91320583${String(i + 1).padStart(9, '0')}`;
      return `${body}${usccCheckDigit(body)},昆山停机测试${i}`;
    });
    const job = (await upload(c, 'stop.csv', Buffer.from(`统一社会信用代码,企业名称\n${rows.join('\n')}\n`))).json();
    expect((await c.post(`/api/imports/${job.id}/run`, { options: {}, version: job.version })).statusCode).toBe(202);
    while ((app.imports.progressOf(job.id)?.rows ?? 0) === 0) await new Promise((r) => setTimeout(r, 1));
    await app.close();
    const row = await h.database.db
      .selectFrom('importJobs')
      .select(['status', 'error'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', error: 'interrupted' });
    expect(await count(tenant.id)).toBe(0);
  });

  it.runIf(DB_KIND === 'sqlite')(
    "while an import holds SQLite's writer, reads go on and a write gets a clear 503 that loses nothing",
    { timeout: 30_000 },
    async () => {
      const work = h.database.forLongWork();
      work.database.sqlite!.prepare('begin immediate').run();
      try {
        expect((await admin.get('/api/enterprises')).statusCode).toBe(200);
        const res = await admin.post('/api/enterprises', { uscc: '91340600MA2PBP2120', name: '忙时登记公司' });
        expect(res.statusCode).toBe(503);
        expect(res.headers['retry-after']).toBe('10');
        expect(res.json()).toMatchObject({ code: 'busy', type: '/problems/busy' });
        expect(res.json().detail).toContain('数据库正忙');
      } finally {
        work.database.sqlite!.prepare('rollback').run();
        await work.release();
      }
      const again = await admin.post('/api/enterprises', { uscc: '91340600MA2PBP2120', name: '忙时登记公司' });
      expect(again.statusCode, again.body).toBe(201);
    },
  );

  it.runIf(DB_KIND === 'sqlite')(
    "a write waiting for an import's writer leaves the process running, and lands when the import commits",
    { timeout: 30_000 },
    async () => {
      const work = h.database.forLongWork();
      work.database.sqlite!.prepare('begin immediate').run();
      // The import's side goes on while the request waits: this timer ends its transaction. A wait that slept the
      // thread (better-sqlite3's busy timeout) would keep the timer from running until the request had failed.
      let importCommitted = false;
      const importSide = new Promise<void>((resolve) =>
        setTimeout(() => {
          work.database.sqlite!.prepare('commit').run();
          importCommitted = true;
          resolve();
        }, 300),
      );
      try {
        const uscc = `91340100MA2PBP212${usccCheckDigit('91340100MA2PBP212')}`;
        const res = await admin.post('/api/enterprises', { uscc, name: '排队登记公司' });
        expect(importCommitted).toBe(true);
        expect(res.statusCode, res.body).toBe(201);
      } finally {
        await importSide;
        await work.release();
      }
      expect((await admin.get('/api/enterprises?q=排队登记')).json().items).toHaveLength(1);
    },
  );
});

describe(`import size limit (${DB_KIND})`, () => {
  let h: TestHarness;
  let admin: Client;
  beforeAll(async () => {
    h = await buildTestApp({ maxImportBytes: 2048 });
    const t = await createTenant(h.database, 'isz', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
  });
  afterAll(async () => h.close());

  it('refuses a file over KAIMEN_MAX_IMPORT_MB with the import limit in the message, and keeps nothing', async () => {
    const big = Buffer.from(`统一社会信用代码,企业名称\n${'91340600MA2PBP2120,合肥\n'.repeat(200)}`);
    const res = await admin.inject({
      method: 'POST',
      url: '/api/imports',
      ...multipart({ kind: 'enterprises' }, { name: 'big.csv', content: big, type: 'text/csv' }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toContain('2 KB');
    expect((await admin.get('/api/imports')).json().total).toBe(0);
    const incoming = path.join(h.testDb.dataDir, 'imports', '.incoming');
    expect(fs.existsSync(incoming) ? fs.readdirSync(incoming) : []).toEqual([]);
  });
});
