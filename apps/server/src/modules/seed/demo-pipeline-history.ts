import { LEAD_PIPELINE_STAGES } from '@kaimen/shared';
import type { LeadActivityKind } from '../../db/schema/pipeline.js';
import { newId } from '../../lib/ids.js';
import type { RowRandom } from './generator-random.js';
import { STAGE_ACTIVITIES } from './demo-pipeline-vocabulary.js';

/**
 * One lead's life from its creation to `now`: stage moves in time order (the first from no stage), the calls, meetings
 * and visits of each stage dated inside it, the next follow-up (some past), capital arrived once it registered, and the
 * leader's approvals of big projects moving past 签约.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CHINA = 8 * HOUR;
/** Oldest lead of the demo year, in days before `now`. */
const MAX_AGE_DAYS = 330;
/** Oldest of the leads carried over from the year before. */
const CARRIED_MAX_AGE_DAYS = 480;
/** Approval threshold of the tenant settings' default (1亿). */
const APPROVAL_THRESHOLD = 100_000_000;

/** Days spent in a stage before moving on, and (tails) in the stage a lead is still in. */
const STAY: Record<string, [number, number]> = {
  lead: [1, 12],
  contacted: [7, 40],
  negotiating: [15, 80],
  signed: [15, 60],
  registered: [30, 90],
  construction: [45, 120],
};
const TAIL: Record<string, [number, number]> = {
  lead: [0.3, 90],
  contacted: [2, 60],
  negotiating: [3, 70],
  // Signed projects often wait months to register, and landed ones to build: signings spread over the year.
  signed: [5, 260],
  registered: [5, 180],
  construction: [5, 150],
  operating: [10, 120],
  on_hold: [5, 120],
  lost: [5, 150],
};
/** The stage a side state was entered from. */
const SIDE_FROM: Record<string, [string, number][]> = {
  lost: [['lead', 30], ['contacted', 35], ['negotiating', 30], ['signed', 5]],
  on_hold: [['contacted', 30], ['negotiating', 55], ['signed', 15]],
}; // prettier-ignore
const ORDER = new Map<string, number>(LEAD_PIPELINE_STAGES.map((s, i) => [s, i + 1]));
/** Capital arrived so far, as a share of the planned investment, and in how many payments, by current stage. */
const CAPITAL: Record<string, { share: [number, number]; payments: [number, number] }> = {
  registered: { share: [0.1, 0.35], payments: [1, 2] },
  construction: { share: [0.3, 0.7], payments: [2, 4] },
  operating: { share: [0.6, 1], payments: [3, 6] },
};

export const chinaDayOf = (ms: number) => new Date(ms + CHINA).toISOString().slice(0, 10);
const chinaDayStart = (ms: number) => Date.parse(`${chinaDayOf(ms)}T00:00:00+08:00`);

export interface PlannedMove {
  id: string;
  from: string | null;
  to: string;
  at: number;
  comment: string | null;
  approval: { id: string; requestedAt: number; decidedAt: number } | null;
}
export interface PlannedActivity {
  id: string;
  kind: LeadActivityKind;
  at: number;
  subject: string;
  nextFollowUpOn: string | null;
}
export interface PlannedHistory {
  moves: PlannedMove[];
  activities: PlannedActivity[];
  capital: { id: string; arrivedOn: string; amount: number }[];
  pendingApproval: { id: string; requestedAt: number } | null;
  nextFollowUpOn: string | null;
}

export interface HistoryOptions {
  now: number;
  finalStage: string;
  startsContacted: boolean;
  /** Fixed creation time (a lead met on a trip); otherwise as long ago as its history needs. */
  createdAt: number | null;
  plannedInvestment: number;
  /** Reason of a lost lead, note of one on hold: the comment of that move. */
  sideComment: string | null;
}

const between = (r: RowRandom, [min, max]: [number, number]) => min + r.next() * (max - min);

/** The stages a lead went through, in order, ending in its current one. */
function pathOf(r: RowRandom, o: HistoryOptions): string[] {
  const side = SIDE_FROM[o.finalStage];
  const last = side ? r.weighted(side) : o.finalStage;
  let first = o.startsContacted ? 'contacted' : 'lead';
  if (ORDER.get(last)! < ORDER.get(first)!) first = last;
  const path = LEAD_PIPELINE_STAGES.slice(ORDER.get(first)! - 1, ORDER.get(last)!) as string[];
  return side ? [...path, o.finalStage] : path;
}

/** Move times: scaled into the lead's year, at office hours, strictly increasing and before `now`. */
function moveTimes(r: RowRandom, o: HistoryOptions, path: string[]): number[] {
  const stays = path.slice(0, -1).map((s) => between(r, STAY[s]!));
  const [min, max] = TAIL[path.at(-1)!]!;
  const tail = min + (max - min) * r.next() ** (path.at(-1) === 'lead' ? 2 : 1.3);
  const total = stays.reduce((a, b) => a + b, 0) + tail;
  const room = o.createdAt === null ? MAX_AGE_DAYS : (o.now - o.createdAt) / DAY - 0.5;
  // Some projects that signed came in before the demo year (the pipeline did not start empty): signings fill it.
  const furthest = Math.max(...path.map((st) => ORDER.get(st) ?? 0));
  const carried = o.createdAt === null && furthest >= ORDER.get('signed')! && r.chance(0.4);
  const scale = carried
    ? between(r, [MAX_AGE_DAYS + 10, CARRIED_MAX_AGE_DAYS]) / total
    : total > room
      ? room / total
      : 1;
  const times = [o.createdAt ?? o.now - total * scale * DAY];
  for (const d of stays) {
    const t = times.at(-1)! + d * scale * DAY;
    times.push(chinaDayStart(t) + (9 + r.next() * 8.5) * HOUR);
  }
  if (o.createdAt === null) times[0] = chinaDayStart(times[0]!) + (9 + r.next() * 8.5) * HOUR;
  for (let i = 1; i < times.length; i++) times[i] = Math.max(times[i]!, times[i - 1]! + HOUR / 3);
  times[times.length - 1] = Math.min(times.at(-1)!, o.now - HOUR / 2);
  for (let i = times.length - 2; i >= 0; i--) times[i] = Math.min(times[i]!, times[i + 1]! - HOUR / 3);
  return times;
}

