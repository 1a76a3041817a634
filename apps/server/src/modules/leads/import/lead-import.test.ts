import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc, type TestTenant } from '../../../test/factories.js';
import { buildTestApp, DB_KIND, login, multipart, type Client, type TestHarness } from '../../../test/helper.js';
import { importFromCli } from '../../enterprises/import/import-cli.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An office's pipeline sheet: a merged title row, 万元 amounts, Chinese stage and channel names, owners by name. */
async function pipelineSheet(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('招商项目库');
  ws.addRow(['2026年招商项目台账']);
  ws.mergeCells('A1:J1');
  ws.addRow([
    '序号',
    '项目名称',
    '统一社会信用代码',
    '线索来源',
    '项目阶段',
    '计划投资（万元）',
    '负责人',
    '联系人',
    '手机',
    '流失原因',
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`lead import (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let officer: Client;

  const upload = (c: Client, content: Buffer) =>
    c.inject({
      method: 'POST',
      url: '/api/imports',
      ...multipart({ kind: 'leads' }, { name: '招商台账.xlsx', content, type: XLSX }),
    });
  async function start(c: Client, id: string, phase: 'check' | 'run', options: object = {}) {
    const job = (await c.get(`/api/imports/${id}`)).json();
    const res = await c.post(`/api/imports/${id}/${phase}`, { options, version: job.version });
    expect(res.statusCode, res.body).toBe(202);
    // Until the job has ended (a loaded machine may take a while: the test's own timeout is the limit).
    for (;;) {
      const j = (await c.get(`/api/imports/${id}`)).json();
      if (j.status !== 'checking' && j.status !== 'running') return j;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'li', h.clock.now());
    officer = await login(h.app, t.users.investment.username);
  });
  afterAll(async () => h.close());

  it('checks every row, reports the bad ones with row, column and reason, and imports the rest at their stages', async () => {
    const existing = await officer.post('/api/leads', {
      companyName: '已在库生物科技有限公司',
      sourceChannel: 'policy',
    });
    expect(existing.statusCode).toBe(201);
    const company = await officer.post('/api/enterprises', { uscc: testUscc(7001), name: '本地落地生物有限公司' });
    expect(company.statusCode).toBe(201);
    const file = await pipelineSheet([
      [
        1,
        '苏州甲基因治疗有限公司',
        testUscc(7002),
        '产业招商',
        '考察洽谈',
        50000,
        'li investment',
        '张总',
        '13800001111',
        null,
      ],
      [2, '乙细胞（CDMO）有限公司', null, '基金招商', '签约', '2000', null, null, null, null],
      [3, '丙试剂有限公司', null, 'referral', '流失', 300, null, null, null, '选择了外地'],
      [4, '丁生物', null, '路边招商', '线索', null, null, null, null, null],
      [5, '戊医药', null, 'policy', '流失', null, null, null, null, null],
      [6, '己生物', '91350100M000100Y4Z', 'policy', null, null, null, null, null, null],
      [7, '苏州甲基因治疗（有限公司）', null, 'policy', null, null, null, null, null, null],
      [8, '已在库生物科技有限公司', null, 'policy', null, null, null, null, null, null],
      [9, '本地落地生物', testUscc(7001), '以商招商', '注册落地', 12000, '不存在的人', null, null, null],
      [null, null, null, null, null, null, null, null, null, null],
      [10, '庚检测有限公司', testUscc(7003), 'platform', '初步接洽', '1.5亿', null, null, null, null],
    ]);
    const job = (await upload(officer, file)).json();
    expect(job.header).toMatchObject({ headerRowNumber: 2 });
    expect(job.header.mapping).toMatchObject({
      1: 'companyName',
      3: 'sourceChannel',
      4: 'stage',
      5: 'plannedInvestment',
      6: 'owner',
    });
    expect(job.header.unmapped).toEqual([]);

    const checked = await start(officer, job.id, 'check');
    expect(checked.summary).toMatchObject({ rows: 11, blank: 1, invalid: 5, new: 4, existing: 1, created: 0 });
    const bad = (await officer.get(`/api/imports/${job.id}/errors?pageSize=50`)).json().items as {
      rowNumber: number;
      errors: { column: string; reason: string }[];
    }[];
    expect(bad.map((b) => [b.rowNumber, b.errors.map((e) => `${e.column}:${e.reason}`)])).toEqual([
      [6, ['线索来源:channel-invalid']],
      [7, ['流失原因:lost-reason-required']],
      [8, ['统一社会信用代码:uscc-invalid']],
      [9, ['项目名称:duplicate-in-file']],
      [10, ['项目名称:exists']],
      [11, ['负责人:owner-unknown', '项目阶段:approval-required']],
    ]);
    expect(await h.database.db.selectFrom('leads').select('id').where('tenantId', '=', t.id).execute()).toHaveLength(1);

    const done = await start(officer, job.id, 'run');
    expect(done.summary).toMatchObject({ created: 4, invalid: 5 });
    const leads = (await officer.get('/api/leads?pageSize=50&sort=companyName')).json().items as {
      companyName: string;
      stage: string;
      plannedInvestment: number | null;
      sourceChannel: string;
      owner: { id: string };
      id: string;
    }[];
    const byName = Object.fromEntries(leads.map((l) => [l.companyName, l]));
    expect(byName['苏州甲基因治疗有限公司']).toMatchObject({
      stage: 'negotiating',
      plannedInvestment: 500_000_000,
      sourceChannel: 'industry',
      owner: { id: t.users.investment.id },
    });
    expect(byName['乙细胞(CDMO)有限公司']).toMatchObject({
      stage: 'signed',
      plannedInvestment: 20_000_000,
      sourceChannel: 'fund',
    });
    expect(byName['丙试剂有限公司']).toMatchObject({ stage: 'lost' });
    expect(byName['庚检测有限公司']).toMatchObject({ stage: 'contacted', plannedInvestment: 150_000_000 });
    const lost = (await officer.get(`/api/leads/${byName['丙试剂有限公司']!.id}`)).json();
    expect(lost.lostReason).toBe('选择了外地');
    const contact = (await officer.get(`/api/leads/${byName['苏州甲基因治疗有限公司']!.id}`)).json().contacts;
    expect(contact).toEqual([expect.objectContaining({ name: '张总', mobile: '13800001111' })]);
    // Each lead's history starts at 线索 and ends at the stage of the sheet.
    const timeline = (await officer.get(`/api/leads/${byName['乙细胞(CDMO)有限公司']!.id}/timeline`)).json().items;
    expect(timeline.map((e: { toStage: string }) => e.toStage).sort()).toEqual(['lead', 'signed']);
    const audit = (
      await (await login(h.app, t.users.admin.username)).get('/api/audit?action=import&entityType=lead')
    ).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].after.counts).toMatchObject({ created: 4 });
  });

  it('updates the leads a sheet names again when told to, and a service officer may not import leads', async () => {
    const file = await pipelineSheet([[1, '辛生物有限公司', null, 'policy', '线索', 100, null, null, null, null]]);
    const first = (await upload(officer, file)).json();
    await start(officer, first.id, 'run');
    const again = await pipelineSheet([
      [1, '辛生物有限公司', null, 'policy', '线索', 900, null, '新联系人', '13900002222', null],
    ]);
    const second = (await upload(officer, again)).json();
    const done = await start(officer, second.id, 'run', { existing: 'update' });
    expect(done.summary).toMatchObject({ existing: 1, updated: 1, created: 0 });
    const lead = (await officer.get(`/api/leads?q=${encodeURIComponent('辛生物')}`)).json().items[0];
    expect(lead.plannedInvestment).toBe(9_000_000);
    const service = await login(h.app, t.users.service.username);
    expect((await upload(service, file)).statusCode).toBe(403);
  });
});

describe(`kaimen import leads (${DB_KIND})`, () => {
  it('checks a pipeline sheet from the shell, printing each bad row, and imports it', async () => {
    const h = await buildTestApp();
    try {
      const t = await createTenant(h.database, 'lc', h.clock.now());
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-lead-cli-'));
      const file = path.join(dir, '台账.xlsx');
      fs.writeFileSync(
        file,
        await pipelineSheet([
          [1, '壬生物有限公司', null, '平台招商', '初步接洽', 800, null, null, null, null],
          [2, '癸生物', null, '不知道', null, null, null, null, null, null],
        ]),
      );
      const lines: string[] = [];
      const run = (dryRun: boolean) =>
        importFromCli(h.database, {
          kind: 'leads',
          file,
          tenant: t.slug,
          dryRun,
          existing: 'skip',
          now: h.clock.now(),
          out: (l) => lines.push(l),
        });
      expect(await run(true)).toMatchObject({ new: 1, invalid: 1, created: 0 });
      expect(lines[0]).toBe('row 4: 线索来源: 未知的招商渠道 (channel-invalid)');
      expect(await run(false)).toMatchObject({ created: 1 });
      const rows = await h.database.db.selectFrom('leads').selectAll().where('tenantId', '=', t.id).execute();
      expect(rows.map((r) => [r.companyName, r.stage, r.ownerId])).toEqual([
        ['壬生物有限公司', 'contacted', t.users.admin.id],
      ]);
      fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      await h.close();
    }
  });
});
