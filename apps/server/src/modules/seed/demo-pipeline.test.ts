import {
  BIOTECH_PARKS,
  isValidMobile,
  LEAD_PIPELINE_STAGES,
  LEAD_SOURCE_CHANNELS,
  LEAD_STAGES,
  SPACE_REQUIREMENTS,
  UNIT_TYPES,
} from '@kaimen/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, TEST_PASSWORD, type TestHarness } from '../../test/helper.js';
import type { TLeadReports } from '../lead-reports/lead-reports.schemas.js';
import { planPipeline, type PlanContext } from './demo-pipeline-plan.js';
import { DEMO_EXTRA_OFFICERS } from './demo-pipeline.js';
import { DEMO_TENANT_SLUG, seedDemo } from './demo.js';

let h: TestHarness;
let tenantId: string;
let seeded: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  h = await buildTestApp();
  seeded = await seedDemo(h.database, { password: TEST_PASSWORD, scryptCost: 1024, now: h.clock.now() });
  tenantId = (await h.database.db
    .selectFrom('tenants')
    .select('id')
    .where('slug', '=', DEMO_TENANT_SLUG)
    .executeTakeFirstOrThrow())!.id;
});
afterAll(() => h.close());

const leadsOf = () => h.database.db.selectFrom('leads').selectAll().where('tenantId', '=', tenantId).execute();

