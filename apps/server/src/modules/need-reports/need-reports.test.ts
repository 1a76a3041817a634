import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, login, type TestHarness } from '../../test/helper.js';
import { topGroups, TOP_OPEN } from './need-reports.compute.js';
import type { TNeedReports } from './need-reports.schemas.js';

let h: TestHarness;
let a: TestTenant;
let b: TestTenant;
let seq = 0;

const NOW = '2026-03-02T01:00:00.000Z';
const RANGE = 'from=2025-01-01&to=2025-12-31';

async function insertEnterprise(database: Database, tenantId: string, park: string | null, nodes: string[] = []) {
  const id = newId();
  await database.db
    .insertInto('enterprises')
    .values({
      tenantId,
      id,
      uscc: testUscc(++seq),
      name: `测试生物 ${seq} 有限公司`,
      park,
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    })
    .execute();
  for (const code of nodes) {
    const node = await database.db
      .selectFrom('chainNodes')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('enterpriseChainNodes')
      .values({ tenantId, enterpriseId: id, chainNodeId: node.id })
      .execute();
  }
  return id;
}

interface FixtureNeed {
  enterprise: string;
  category: string;
  department: string;
  status: string;
  submittedAt: string;
  dueAt: string;
  acceptBy?: string;
  resolvedAt?: string;
  resolvedLate?: 0 | 1;
  satisfaction?: 'satisfied' | 'basically' | 'unsatisfied';
  escalatedAt?: string;
}

/** A need row as the needs module leaves it at that step of its life. */
async function insertNeed(database: Database, tenantId: string, n: FixtureNeed) {
  await database.db
    .insertInto('needs')
    .values({
      tenantId,
      id: newId(),
      reference: `SQ-T-${String(++seq).padStart(6, '0')}`,
      enterpriseId: n.enterprise,
      visitId: null,
      categoryCode: n.category,
      title: `诉求 ${seq}`,
      description: '测试诉求',
      source: 'visit',
      urgency: 'normal',
      leadDepartmentId: n.department,
      status: n.status,
      officerId: null,
      contactName: null,
      contactPhone: null,
      address: null,
      lat: null,
      long: null,
      submittedAt: n.submittedAt,
      acceptBy: n.acceptBy ?? new Date(Date.parse(n.submittedAt) + 2 * 86_400_000).toISOString(),
      dueOn: n.dueAt.slice(0, 10),
      dueAt: n.dueAt,
      acceptedAt: n.status === 'submitted' ? null : n.submittedAt,
      resolvedAt: n.resolvedAt ?? null,
      resolution: n.resolvedAt ? '已办理' : null,
      confirmedAt: null,
      satisfaction: n.satisfaction ?? null,
      closedAt: null,
      returnedReason: n.status === 'returned' ? '材料不全' : null,
      escalatedAt: n.escalatedAt ?? null,
      escalationKind: n.escalatedAt ? 'overdue' : null,
      escalationReason: null,
      resolvedLate: n.resolvedLate ?? null,
      createdBy: null,
      createdAt: n.submittedAt,
      updatedAt: n.resolvedAt ?? n.submittedAt,
      version: 1,
    })
    .execute();
}

