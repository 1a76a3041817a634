import { BIOTECH_PARKS, LEAD_PIPELINE_STAGES, normalizeCompanyName } from '@kaimen/shared';
import { newId } from '../../lib/ids.js';
import { hashSeed, RowRandom } from './generator-random.js';
import {
  BRAND_CHARS,
  DOMAIN_SYLLABLES,
  GIVEN_CHARS,
  MOBILE_PREFIXES,
  SURNAMES,
  type Weighted,
} from './generator-vocabulary.js';
import {
  AREAS,
  CONTACT_TITLES,
  EMAIL_DOMAINS,
  HOLD_NOTES,
  LEAD_CITIES,
  LEAD_KINDS,
  LOST_REASONS,
  REQUIREMENTS,
  TRIPS,
} from './demo-pipeline-vocabulary.js';
import { planHistory, type PlannedHistory } from './demo-pipeline-history.js';

/**
 * The demo pipeline as rows, before anything is written: a year of leads ending at `now`, deterministic for a given
 * `now` (ids aside). Final stages come from fixed quotas (most leads early, ~10% lost, some on hold), so every stage
 * is present whatever the draw; the 40 trip leads take the stages their trip's age allows.
 */

export const DEMO_LEADS = 300;
export const DEMO_TRIP_LEADS = 40;
const SEED = hashSeed('kaimen-demo-pipeline');
const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

const STAGE_QUOTAS: [string, number][] = [
  ['lead', 75],
  ['contacted', 62],
  ['negotiating', 46],
  ['signed', 24],
  ['registered', 17],
  ['construction', 10],
  ['operating', 12],
  ['on_hold', 22],
  ['lost', 32],
];
const OTHER_CHANNELS: Weighted<string> = [
  ['industry', 20],
  ['referral', 12],
  ['fund', 10],
  ['platform', 8],
  ['policy', 8],
  ['incubation', 8],
  ['agent', 8],
  ['location', 6],
  ['service', 6],
  ['city', 4],
  ['culture', 2],
];
const ORDER = new Map<string, number>(LEAD_PIPELINE_STAGES.map((s, i) => [s, i + 1]));
/** Landed leads linked to a company already in the demo registry. */
const LANDED_TO_REGISTRY = 8;

export interface PipelineUsers {
  /** Investment officers, with a weight of how many leads each owns. */
  officers: { id: string; name: string; weight: number }[];
  leaderId: string;
}

export interface PlanContext {
  now: Date;
  users: PipelineUsers;
  /** Chain node code → id. */
  nodeIds: ReadonlyMap<string, string>;
  /** Companies of the registry a landed lead may be. */
  enterprises: readonly { id: string; name: string; uscc: string }[];
}

export const chinaDay = (ms: number) => new Date(ms + CHINA).toISOString().slice(0, 10);

export interface PlannedTrip {
  id: string;
  title: string;
  destination: string;
  startsOn: string;
  endsOn: string;
  purpose: string;
  createdBy: string;
  createdAt: string;
  members: string[];
  meetings: { id: string; metOn: string; at: number; organisation: string; people: string; notes: string }[];
}

export interface PlannedLead {
  id: string;
  companyName: string;
  normalizedName: string;
  uscc: string | null;
  sourceChannel: string;
  chainNodeId: string | null;
  ownerId: string;
  ownerName: string;
  plannedInvestment: number;
  spaceUnitType: string | null;
  spaceArea: number | null;
  spaceRequirements: string[];
  expectedJobs: number;
  expectedAnnualTax: number;
  notes: string | null;
  lostReason: string | null;
  enterpriseId: string | null;
  tripId: string | null;
  tripMeetingId: string | null;
  contacts: { id: string; name: string; title: string; mobile: string; email: string | null }[];
  history: PlannedHistory;
}

export interface PipelinePlan {
  trips: PlannedTrip[];
  leads: PlannedLead[];
}

