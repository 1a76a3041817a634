import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, login, type TestHarness } from '../../test/helper.js';
import type { TLeadReports } from './lead-reports.schemas.js';

let h: TestHarness;
let a: TestTenant;
let b: TestTenant;

interface FixtureLead {
  channel: string;
  owner: string;
  /** [stage, ISO time]: the first is the stage the lead was created in. */
  history: [string, string][];
  planned?: number;
  capital?: [string, number][];
}

const at = (day: string, time = '02:00:00') => `${day}T${time}.000Z`;

/** A lead with its stage moves and capital, written as the leads module writes them. */
async function insertLead(database: Database, tenantId: string, l: FixtureLead) {
  const id = newId();
  const [stage, last] = l.history.at(-1)!;
  const created = l.history[0]![1];
  await database.db
    .insertInto('leads')
    .values({
      tenantId,
      id,
      companyName: `测试生物 ${id.slice(-6)} 有限公司`,
      normalizedName: `测试生物${id.slice(-6)}`,
      sourceChannel: l.channel,
      ownerId: l.owner,
      stage,
      stageEnteredAt: last,
      plannedInvestment: l.planned ?? null,
      lostReason: stage === 'lost' ? '选择了其他园区' : null,
      createdBy: l.owner,
      createdAt: created,
      updatedAt: last,
      version: l.history.length,
    })
    .execute();
  await database.db
    .insertInto('leadStageMoves')
    .values(
      l.history.map(([to, when], i) => ({
        tenantId,
        leadId: id,
        id: newId(),
        fromStage: i === 0 ? null : l.history[i - 1]![0],
        toStage: to,
        at: when,
        byUserId: l.owner,
        comment: null,
        approvalId: null,
      })),
    )
    .execute();
  for (const [on, amount] of l.capital ?? []) {
    await database.db
      .insertInto('leadCapital')
      .values({ tenantId, leadId: id, id: newId(), arrivedOn: on, amount, note: null })
      .execute();
  }
}

const RANGE = 'from=2025-01-01&to=2025-12-31';

beforeAll(async () => {
  h = await buildTestApp();
  a = await createTenant(h.database, 'ra');
  b = await createTenant(h.database, 'rb');
  const inv = a.users.investment.id;
  const adm = a.users.admin.id;
  const leads: FixtureLead[] = [
    // L1: through to 注册落地, 10 / 20 / 30 / 60 days in the stages before.
    {
      channel: 'industry',
      owner: inv,
      planned: 100_000_000,
      history: [
        ['lead', at('2025-01-10')],
        ['contacted', at('2025-01-20')],
        ['negotiating', at('2025-02-09')],
        ['signed', at('2025-03-11')],
        ['registered', at('2025-05-10')],
      ],
      capital: [
        ['2025-06-15', 30_000_000],
        ['2025-08-01', 20_000_000],
      ],
    },
    // L2: signed, still there.
    {
      channel: 'industry',
      owner: inv,
      planned: 50_000_000,
      history: [
        ['lead', at('2025-02-01')],
        ['contacted', at('2025-02-05')],
        ['negotiating', at('2025-02-15')],
        ['signed', at('2025-04-16')],
      ],
    },
    // L3: lost after contact.
    {
      channel: 'policy',
      owner: adm,
      history: [
        ['lead', at('2025-03-01')],
        ['contacted', at('2025-03-03')],
        ['lost', at('2025-03-13')],
      ],
    },
    // L4: a fresh lead.
    { channel: 'policy', owner: adm, history: [['lead', at('2025-04-01')]] },
    // L5: created at 初步接洽 (met on a trip), then on hold.
    {
      channel: 'trip',
      owner: inv,
      history: [
        ['contacted', at('2025-05-01')],
        ['negotiating', at('2025-05-31')],
        ['on_hold', at('2025-06-10')],
      ],
    },
    // L6: all the way to 投产运营; one capital arrival after the range.
    {
      channel: 'trip',
      owner: adm,
      planned: 200_000_000,
      history: [
        ['lead', at('2025-06-01')],
        ['contacted', at('2025-06-09')],
        ['negotiating', at('2025-06-19')],
        ['signed', at('2025-07-19')],
        ['registered', at('2025-08-18')],
        ['construction', at('2025-09-17')],
        ['operating', at('2025-10-17')],
      ],
      capital: [
        ['2025-09-01', 80_000_000],
        ['2025-12-20', 40_000_000],
        ['2026-01-05', 10_000_000],
      ],
    },
    // L7: created before the range (not in the funnel), signed on 1 Feb China time (31 Jan UTC).
    {
      channel: 'referral',
      owner: inv,
      planned: 30_000_000,
      history: [
        ['lead', at('2024-12-15')],
        ['contacted', at('2024-12-20')],
        ['negotiating', at('2025-01-10')],
        ['signed', at('2025-01-31', '20:00:00')],
      ],
    },
    // L8: signed, moved back to negotiating, signed again: signed once, in August.
    {
      channel: 'industry',
      owner: inv,
      planned: 10_000_000,
      history: [
        ['lead', at('2025-07-01')],
        ['contacted', at('2025-07-05')],
        ['negotiating', at('2025-07-15')],
        ['signed', at('2025-08-01')],
        ['negotiating', at('2025-08-11')],
        ['signed', at('2025-09-01')],
      ],
    },
  ];
  for (const l of leads) await insertLead(h.database, a.id, l);
  // Tenant B's lead: signed and funded in the same months, never in tenant A's figures.
  await insertLead(h.database, b.id, {
    channel: 'industry',
    owner: b.users.investment.id,
    planned: 999_000_000,
    history: [
      ['lead', at('2025-02-01')],
      ['signed', at('2025-03-05')],
    ],
    capital: [['2025-03-10', 555_000_000]],
  });
});
afterAll(() => h.close());

