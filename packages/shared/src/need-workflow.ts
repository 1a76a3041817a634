import type { NeedStatus, Satisfaction } from './dictionaries.js';

/**
 * The life of a need (诉求, DESIGN.md §4, issue 5) as one table the API, the job and the web's buttons all read:
 * submitted → accepted → in progress → resolved → confirmed (with the company's satisfaction) → closed, with return to
 * the sender, reassignment to another lead department, escalation (a flag, not a status) and reopening when the
 * company is not satisfied. Who may act is said by the actor's relation to the need, which the server works out from
 * the session (never from the request).
 */

/** How the actor stands to one need. */
export type NeedRelation =
  /** A handler of the lead department. */
  | 'lead-department'
  /** A handler of a supporting department. */
  | 'supporting-department'
  /** The head of the lead department (sees escalations, may reassign). */
  | 'department-head'
  /** The service officer assigned to the company, or whoever recorded the need. */
  | 'officer'
  /** A user of the company the need is about. */
  | 'enterprise'
  | 'admin';

export type NeedAction =
  'accept' | 'start' | 'resolve' | 'return' | 'resubmit' | 'reassign' | 'escalate' | 'confirm' | 'close' | 'comment';

/** What an action must carry besides the actor. */
export type NeedActionField = 'text' | 'reason' | 'satisfaction' | 'department';

interface Rule {
  from: readonly NeedStatus[];
  /** The status after it; `null` keeps the current one. */
  to: NeedStatus | null;
  who: readonly NeedRelation[];
  needs: readonly NeedActionField[];
}

/** Waiting for a department: what deadlines and escalation apply to (a returned need waits for its sender). */
const WITH_DEPARTMENT: readonly NeedStatus[] = ['submitted', 'accepted', 'in_progress'];

export const NEED_WORKFLOW: Record<NeedAction, Rule> = {
  /** The lead department takes it on (the 12-working-hour clock stops). */
  accept: { from: ['submitted'], to: 'accepted', who: ['lead-department', 'department-head', 'admin'], needs: [] },
  start: { from: ['accepted'], to: 'in_progress', who: ['lead-department', 'department-head', 'admin'], needs: [] },
  /** The answer the company will confirm. */
  resolve: {
    from: ['accepted', 'in_progress'],
    to: 'resolved',
    who: ['lead-department', 'department-head', 'admin'],
    needs: ['text'],
  },
  /** Back to whoever sent it, with why (not ours, facts missing …). */
  return: {
    from: ['submitted', 'accepted'],
    to: 'returned',
    who: ['lead-department', 'department-head', 'admin'],
    needs: ['reason'],
  },
  /** Sent again after a return, to the same or another department. */
  resubmit: { from: ['returned'], to: 'submitted', who: ['officer', 'enterprise', 'admin'], needs: [] },
  /** Another lead department: the need starts again there as submitted. */
  reassign: {
    from: ['submitted', 'accepted', 'in_progress', 'returned'],
    to: 'submitted',
    who: ['officer', 'department-head', 'admin'],
    needs: ['department', 'reason'],
  },
  /** Raised to the lead department's head; the job does it when a deadline passes. */
  escalate: { from: WITH_DEPARTMENT, to: null, who: ['officer', 'admin'], needs: ['reason'] },
  /** The company's word: satisfied or basically satisfied confirms, not satisfied reopens it. */
  confirm: { from: ['resolved'], to: 'confirmed', who: ['enterprise', 'officer', 'admin'], needs: ['satisfaction'] },
  close: { from: ['confirmed'], to: 'closed', who: ['officer', 'admin'], needs: [] },
  comment: {
    from: [...WITH_DEPARTMENT, 'returned', 'resolved', 'confirmed'],
    to: null,
    who: ['lead-department', 'supporting-department', 'department-head', 'officer', 'enterprise', 'admin'],
    needs: ['text'],
  },
};

export const NEED_ACTIONS = Object.keys(NEED_WORKFLOW) as NeedAction[];

export interface NeedActionInput {
  text?: string | null;
  reason?: string | null;
  satisfaction?: Satisfaction | null;
  /** The new lead department (reassign, or resubmit to another one). */
  departmentId?: string | null;
}

export type NeedActionRefusal =
  | { ok: false; code: 'not-allowed' }
  | { ok: false; code: 'invalid-transition' }
  | { ok: false; code: 'missing'; fields: NeedActionField[] };

export type NeedActionResult = { ok: true; status: NeedStatus; reopened: boolean } | NeedActionRefusal;

/** The actions these relations may take on a need in this status (the web's buttons). */
export function allowedNeedActions(status: NeedStatus, relations: readonly NeedRelation[]): NeedAction[] {
  return NEED_ACTIONS.filter((a) => {
    const r = NEED_WORKFLOW[a];
    return r.from.includes(status) && r.who.some((w) => relations.includes(w));
  });
}

/**
 * Whether the action may happen and what status follows. A company that is not satisfied reopens the need: it goes
 * back to 办理中 with the same lead department, and the server counts the reopening.
 */
export function applyNeedAction(
  status: NeedStatus,
  action: NeedAction,
  relations: readonly NeedRelation[],
  input: NeedActionInput,
): NeedActionResult {
  const rule = NEED_WORKFLOW[action];
  if (!rule.who.some((w) => relations.includes(w))) return { ok: false, code: 'not-allowed' };
  if (!rule.from.includes(status)) return { ok: false, code: 'invalid-transition' };
  const given: Record<NeedActionField, boolean> = {
    text: !!input.text?.trim(),
    reason: !!input.reason?.trim(),
    satisfaction: !!input.satisfaction,
    department: !!input.departmentId,
  };
  const missing = rule.needs.filter((f) => !given[f]);
  if (missing.length) return { ok: false, code: 'missing', fields: missing };
  if (action === 'confirm' && input.satisfaction === 'unsatisfied') {
    return { ok: true, status: 'in_progress', reopened: true };
  }
  return { ok: true, status: rule.to ?? status, reopened: false };
}

/** Statuses in which a need waits for a department (what deadlines and escalation apply to). */
export const NEED_STATUSES_WITH_DEPARTMENT = WITH_DEPARTMENT;