describe('demo pipeline', () => {
  it('gives every lead a history in time order that ends in its current stage', async () => {
    const leads = await leadsOf();
    expect(leads).toHaveLength(300);
    const moves = await h.database.db
      .selectFrom('leadStageMoves')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .orderBy('leadId')
      .orderBy('at')
      .execute();
    const byLead = new Map<string, typeof moves>();
    for (const m of moves) byLead.set(m.leadId, [...(byLead.get(m.leadId) ?? []), m]);
    const now = h.clock.now().toISOString();
    for (const l of leads) {
      const history = byLead.get(l.id) ?? [];
      expect(history.length, l.companyName).toBeGreaterThan(0);
      expect(history[0]!.fromStage).toBeNull();
      expect(history[0]!.at).toBe(l.createdAt);
      history.slice(1).forEach((m, i) => {
        expect(m.fromStage).toBe(history[i]!.toStage);
        expect(m.at > history[i]!.at, `${l.companyName}: moves in time order`).toBe(true);
      });
      expect(history.at(-1)!.toStage).toBe(l.stage);
      expect(history.at(-1)!.at).toBe(l.stageEnteredAt);
      expect(history.at(-1)!.at < now).toBe(true);
      if (l.stage === 'lost') {
        expect(l.lostReason).toBeTruthy();
        expect(history.at(-1)!.comment).toBe(l.lostReason);
      } else expect(l.lostReason).toBeNull();
    }
  });

  it('spreads the leads over every stage and channel, most of them early, about one in ten lost', async () => {
    const leads = await leadsOf();
    const count = (stage: string) => leads.filter((l) => l.stage === stage).length;
    for (const s of LEAD_STAGES) expect(count(s.code), s.code).toBeGreaterThan(0);
    for (const c of LEAD_SOURCE_CHANNELS)
      expect(
        leads.some((l) => l.sourceChannel === c.code),
        c.code,
      ).toBe(true);
    expect(count('lead') + count('contacted')).toBeGreaterThan(count('signed') + count('registered') * 3);
    expect(count('lost') / leads.length).toBeGreaterThan(0.07);
    expect(count('lost') / leads.length).toBeLessThan(0.14);
    expect(count('on_hold')).toBeGreaterThan(10);
  });

  it('makes the records a user reads believable: money, space, contacts, follow-ups, landed companies', async () => {
    const leads = await leadsOf();
    const units = new Set<string>(UNIT_TYPES.map((u) => u.code));
    const requirements = new Set<string>(SPACE_REQUIREMENTS.map((r) => r.code));
    for (const l of leads) {
      expect(l.plannedInvestment).toBeGreaterThanOrEqual(5_000_000);
      expect(l.plannedInvestment).toBeLessThanOrEqual(2_000_000_000);
      if (l.spaceUnitType) expect(units.has(l.spaceUnitType)).toBe(true);
      for (const code of JSON.parse(l.spaceRequirements) as string[]) expect(requirements.has(code)).toBe(true);
    }
    expect(new Set(leads.map((l) => l.companyName)).size).toBe(leads.length);
    expect(leads.filter((l) => /CRO|CDMO|基因|细胞|试剂/.test(l.companyName)).length).toBeGreaterThan(60);

    const contacts = await h.database.db
      .selectFrom('leadContacts')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .execute();
    expect(new Set(contacts.map((c) => c.leadId)).size).toBe(leads.length);
    expect(contacts.every((c) => isValidMobile(c.mobile!))).toBe(true);

    const today = h.clock.now().toISOString().slice(0, 10);
    const active = leads.filter((l) => !['lost', 'on_hold', 'operating'].includes(l.stage));
    const overdue = active.filter((l) => l.nextFollowUpOn! < today).length;
    expect(active.every((l) => l.nextFollowUpOn)).toBe(true);
    expect(overdue).toBeGreaterThan(10);
    expect(overdue).toBeLessThan(active.length / 2);

    const landed = leads.filter((l) => l.enterpriseId);
    expect(landed.length).toBeGreaterThanOrEqual(3);
    const companies = await h.database.db
      .selectFrom('enterprises')
      .select(['id', 'name'])
      .where('tenantId', '=', tenantId)
      .where(
        'id',
        'in',
        landed.map((l) => l.enterpriseId!),
      )
      .execute();
    expect(new Set(companies.map((c) => c.name))).toEqual(new Set(landed.map((l) => l.companyName)));
    const past = new Set(['registered', 'construction', 'operating']);
    expect(landed.every((l) => past.has(l.stage))).toBe(true);
  });

  it('dates activities inside each lead’s life and capital after it registered, never above the plan', async () => {
    const leads = new Map((await leadsOf()).map((l) => [l.id, l]));
    const activities = await h.database.db
      .selectFrom('leadActivities')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .execute();
    expect(activities.length).toBeGreaterThan(600);
    expect(new Set(activities.map((a) => a.kind))).toEqual(
      new Set(['call', 'email', 'meeting', 'site_visit', 'other']),
    );
    const now = h.clock.now().toISOString();
    for (const a of activities) {
      const l = leads.get(a.leadId)!;
      expect(a.createdAt >= l.createdAt && a.createdAt <= now, l.companyName).toBe(true);
    }
    const capital = await h.database.db
      .selectFrom('leadCapital')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .execute();
    const moves = await h.database.db
      .selectFrom('leadStageMoves')
      .select(['leadId', 'at'])
      .where('tenantId', '=', tenantId)
      .where('toStage', '=', 'registered')
      .execute();
    const registeredOn = new Map(moves.map((m) => [m.leadId, m.at.slice(0, 10)]));
    const sums = new Map<string, number>();
    for (const c of capital) {
      const l = leads.get(c.leadId)!;
      expect(['registered', 'construction', 'operating']).toContain(l.stage);
      expect(c.arrivedOn >= registeredOn.get(c.leadId)!).toBe(true);
      sums.set(c.leadId, (sums.get(c.leadId) ?? 0) + Number(c.amount));
    }
    const funded = [...leads.values()].filter((l) => ['registered', 'construction', 'operating'].includes(l.stage));
    expect(sums.size).toBe(funded.length);
    for (const [id, sum] of sums) expect(sum).toBeLessThanOrEqual(Number(leads.get(id)!.plannedInvestment));
  });

  it('holds six trips to real parks, with members and meetings, that produced forty leads', async () => {
    const db = h.database.db;
    const trips = await db.selectFrom('trips').selectAll().where('tenantId', '=', tenantId).execute();
    expect(trips).toHaveLength(6);
    for (const t of trips) {
      expect(BIOTECH_PARKS as readonly string[]).toContain(t.destination);
      expect(t.startsOn <= t.endsOn).toBe(true);
    }
    const members = await db.selectFrom('tripMembers').selectAll().where('tenantId', '=', tenantId).execute();
    const meetings = await db.selectFrom('tripMeetings').selectAll().where('tenantId', '=', tenantId).execute();
    for (const t of trips) {
      expect(members.filter((m) => m.tripId === t.id).length).toBeGreaterThanOrEqual(2);
      const own = meetings.filter((m) => m.tripId === t.id);
      expect(own.length).toBeGreaterThanOrEqual(3);
      expect(own.length).toBeLessThanOrEqual(6);
      expect(own.every((m) => m.metOn >= t.startsOn && m.metOn <= t.endsOn)).toBe(true);
    }
    const fromTrips = (await leadsOf()).filter((l) => l.tripId);
    expect(fromTrips).toHaveLength(40);
    const meetingTrip = new Map(meetings.map((m) => [m.id, m]));
    for (const l of fromTrips) {
      expect(l.sourceChannel).toBe('trip');
      const m = meetingTrip.get(l.tripMeetingId!)!;
      expect(m.tripId).toBe(l.tripId);
      expect(l.createdAt.slice(0, 10) >= m.metOn.slice(0, 10) || l.createdAt >= m.createdAt).toBe(true);
    }
  });

  it('shares the leads among three investment officers, all of them in the printed logins', async () => {
    expect(seeded.usernames).toEqual([
      'admin',
      'leader',
      'investment',
      'service',
      'department',
      'property',
      'enterprise',
      'investment2',
      'investment3',
      'service2',
      'service3',
      'department-head',
    ]);
    for (const u of DEMO_EXTRA_OFFICERS) {
      const client = await login(h.app, u.username);
      expect((await client.get('/api/auth/me')).json().user.role).toBe('investment');
    }
    const leader = await login(h.app, 'leader');
    const r = (await leader.get('/api/pipeline/reports?from=2024-01-01')).json<TLeadReports>();
    expect(r.byOwner.map((o) => o.ownerName).sort()).toEqual(['吴招商', '孙招商', '张招商'].sort());
    expect(Math.min(...r.byOwner.map((o) => o.leads))).toBeGreaterThan(50);
  });

  it('reads as a funnel in the report, with investment signed and capital arriving over the year', async () => {
    const leader = await login(h.app, 'leader');
    const year = (await leader.get('/api/pipeline/reports')).json<TLeadReports>();
    // Projects carried over from the year before are outside the year's funnel, inside its months.
    expect(year.funnel.total).toBeGreaterThan(250);
    expect(year.funnel.total).toBeLessThan(300);
    expect(year.byMonth.filter((m) => m.signedInvestment > 0).length).toBeGreaterThanOrEqual(10);
    const r = (await leader.get('/api/pipeline/reports?from=2024-01-01')).json<TLeadReports>();
    expect(r.funnel.total).toBe(300);
    const reached = r.funnel.stages.map((s) => s.reached);
    expect(r.funnel.stages.map((s) => s.stage)).toEqual([...LEAD_PIPELINE_STAGES]);
    reached.slice(1).forEach((n, i) => expect(n, LEAD_PIPELINE_STAGES[i + 1]).toBeLessThanOrEqual(reached[i]!));
    expect(reached[0]).toBeGreaterThan(reached[3]! * 2);
    expect(reached[6]).toBeGreaterThan(0);
    expect(r.byChannel).toHaveLength(LEAD_SOURCE_CHANNELS.length);
    expect(r.overall.medianDays.negotiating).toBeGreaterThan(r.overall.medianDays.lead!);
    expect(r.byMonth.filter((m) => m.signedInvestment > 0).length).toBeGreaterThanOrEqual(6);
    expect(r.byMonth.filter((m) => m.arrivedCapital > 0).length).toBeGreaterThanOrEqual(4);
  });
});

describe('demo pipeline plan', () => {
  it('is the same every time for the same seed time', () => {
    const ctx: PlanContext = {
      now: new Date('2026-03-02T01:00:00.000Z'),
      users: {
        officers: [
          { id: 'u1', name: '张招商', weight: 1 },
          { id: 'u2', name: '孙招商', weight: 1 },
        ],
        leaderId: 'l',
      },
      nodeIds: new Map(),
      enterprises: [],
    };
    const shape = () =>
      planPipeline(ctx).leads.map((l) => [
        l.companyName,
        l.sourceChannel,
        l.plannedInvestment,
        l.history.moves.map((m) => [m.to, m.at]),
      ]);
    expect(shape()).toEqual(shape());
  });
});