export function planHistory(r: RowRandom, o: HistoryOptions): PlannedHistory {
  const path = pathOf(r, o);
  const times = moveTimes(r, o, path);
  const final = path.at(-1)!;
  const moves: PlannedMove[] = path.map((to, i) => ({
    id: newId(),
    from: i === 0 ? null : path[i - 1]!,
    to,
    at: times[i]!,
    comment: to === 'lost' || to === 'on_hold' ? o.sideComment : null,
    approval: null,
  }));
  const big = o.plannedInvestment >= APPROVAL_THRESHOLD;
  const registered = moves.find((m) => m.to === 'registered');
  const signed = moves.find((m) => m.to === 'signed');
  if (big && registered && signed) {
    const span = registered.at - signed.at;
    registered.approval = { id: newId(), requestedAt: signed.at + span * 0.6, decidedAt: signed.at + span * 0.9 };
    registered.comment = '计划投资达到审批限额，经领导审批同意';
  }

  const activities: PlannedActivity[] = [];
  const add = (kind: LeadActivityKind, subject: string, at: number) =>
    activities.push({ id: newId(), kind, at, subject, nextFollowUpOn: null });
  if (o.createdAt !== null) add('meeting', '考察期间洽谈，对方介绍项目计划', times[0]! + 60_000);
  const active = final !== 'lost' && final !== 'on_hold' && final !== 'operating';
  const wellKept = active && r.chance(0.78);
  path.forEach((stage, i) => {
    const vocabulary = STAGE_ACTIVITIES[stage];
    const pick = () => r.weighted(vocabulary!);
    if (!vocabulary) {
      if (stage === 'on_hold' && r.chance(0.5))
        add('call', '电话回访，了解企业近况', times[i]! + (o.now - times[i]!) * r.next());
      return;
    }
    const start = times[i]!;
    const end = Math.max(start, times[i + 1] ?? o.now - HOUR);
    const days = (end - start) / DAY;
    const count = days < 1 ? +r.chance(0.5) : Math.min(4, 1 + Math.floor(days / 15));
    for (let k = 0; k < count; k++) {
      add(...pick(), start + (end - start) * (0.1 + 0.8 * r.next()));
    }
    // The stage a well-kept lead is in had a call or meeting in the last ten days.
    if (wellKept && i === path.length - 1) {
      const at = Math.min(o.now - 60_000, Math.max(start + HOUR / 2, o.now - r.next() * 10 * DAY - HOUR));
      add(...pick(), at);
    }
  });
  activities.sort((a, b) => a.at - b.at);

  const today = chinaDayOf(o.now);
  const lastTouch = Math.max(times.at(-1)!, activities.at(-1)?.at ?? 0);
  const inDays = (from: string, d: number) => chinaDayOf(Date.parse(`${from}T12:00:00+08:00`) + d * DAY);
  let nextFollowUpOn: string | null = null;
  if (wellKept) nextFollowUpOn = inDays(today, r.int(1, 14));
  else if (active) nextFollowUpOn = inDays(chinaDayOf(lastTouch), r.int(3, 10));
  else if (final === 'operating' || (final === 'on_hold' && r.chance(0.5)))
    nextFollowUpOn = inDays(today, r.int(20, 120));
  const lastActivity = activities.at(-1);
  if (lastActivity) lastActivity.nextFollowUpOn = nextFollowUpOn;

  const capitalPlan = CAPITAL[final];
  const capital: PlannedHistory['capital'] = [];
  if (capitalPlan && registered) {
    const total = Math.round((o.plannedInvestment * between(r, capitalPlan.share)) / 1e4) * 1e4;
    const n = r.int(...capitalPlan.payments);
    const first = Math.min(registered.at + 7 * DAY, registered.at + (o.now - registered.at) / 2);
    const dates = Array.from({ length: n }, () => first + (o.now - DAY - first) * r.next()).sort((a, b) => a - b);
    const weights = dates.map(() => 0.5 + r.next());
    const sum = weights.reduce((a, b) => a + b, 0);
    let left = total;
    dates.forEach((d, k) => {
      const amount = k === n - 1 ? left : Math.max(1e4, Math.round((total * weights[k]!) / sum / 1e4) * 1e4);
      left -= amount;
      if (amount > 0) capital.push({ id: newId(), arrivedOn: chinaDayOf(d), amount });
    });
  }

  const pendingApproval =
    final === 'signed' && big && r.chance(0.5)
      ? { id: newId(), requestedAt: Math.max(times.at(-1)! + HOUR, o.now - r.int(1, 5) * DAY) }
      : null;
  return { moves, activities, capital, pendingApproval, nextFollowUpOn };
}