const personName = (r: RowRandom) => r.weighted(SURNAMES) + r.chars(GIVEN_CHARS, r.chance(0.7) ? 2 : 1);
const mobile = (r: RowRandom) => r.pick(MOBILE_PREFIXES) + String(r.int(0, 99_999_999)).padStart(8, '0');

function planTrips(ctx: PlanContext): PlannedTrip[] {
  const now = ctx.now.getTime();
  const officers = ctx.users.officers;
  return TRIPS.map((t, i) => {
    const r = new RowRandom(SEED, 10_000 + i);
    const start = Date.parse(`${chinaDay(now - t.daysAgo * DAY)}T00:00:00+08:00`);
    const members = [officers[i % officers.length]!.id, officers[(i + 1) % officers.length]!.id];
    // The leader leads the first and the fourth delegation.
    if (i % 3 === 0) members.push(ctx.users.leaderId);
    return {
      id: newId(),
      title: t.title,
      destination: BIOTECH_PARKS[t.park]!,
      startsOn: chinaDay(start),
      endsOn: chinaDay(start + (t.days - 1) * DAY),
      purpose: t.purpose,
      createdBy: members[0]!,
      createdAt: new Date(start - 10 * DAY + 2 * 3_600_000).toISOString(),
      members: [...new Set(members)],
      meetings: t.orgs.map((organisation, k) => {
        const at = start + (k % t.days) * DAY + (9.5 + 2.5 * (k % 3)) * 3_600_000;
        return {
          id: newId(),
          metOn: chinaDay(at),
          at,
          organisation,
          people: `${personName(r)}（总经理）、${personName(r)}（BD 总监）`,
          notes: r.pick(['介绍园区载体与政策，对方有扩产意向', '交流产业链配套需求', '对方计划两年内新建生产基地']),
        };
      }),
    };
  });
}

/** The final stages, shuffled the same way every time. */
function stagePool(): string[] {
  const pool = STAGE_QUOTAS.flatMap(([stage, n]) => Array<string>(n).fill(stage));
  const r = new RowRandom(SEED, 99_999);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool;
}

/** The furthest pipeline stage a lead met `ageDays` ago can plausibly have reached. */
const reachableOrder = (ageDays: number) => (ageDays >= 250 ? 7 : ageDays >= 150 ? 5 : ageDays >= 80 ? 4 : 3);

function logUniform(r: RowRandom, min: number, max: number, skew: number) {
  return Math.exp(Math.log(min) + r.next() ** skew * (Math.log(max) - Math.log(min)));
}