const months = (r: TLeadReports) =>
  Object.fromEntries(r.byMonth.filter((m) => m.signedCount || m.arrivedCapital).map((m) => [m.month, m]));

describe('GET /api/pipeline/reports', () => {
  it('counts the funnel of the leads created in the range: now at each stage and ever reached', async () => {
    const leader = await login(h.app, 'ra-leader');
    const res = await leader.get(`/api/pipeline/reports?${RANGE}`);
    expect(res.statusCode).toBe(200);
    const r = res.json<TLeadReports>();
    expect(r.funnel.total).toBe(7);
    expect(r.funnel.stages.map((s) => [s.stage, s.current, s.reached])).toEqual([
      ['lead', 1, 7],
      ['contacted', 0, 6],
      ['negotiating', 0, 5],
      ['signed', 2, 4],
      ['registered', 1, 2],
      ['construction', 0, 1],
      ['operating', 1, 1],
    ]);
    expect([r.funnel.onHold, r.funnel.lost]).toEqual([1, 1]);
  });

  it('gives conversion rates and median days per stage, overall, by channel and by owner', async () => {
    const investment = await login(h.app, 'ra-investment');
    const r = (await investment.get(`/api/pipeline/reports?${RANGE}`)).json<TLeadReports>();
    expect(r.overall).toEqual({
      leads: 7,
      reachedSigned: 4,
      reachedRegistered: 2,
      lost: 1,
      signedRate: 0.5714,
      registeredRate: 0.2857,
      // A lead still in a stage does not count for it; L8's two stints in 考察洽谈 both do.
      medianDays: {
        lead: 4,
        contacted: 10,
        negotiating: 25.5,
        signed: 30,
        registered: 30,
        construction: 30,
        operating: null,
      },
    });
    expect(r.byChannel.map((c) => [c.channel, c.leads, c.reachedSigned, c.reachedRegistered, c.signedRate])).toEqual([
      ['industry', 3, 3, 1, 1],
      ['policy', 2, 0, 0, 0],
      ['trip', 2, 1, 1, 0.5],
    ]);
    expect(r.byChannel[0]!.registeredRate).toBe(0.3333);
    expect(r.byChannel[0]!.medianDays).toMatchObject({ lead: 4, contacted: 10, negotiating: 25.5, signed: 35 });
    expect(r.byChannel[2]!.medianDays).toMatchObject({ contacted: 20, negotiating: 20, registered: 30 });

    expect(r.byOwner.map((o) => [o.ownerName, o.leads, o.reachedSigned, o.lost, o.signedRate])).toEqual([
      ['ra investment', 4, 3, 0, 0.75],
      ['ra 管理员', 3, 1, 1, 0.3333],
    ]);
    expect(r.byOwner[0]!.medianDays).toMatchObject({ lead: 4, contacted: 15, negotiating: 21, signed: 35 });
    expect(r.byOwner[1]!.medianDays).toMatchObject({ lead: 5, contacted: 10, operating: null });
  });

  it('sums investment signed (once per lead, in China time) and capital arrived per month', async () => {
    const admin = await login(h.app, 'ra-admin');
    const r = (await admin.get(`/api/pipeline/reports?${RANGE}`)).json<TLeadReports>();
    expect(r.byMonth.map((m) => m.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    const m = months(r);
    expect(Object.keys(m)).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-12',
    ]);
    expect(m['2025-02']).toMatchObject({ signedCount: 1, signedInvestment: 30_000_000, arrivedCapital: 0 });
    expect(m['2025-03']).toMatchObject({ signedCount: 1, signedInvestment: 100_000_000, arrivedCapital: 0 });
    expect(m['2025-04']).toMatchObject({ signedCount: 1, signedInvestment: 50_000_000 });
    expect(m['2025-06']).toMatchObject({ signedCount: 0, arrivedCapital: 30_000_000 });
    expect(m['2025-07']).toMatchObject({ signedCount: 1, signedInvestment: 200_000_000 });
    expect(m['2025-08']).toMatchObject({ signedCount: 1, signedInvestment: 10_000_000, arrivedCapital: 20_000_000 });
    expect(m['2025-09']).toMatchObject({ signedCount: 0, arrivedCapital: 80_000_000 });
    expect(m['2025-12']).toMatchObject({ arrivedCapital: 40_000_000 });
    const total = (k: 'signedInvestment' | 'arrivedCapital') => r.byMonth.reduce((s, x) => s + x[k], 0);
    expect([total('signedInvestment'), total('arrivedCapital')]).toEqual([390_000_000, 170_000_000]);
  });

  it('narrows everything to one owner or one channel', async () => {
    const leader = await login(h.app, 'ra-leader');
    const mine = (
      await leader.get(`/api/pipeline/reports?${RANGE}&owner=${a.users.investment.id}`)
    ).json<TLeadReports>();
    expect(mine.funnel.total).toBe(4);
    expect(mine.byOwner.map((o) => o.ownerName)).toEqual(['ra investment']);

    const trips = (await leader.get(`/api/pipeline/reports?${RANGE}&channel=trip`)).json<TLeadReports>();
    expect(trips.funnel.stages.map((s) => s.reached)).toEqual([2, 2, 2, 1, 1, 1, 1]);
    expect(trips.byChannel.map((c) => c.channel)).toEqual(['trip']);
    const m = months(trips);
    expect(Object.keys(m)).toEqual(['2025-07', '2025-09', '2025-12']);
    expect(m['2025-07']!.signedInvestment).toBe(200_000_000);
  });

  it('covers the last twelve months by default and refuses a range that ends before it starts', async () => {
    const leader = await login(h.app, 'ra-leader');
    const r = (await leader.get('/api/pipeline/reports')).json<TLeadReports>();
    // The test clock is 2026-03-02 09:00 in China.
    expect([r.from, r.to, r.byMonth.length]).toEqual(['2025-04-01', '2026-03-02', 12]);
    const bad = await leader.get('/api/pipeline/reports?from=2025-06-01&to=2025-05-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0]).toMatchObject({ field: 'from', code: 'range-invalid' });
  });

  it('never counts another tenant’s leads', async () => {
    const other = await login(h.app, 'rb-leader');
    const r = (await other.get(`/api/pipeline/reports?${RANGE}`)).json<TLeadReports>();
    expect(r.funnel.total).toBe(1);
    expect(months(r)['2025-03']).toMatchObject({ signedInvestment: 999_000_000, arrivedCapital: 555_000_000 });
    // Filtering tenant A's leads by tenant A's owner from tenant B finds nothing.
    const probe = (
      await other.get(`/api/pipeline/reports?${RANGE}&owner=${a.users.investment.id}`)
    ).json<TLeadReports>();
    expect([probe.funnel.total, probe.byMonth.every((m) => !m.signedCount && !m.arrivedCapital)]).toEqual([0, true]);
  });

  it('is refused to roles outside the pipeline, on the report and on its file', async () => {
    for (const role of ['service', 'department', 'property', 'enterprise'] as const) {
      const client = await login(h.app, a.users[role].username);
      for (const url of ['/api/pipeline/reports', '/api/pipeline/reports/export']) {
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

describe('GET /api/pipeline/reports/export', () => {
  it('downloads the report as a workbook with Chinese headers, audited once', async () => {
    const leader = await login(h.app, 'ra-leader');
    const res = await leader.get(`/api/pipeline/reports/export?${RANGE}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('招商分析-20250101-20251231.xlsx'));
    const [funnel, byChannel, byOwner, byMonth] = await sheets(res.rawPayload);
    expect([funnel!.name, byChannel!.name, byOwner!.name, byMonth!.name]).toEqual([
      '项目漏斗',
      '按渠道',
      '按负责人',
      '月度投资',
    ]);
    expect(funnel!.rows[0]).toEqual(['阶段', '当前数量', '累计到达', '到达率']);
    expect(funnel!.rows.find((r) => r[0] === '签约')!.slice(0, 3)).toEqual(['签约', 2, 4]);
    expect(byChannel!.rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['产业招商', 3, 3],
      ['政策招商', 2, 0],
      ['考察对接', 2, 1],
      ['合计', 7, 4],
    ]);
    expect(byOwner!.rows[1]!.slice(0, 2)).toEqual(['ra investment', 4]);
    expect(byMonth!.rows[0]).toEqual(['月份', '签约项目数', '签约投资（万元）', '实际到资（万元）']);
    expect(byMonth!.rows.at(-1)).toEqual(['合计', 5, 39_000, 17_000]);

    const audit = await h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorUsername', 'after'])
      .where('entityType', '=', 'lead-report')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'export', actorUsername: 'ra-leader' });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ from: '2025-01-01', to: '2025-12-31', leads: 7 });
  });

  it('heads the sheets in English for an English reader', async () => {
    const investment = await login(h.app, 'ra-investment');
    const res = await investment.get(`/api/pipeline/reports/export?${RANGE}`, { 'accept-language': 'en' });
    const [funnel, byChannel] = await sheets(res.rawPayload);
    expect(funnel!.name).toBe('Funnel');
    expect(funnel!.rows[0]).toEqual(['Stage', 'Now at stage', 'Ever reached', 'Share reached']);
    expect(byChannel!.rows[1]![0]).toBe('Industry chain');
  });
});