beforeAll(async () => {
  h = await buildTestApp();
  a = await createTenant(h.database, 'na');
  b = await createTenant(h.database, 'nb');
  const db = h.database;
  const d = a.departments;
  const zj1 = await insertEnterprise(db, a.id, '张江园区', ['cro', 'cdmo']);
  const zj2 = await insertEnterprise(db, a.id, '张江园区', ['cdmo']);
  const blank = await insertEnterprise(db, a.id, '  ');
  const bio = await insertEnterprise(db, a.id, 'BioBAY', ['testing']);
  const none = await insertEnterprise(db, a.id, null);
  const needs: FixtureNeed[] = [
    // N1: answered in 4 days, on time, satisfied.
    {
      enterprise: zj1,
      category: 'rnd',
      department: d.economy!,
      status: 'closed',
      submittedAt: '2025-01-10T02:00:00.000Z',
      dueAt: '2025-01-24T10:00:00.000Z',
      resolvedAt: '2025-01-14T02:00:00.000Z',
      resolvedLate: 0,
      satisfaction: 'satisfied',
    },
    // N2: 1 February in China (31 January UTC); 10 days, late, basically satisfied.
    {
      enterprise: zj1,
      category: 'rnd',
      department: d.economy!,
      status: 'confirmed',
      submittedAt: '2025-01-31T18:00:00.000Z',
      dueAt: '2025-02-07T10:00:00.000Z',
      resolvedAt: '2025-02-10T18:00:00.000Z',
      resolvedLate: 1,
      satisfaction: 'basically',
    },
    // N3: 1 January in China (31 December UTC); 2 days, on time, not rated yet.
    {
      enterprise: bio,
      category: 'power',
      department: d.power!,
      status: 'resolved',
      submittedAt: '2024-12-31T17:00:00.000Z',
      dueAt: '2025-01-08T10:00:00.000Z',
      resolvedAt: '2025-01-02T17:00:00.000Z',
      resolvedLate: 0,
    },
    // N4: reopened (not satisfied), past its due date: open and overdue.
    {
      enterprise: zj1,
      category: 'rnd',
      department: d.economy!,
      status: 'in_progress',
      submittedAt: '2025-03-05T02:00:00.000Z',
      dueAt: '2025-03-20T10:00:00.000Z',
      satisfaction: 'unsatisfied',
    },
    // N5: never accepted: open and overdue.
    {
      enterprise: zj2,
      category: 'space',
      department: d.land!,
      status: 'submitted',
      submittedAt: '2025-06-01T02:00:00.000Z',
      acceptBy: '2025-06-02T10:00:00.000Z',
      dueAt: '2025-06-15T10:00:00.000Z',
    },
    // N6: returned to its sender: in the period, not open.
    {
      enterprise: blank,
      category: 'space',
      department: d.land!,
      status: 'returned',
      submittedAt: '2025-06-10T02:00:00.000Z',
      dueAt: '2025-06-24T10:00:00.000Z',
    },
    // N7: 1 January 2026 in China: after the period; open, not due yet.
    {
      enterprise: zj1,
      category: 'funding',
      department: d.finance!,
      status: 'accepted',
      submittedAt: '2025-12-31T16:30:00.000Z',
      dueAt: '2026-03-10T10:00:00.000Z',
    },
    // N8: before the period, escalated: open and overdue.
    {
      enterprise: bio,
      category: 'power',
      department: d.power!,
      status: 'in_progress',
      submittedAt: '2024-11-01T02:00:00.000Z',
      dueAt: '2024-11-15T10:00:00.000Z',
      escalatedAt: '2024-11-16T01:00:00.000Z',
    },
    // N9: 6 days, late, satisfied.
    {
      enterprise: zj2,
      category: 'rnd',
      department: d.economy!,
      status: 'closed',
      submittedAt: '2025-08-01T02:00:00.000Z',
      dueAt: '2025-08-05T10:00:00.000Z',
      resolvedAt: '2025-08-07T02:00:00.000Z',
      resolvedLate: 1,
      satisfaction: 'satisfied',
    },
    // N10: after the period, open, both clocks still running.
    {
      enterprise: blank,
      category: 'space',
      department: d.land!,
      status: 'submitted',
      submittedAt: '2026-02-20T02:00:00.000Z',
      acceptBy: '2026-03-03T01:00:00.000Z',
      dueAt: '2026-03-06T10:00:00.000Z',
    },
    // N11 and N12: before the period, open, not due yet.
    {
      enterprise: zj2,
      category: 'rnd',
      department: d.economy!,
      status: 'accepted',
      submittedAt: '2024-10-01T02:00:00.000Z',
      dueAt: '2026-04-01T10:00:00.000Z',
    },
    {
      enterprise: none,
      category: 'space',
      department: d.land!,
      status: 'in_progress',
      submittedAt: '2024-09-01T02:00:00.000Z',
      dueAt: '2026-05-01T10:00:00.000Z',
    },
  ];
  for (const n of needs) await insertNeed(db, a.id, n);

  // Tenant B: the same park, node and months, never in tenant A's figures.
  const other = await insertEnterprise(db, b.id, '张江园区', ['cdmo']);
  for (const status of ['in_progress', 'closed']) {
    await insertNeed(db, b.id, {
      enterprise: other,
      category: 'rnd',
      department: b.departments.economy!,
      status,
      submittedAt: '2025-01-15T02:00:00.000Z',
      dueAt: '2025-01-20T10:00:00.000Z',
      ...(status === 'closed' ? { resolvedAt: '2025-01-16T02:00:00.000Z', resolvedLate: 0 as const } : {}),
    });
  }
});
afterAll(() => h.close());