export function planPipeline(ctx: PlanContext): PipelinePlan {
  const now = ctx.now.getTime();
  const trips = planTrips(ctx);
  const meetings = trips.flatMap((t) => t.meetings.map((m) => ({ trip: t, meeting: m })));
  const pool = stagePool();
  const names = new Set<string>();
  const landable = [...ctx.enterprises];
  let landed = 0;
  const leads: PlannedLead[] = [];

  for (let i = 0; i < DEMO_LEADS; i++) {
    const r = new RowRandom(SEED, i);
    const fromTrip =
      i < DEMO_TRIP_LEADS ? meetings[i < meetings.length ? i : ((i - meetings.length) * 2) % meetings.length]! : null;
    const metAt = fromTrip ? fromTrip.meeting.at + r.int(0, 2) * DAY + 3 * 3_600_000 : null;
    // A trip lead takes the first pooled stage its age allows; the others take what is left, in order.
    const cap = metAt === null ? 7 : reachableOrder((now - metAt) / DAY);
    const old = metAt !== null && now - metAt > 60 * DAY;
    const k = pool.findIndex((s) => (ORDER.get(s) ?? 0) <= cap && !(old && s === 'lead'));
    const stage = pool.splice(Math.max(0, k), 1)[0]!;

    const members = fromTrip ? ctx.users.officers.filter((o) => fromTrip.trip.members.includes(o.id)) : [];
    const owner = members.length ? r.pick(members) : r.weighted(ctx.users.officers.map((o) => [o, o.weight] as const));
    const channel = fromTrip
      ? 'trip'
      : i - DEMO_TRIP_LEADS < OTHER_CHANNELS.length
        ? OTHER_CHANNELS[i - DEMO_TRIP_LEADS]![0]
        : r.weighted(OTHER_CHANNELS);
    const kind = r.weighted(LEAD_KINDS);
    const startsContacted = fromTrip ? r.chance(0.6) : ['referral', 'fund', 'agent'].includes(channel) && r.chance(0.4);

    const planned = logUniform(r, 5_000_000, 2_000_000_000, 2.4);
    const plannedInvestment =
      planned >= 100_000_000 ? Math.round(planned / 1e7) * 1e7 : Math.round(planned / 1e6) * 1e6;
    const lostReason = stage === 'lost' ? r.pick(LOST_REASONS) : null;
    const notes = stage === 'on_hold' ? r.pick(HOLD_NOTES) : null;
    const history = planHistory(r, {
      now,
      finalStage: stage,
      startsContacted,
      createdAt: metAt,
      plannedInvestment,
      sideComment: lostReason ?? notes,
    });

    let companyName = '';
    for (let tries = 0; !companyName || names.has(companyName); tries++) {
      const city = r.pick(LEAD_CITIES);
      companyName = `${city}${r.chars(BRAND_CHARS, 2)}${r.pick(kind.words)}${tries > 3 ? '(中国)' : ''}有限公司`;
    }
    let uscc: string | null = null;
    let enterpriseId: string | null = null;
    if (ORDER.get(stage)! >= ORDER.get('registered')! && landed < LANDED_TO_REGISTRY && landable.length) {
      const e = landable.splice(r.int(0, landable.length - 1), 1)[0]!;
      [companyName, uscc, enterpriseId] = [e.name, e.uscc, e.id];
      landed++;
    }
    names.add(companyName);

    const unit = r.chance(0.9) ? r.weighted(kind.units) : null;
    const [minArea, maxArea] = unit ? AREAS[unit]! : [0, 0];
    const domain = `${r.pick(DOMAIN_SYLLABLES)}${r.pick(DOMAIN_SYLLABLES)}-${r.pick(EMAIL_DOMAINS)}`;
    const titles = [...CONTACT_TITLES];
    leads.push({
      id: newId(),
      companyName,
      normalizedName: normalizeCompanyName(companyName),
      uscc,
      sourceChannel: channel,
      chainNodeId: ctx.nodeIds.get(kind.node) ?? null,
      ownerId: owner.id,
      ownerName: owner.name,
      plannedInvestment,
      spaceUnitType: unit,
      spaceArea: unit ? Math.round(logUniform(r, minArea, maxArea, 1.3) / 10) * 10 || minArea : null,
      spaceRequirements: unit ? (REQUIREMENTS[unit] ?? []).filter(([, p]) => r.chance(p)).map(([code]) => code) : [],
      expectedJobs: Math.max(5, Math.min(2_000, Math.round((plannedInvestment / 1e6) * (0.3 + r.next())))),
      expectedAnnualTax: Math.round((plannedInvestment * (0.01 + r.next() * 0.05)) / 1e4) * 1e4,
      notes,
      lostReason,
      enterpriseId,
      tripId: fromTrip?.trip.id ?? null,
      tripMeetingId: fromTrip?.meeting.id ?? null,
      contacts: Array.from({ length: r.chance(0.35) ? 2 : 1 }, (_, n) => ({
        id: newId(),
        name: personName(r),
        title: titles.splice(r.int(0, titles.length - 1), 1)[0]!,
        mobile: mobile(r),
        email: r.chance(0.6) ? `${['bd', 'invest', 'office'][n % 3]}@${domain}` : null,
      })),
      history,
    });
  }
  return { trips, leads };
}
