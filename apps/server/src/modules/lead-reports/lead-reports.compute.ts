import { LEAD_PIPELINE_STAGES, LEAD_SOURCE_CHANNELS } from '@kaimen/shared';
import type { TConversion, TLeadReports } from './lead-reports.schemas.js';

type PipelineStage = (typeof LEAD_PIPELINE_STAGES)[number];

/** 1 for 线索 … 7 for 投产运营; 0 for the side states, which are outside the order. */
const ORDER = new Map<string, number>(LEAD_PIPELINE_STAGES.map((s, i) => [s, i + 1]));
const SIGNED = ORDER.get('signed')!;
const REGISTERED = ORDER.get('registered')!;
const DAY_MS = 86_400_000;

export interface ReportLead {
  id: string;
  stage: string;
  sourceChannel: string;
  ownerId: string;
}

/** One stage move; a lead's moves come together, in time order. */
export interface ReportMove {
  leadId: string;
  toStage: string;
  at: string;
}

/** What the report needs of one lead: the furthest stage it reached and its finished stints per stage. */
interface LeadFacts {
  lead: ReportLead;
  maxOrder: number;
  stints: [PipelineStage, number][];
}

function leadFacts(leads: readonly ReportLead[], moves: readonly ReportMove[]): LeadFacts[] {
  const byLead = new Map<string, ReportMove[]>();
  for (const m of moves) {
    const list = byLead.get(m.leadId);
    if (list) list.push(m);
    else byLead.set(m.leadId, [m]);
  }
  return leads.map((lead) => {
    const history = byLead.get(lead.id) ?? [];
    let maxOrder = ORDER.get(lead.stage) ?? 0;
    const stints: [PipelineStage, number][] = [];
    history.forEach((m, i) => {
      maxOrder = Math.max(maxOrder, ORDER.get(m.toStage) ?? 0);
      const next = history[i + 1];
      // The stage a lead is still in has no end yet: only stints closed by a next move count.
      if (next && ORDER.has(m.toStage)) {
        stints.push([m.toStage as PipelineStage, (Date.parse(next.at) - Date.parse(m.at)) / DAY_MS]);
      }
    });
    return { lead, maxOrder, stints };
  });
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const rate = (part: number, whole: number) => (whole ? round(part / whole, 4) : 0);

function conversion(group: readonly LeadFacts[]): TConversion {
  const days = new Map<PipelineStage, number[]>(LEAD_PIPELINE_STAGES.map((s) => [s, []]));
  for (const f of group) for (const [stage, d] of f.stints) days.get(stage)!.push(d);
  const reachedSigned = group.filter((f) => f.maxOrder >= SIGNED).length;
  const reachedRegistered = group.filter((f) => f.maxOrder >= REGISTERED).length;
  return {
    leads: group.length,
    reachedSigned,
    reachedRegistered,
    lost: group.filter((f) => f.lead.stage === 'lost').length,
    signedRate: rate(reachedSigned, group.length),
    registeredRate: rate(reachedRegistered, group.length),
    medianDays: Object.fromEntries(
      LEAD_PIPELINE_STAGES.map((s) => {
        const m = median(days.get(s)!);
        return [s, m === null ? null : round(m, 1)];
      }),
    ) as TConversion['medianDays'],
  };
}

function groupBy<K>(facts: readonly LeadFacts[], key: (f: LeadFacts) => K): Map<K, LeadFacts[]> {
  const groups = new Map<K, LeadFacts[]>();
  for (const f of facts) {
    const k = key(f);
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  return groups;
}

const CHANNEL_ORDER = new Map<string, number>(LEAD_SOURCE_CHANNELS.map((c, i) => [c.code, i]));

/**
 * The funnel and the conversion tables of a set of leads. A lead reached a pipeline stage when its current stage is at
 * or past it, or a move of its history went to it or past it (a lost lead keeps what it reached).
 */
export function pipelineFigures(
  leads: readonly ReportLead[],
  moves: readonly ReportMove[],
  ownerNames: ReadonlyMap<string, string>,
): Pick<TLeadReports, 'funnel' | 'overall' | 'byChannel' | 'byOwner'> {
  const facts = leadFacts(leads, moves);
  const stages = LEAD_PIPELINE_STAGES.map((stage) => {
    const order = ORDER.get(stage)!;
    return {
      stage,
      current: leads.filter((l) => l.stage === stage).length,
      reached: facts.filter((f) => f.maxOrder >= order).length,
    };
  });
  const byChannel = [...groupBy(facts, (f) => f.lead.sourceChannel)]
    .sort(([a], [b]) => (CHANNEL_ORDER.get(a) ?? 99) - (CHANNEL_ORDER.get(b) ?? 99))
    .map(([channel, group]) => ({ channel, ...conversion(group) }));
  const byOwner = [...groupBy(facts, (f) => f.lead.ownerId)]
    .map(([ownerId, group]) => ({ ownerId, ownerName: ownerNames.get(ownerId) ?? ownerId, ...conversion(group) }))
    .sort((a, b) => b.leads - a.leads || a.ownerName.localeCompare(b.ownerName, 'zh-CN'));
  return {
    funnel: {
      total: leads.length,
      stages,
      onHold: leads.filter((l) => l.stage === 'on_hold').length,
      lost: leads.filter((l) => l.stage === 'lost').length,
    },
    overall: conversion(facts),
    byChannel,
    byOwner,
  };
}

/** The months from `from`'s to `to`'s, as YYYY-MM. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) return out;
    if (++m > 12) [y, m] = [y + 1, 1];
  }
}