const report = async (username: string, query = RANGE) => {
  const res = await (await login(h.app, username)).get(`/api/need-reports?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TNeedReports>();
};

describe('GET /api/need-reports', () => {
  it('counts the period’s needs by category and month of submission in China time', async () => {
    const r = await report('na-leader');
    expect(r.heatmap.months).toHaveLength(12);
    expect([r.heatmap.months[0], r.heatmap.months[11]]).toEqual(['2025-01', '2025-12']);
    expect(r.heatmap.categories.slice(0, 3)).toEqual([
      { code: 'rnd', nameZh: '技术研发', nameEn: 'R&D' },
      { code: 'space', nameZh: '场地需求', nameEn: 'Site / space' },
      { code: 'funding', nameZh: '资金缺口', nameEn: 'Funding' },
    ]);
    expect(r.heatmap.categories).toHaveLength(13);
    expect(r.heatmap.cells).toEqual([
      { category: 'rnd', month: '2025-01', count: 1 },
      { category: 'rnd', month: '2025-02', count: 1 },
      { category: 'rnd', month: '2025-03', count: 1 },
      { category: 'rnd', month: '2025-08', count: 1 },
      { category: 'space', month: '2025-06', count: 2 },
      { category: 'power', month: '2025-01', count: 1 },
    ]);
  });

  it('gives the totals: the period’s resolution, timeliness and satisfaction, and what is open and red now', async () => {
    const r = await report('na-admin');
    expect(r.totals).toEqual({
      submitted: 7,
      resolved: 4,
      onTimeRate: 0.5,
      satisfactionRate: 0.75,
      open: 7,
      overdue: 3,
    });
  });

  it('gives each lead department its on-time rate, median days, satisfaction, open and overdue', async () => {
    const r = await report('na-service');
    expect(r.departments.map((d) => d.nameZh)).toEqual(['经济科技局', '国土分局', '供电所', '财政局']);
    expect(r.departments[0]).toEqual({
      departmentId: a.departments.economy,
      nameZh: '经济科技局',
      nameEn: 'Economy & Technology Bureau',
      total: 4,
      resolved: 3,
      resolvedOnTime: 1,
      onTimeRate: 0.3333,
      medianDays: 6,
      satisfaction: { satisfied: 2, basically: 1, unsatisfied: 1 },
      satisfactionRate: 0.75,
      open: 2,
      overdue: 1,
    });
    expect(r.departments[1]).toMatchObject({
      total: 2,
      resolved: 0,
      onTimeRate: null,
      medianDays: null,
      satisfactionRate: null,
      open: 3,
      overdue: 1,
    });
    expect(r.departments[2]).toMatchObject({
      total: 1,
      resolved: 1,
      onTimeRate: 1,
      medianDays: 2,
      open: 1,
      overdue: 1,
    });
    // Only open needs in the department: nothing submitted in the period.
    expect(r.departments[3]).toMatchObject({ total: 0, resolved: 0, onTimeRate: null, open: 1, overdue: 0 });
  });

  it('ranks the open problems by park (a blank park is none) and by chain node (each node of a company)', async () => {
    const r = await report('na-leader');
    expect(r.topOpenByPark).toEqual([
      { park: '张江园区', category: 'rnd', count: 2 },
      { park: null, category: 'space', count: 2 },
      // Ties by name in Chinese collation (Han before Latin), then in the categories' order.
      { park: '张江园区', category: 'space', count: 1 },
      { park: '张江园区', category: 'funding', count: 1 },
      { park: 'BioBAY', category: 'power', count: 1 },
    ]);
    expect(r.topOpenByChainNode.map((g) => [g.nameZh, g.category, g.count])).toEqual([
      ['CDMO 合同研发生产', 'rnd', 2],
      ['检验检测', 'power', 1],
      ['CDMO 合同研发生产', 'space', 1],
      ['CDMO 合同研发生产', 'funding', 1],
      ['CRO 合同研究', 'rnd', 1],
      ['CRO 合同研究', 'funding', 1],
    ]);
    expect(r.topOpenByChainNode[0]!.nameEn).toBe('CDMO');
  });

  it('keeps the ten largest groups', () => {
    const groups = Array.from({ length: 14 }, (_, i) => ({
      name: `P${String(i).padStart(2, '0')}`,
      category: 'rnd',
      count: i % 3,
    }));
    const top = topGroups(groups, (g) => g.name, ['rnd']);
    expect(top).toHaveLength(TOP_OPEN);
    expect(top.slice(0, 3).map((g) => [g.name, g.count])).toEqual([
      ['P02', 2],
      ['P05', 2],
      ['P08', 2],
    ]);
  });

  it('covers the last twelve months by default and refuses a range that ends before it starts', async () => {
    const r = await report('na-leader', '');
    // The test clock is 2026-03-02 09:00 in China.
    expect([r.from, r.to, r.heatmap.months.length]).toEqual(['2025-04-01', '2026-03-02', 12]);
    expect(r.totals.submitted).toBe(5);
    const leader = await login(h.app, 'na-leader');
    const bad = await leader.get('/api/need-reports?from=2025-06-01&to=2025-05-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'from', code: 'range-invalid' });
  });

  it('never counts another tenant’s needs', async () => {
    const r = await report('nb-admin');
    expect(r.totals).toMatchObject({ submitted: 2, resolved: 1, open: 1, overdue: 1 });
    expect(r.topOpenByPark).toEqual([{ park: '张江园区', category: 'rnd', count: 1 }]);
    expect(r.topOpenByChainNode.map((g) => g.count)).toEqual([1]);
    expect(r.departments.map((d) => d.departmentId)).toEqual([b.departments.economy]);
  });

  it('is refused to roles that do not analyse needs, on the report and on its file', async () => {
    for (const role of ['department', 'enterprise', 'investment', 'property'] as const) {
      const client = await login(h.app, a.users[role].username);
      for (const url of ['/api/need-reports', '/api/need-reports/export']) {
        const res = await client.get(url);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
  });
});

async function sheets(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { name: ws.name, rows };
  });
}

describe('GET /api/need-reports/export', () => {
  it('downloads the analysis as a workbook with Chinese headers, audited once', async () => {
    const service = await login(h.app, 'na-service');
    const res = await service.get(`/api/need-reports/export?${RANGE}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('诉求分析-20250101-20251231.xlsx'));
    const [heat, depts, parks, nodes] = await sheets(res.rawPayload);
    expect([heat!.name, depts!.name, parks!.name, nodes!.name]).toEqual([
      '热力图',
      '部门绩效',
      '园区问题',
      '产业链问题',
    ]);

    expect(heat!.rows[0]).toEqual([
      '诉求类别',
      ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
      '合计',
    ]);
    expect(heat!.rows[1]).toEqual(['技术研发', 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 4]);
    expect(heat!.rows.find((r) => r[0] === '场地需求')).toEqual(['场地需求', 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 2]);
    expect(heat!.rows.at(-1)).toEqual(['合计', 2, 1, 1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 7]);

    expect(depts!.rows[0]).toEqual([
      '牵头部门',
      '诉求数',
      '已办结',
      '按时办结',
      '按时办结率',
      '办结中位天数',
      '满意',
      '基本满意',
      '不满意',
      '满意率',
      '当前未办结',
      '当前超期',
    ]);
    expect(depts!.rows[1]).toEqual(['经济科技局', 4, 3, 1, 0.3333, 6, 2, 1, 1, 0.75, 2, 1]);
    // Empty cells (no rate, no median) are not in ExcelJS's row values.
    expect(depts!.rows.at(-1)!.slice(0, 5)).toEqual(['合计', 7, 4, 2, 0.5]);

    expect(parks!.rows.slice(0, 3)).toEqual([
      ['园区', '诉求类别', '未办结数'],
      ['张江园区', '技术研发', 2],
      ['未填写园区', '场地需求', 2],
    ]);
    expect(nodes!.rows[1]).toEqual(['CDMO 合同研发生产', '技术研发', 2]);

    const audit = await h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorUsername', 'after'])
      .where('entityType', '=', 'need-report')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'export', actorUsername: 'na-service' });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ from: '2025-01-01', to: '2025-12-31', needs: 7, open: 7 });
  });

  it('heads the sheets in English for an English reader', async () => {
    const admin = await login(h.app, 'na-admin');
    const res = await admin.get(`/api/need-reports/export?${RANGE}`, { 'accept-language': 'en' });
    expect(res.headers['content-disposition']).toContain('need-report-20250101-20251231.xlsx');
    const [heat, depts, parks] = await sheets(res.rawPayload);
    expect(heat!.name).toBe('Heatmap');
    expect(heat!.rows[1]![0]).toBe('R&D');
    expect(depts!.rows[1]![0]).toBe('Economy & Technology Bureau');
    expect(parks!.rows[2]!.slice(0, 2)).toEqual(['No park recorded', 'Site / space']);
  });
});
