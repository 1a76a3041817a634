import { bulkInsert, type BulkTable, type BulkTarget } from '../../db/bulk-insert.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { chainNodeIds } from './bulk-enterprises.js';
import { chinaDayOf } from './demo-pipeline-history.js';
import { planPipeline, type PipelinePlan } from './demo-pipeline-plan.js';

/**
 * The demo tenant's investment pipeline: a year of leads ending at the seed time, six trips with their meetings and
 * the leads they produced, a few landed projects linked to companies of the registry. Two more investment officers
 * share the leads with 张招商, so the report by owner compares people; they sign in with the demo password but are
 * left out of the printed logins, which stay one per role.
 */
export const DEMO_EXTRA_OFFICERS = [
  { username: 'investment2', displayName: '孙招商' },
  { username: 'investment3', displayName: '吴招商' },
] as const;

export interface DemoPipelineOptions {
  tenantId: string;
  now: Date;
  passwordHash: string;
  /** The demo investment officer (张招商) and leader (李主任). */
  officer: { id: string; name: string };
  leaderId: string;
}

const text = (name: string) => ({ name, type: 'text' as const });
const int = (name: string) => ({ name, type: 'integer' as const });
const big = (name: string) => ({ name, type: 'bigint' as const });
const texts = (...names: string[]) => names.map(text);
const STAMPS = [text('created_at'), text('updated_at'), int('version')];

/** Parents first; columns in the order the rows below give their values. */
const TABLES = {
  trips: {
    name: 'trips',
    columns: [...texts('tenant_id', 'id', 'title', 'destination', 'starts_on', 'ends_on', 'purpose', 'notes'), text('created_by'), ...STAMPS],
  },
  members: { name: 'trip_members', columns: texts('tenant_id', 'trip_id', 'user_id') },
  meetings: {
    name: 'trip_meetings',
    columns: [...texts('tenant_id', 'id', 'trip_id', 'met_on', 'organisation', 'people', 'notes'), int('sort'), text('created_at')],
  },
  approvals: {
    name: 'approvals',
    columns: [
      ...texts('tenant_id', 'id', 'entity_type', 'entity_id', 'action', 'payload', 'status', 'requested_by'),
      ...texts('requested_at', 'decided_by', 'decided_at', 'decision_comment'),
      ...STAMPS,
    ],
  },
  leads: {
    name: 'leads',
    columns: [
      ...texts('tenant_id', 'id', 'company_name', 'normalized_name', 'uscc', 'source_channel', 'chain_node_id'),
      ...texts('owner_id', 'stage', 'stage_entered_at'),
      big('planned_investment'),
      text('space_unit_type'),
      // A real column: whole m² go in as integers (PostgreSQL casts them on insert).
      int('space_area'),
      ...texts('space_requirements', 'space_notes'),
      int('expected_jobs'),
      big('expected_annual_tax'),
      ...texts('next_follow_up_on', 'last_activity_at', 'notes', 'lost_reason', 'enterprise_id', 'trip_id'),
      ...texts('trip_meeting_id', 'created_by'),
      ...STAMPS,
    ],
  },
  contacts: {
    name: 'lead_contacts',
    columns: [...texts('tenant_id', 'lead_id', 'id', 'name', 'title', 'mobile', 'email'), int('sort')],
  },
  moves: {
    name: 'lead_stage_moves',
    columns: texts('tenant_id', 'lead_id', 'id', 'from_stage', 'to_stage', 'at', 'by_user_id', 'comment', 'approval_id'),
  },
  activities: {
    name: 'lead_activities',
    columns: texts(
      ...['tenant_id', 'lead_id', 'id', 'kind', 'occurred_on', 'subject', 'participants', 'notes'],
      ...['next_follow_up_on', 'created_by', 'created_at'],
    ),
  },
  capital: {
    name: 'lead_capital',
    columns: [...texts('tenant_id', 'lead_id', 'id', 'arrived_on'), big('amount'), text('note')],
  },
} satisfies Record<string, BulkTable>; // prettier-ignore

const at = (ms: number) => new Date(ms).toISOString();

/** The plan as rows of each table. */
function rowsOf(tenantId: string, plan: PipelinePlan, leaderId: string): Record<keyof typeof TABLES, unknown[][]> {
  const t = tenantId;
  const rows = Object.fromEntries(Object.keys(TABLES).map((k) => [k, [] as unknown[][]])) as Record<
    keyof typeof TABLES,
    unknown[][]
  >;
  for (const trip of plan.trips) {
    const done = `${trip.endsOn}T10:00:00.000Z`;
    rows.trips.push([t, trip.id, trip.title, trip.destination, trip.startsOn, trip.endsOn, trip.purpose, null, trip.createdBy, trip.createdAt, done, 2]);
    for (const userId of trip.members) rows.members.push([t, trip.id, userId]);
    trip.meetings.forEach((m, k) => rows.meetings.push([t, m.id, trip.id, m.metOn, m.organisation, m.people, m.notes, k, at(m.at)]));
  } // prettier-ignore
  for (const l of plan.leads) {
    const h = l.history;
    const first = h.moves[0]!;
    const last = h.moves.at(-1)!;
    const lastActivity = h.activities.at(-1);
    const updated = Math.max(last.at, lastActivity?.at ?? 0);
    rows.leads.push([
      t, l.id, l.companyName, l.normalizedName, l.uscc, l.sourceChannel, l.chainNodeId, l.ownerId, last.to, at(last.at),
      l.plannedInvestment, l.spaceUnitType, l.spaceArea, JSON.stringify(l.spaceRequirements), null, l.expectedJobs,
      l.expectedAnnualTax, h.nextFollowUpOn, lastActivity ? at(lastActivity.at) : null, l.notes, l.lostReason,
      l.enterpriseId, l.tripId, l.tripMeetingId, l.ownerId, at(first.at), at(updated), h.moves.length,
    ]); // prettier-ignore
    l.contacts.forEach((c, k) => rows.contacts.push([t, l.id, c.id, c.name, c.title, c.mobile, c.email, k]));
    for (const m of h.moves) {
      rows.moves.push([t, l.id, m.id, m.from, m.to, at(m.at), l.ownerId, m.comment, m.approval?.id ?? null]);
      if (m.approval) {
        const payload = JSON.stringify({ from: m.from, to: m.to, comment: '计划投资达到审批限额，提请审批' });
        const [asked, decided] = [at(m.approval.requestedAt), at(m.approval.decidedAt)];
        rows.approvals.push([t, m.approval.id, 'lead', l.id, 'lead-stage', payload, 'approved', l.ownerId, asked, leaderId, decided, '同意', asked, decided, 2]); // prettier-ignore
      }
    }
    if (h.pendingApproval) {
      const asked = at(h.pendingApproval.requestedAt);
      const payload = JSON.stringify({ from: 'signed', to: 'registered', comment: '企业已完成注册，申请进入注册落地' });
      rows.approvals.push([t, h.pendingApproval.id, 'lead', l.id, 'lead-stage', payload, 'pending', l.ownerId, asked, null, null, null, asked, asked, 1]); // prettier-ignore
    }
    const participants = JSON.stringify([l.ownerName, l.contacts[0]!.name]);
    for (const a of h.activities) {
      rows.activities.push([t, l.id, a.id, a.kind, chinaDayOf(a.at), a.subject, participants, null, a.nextFollowUpOn, l.ownerId, at(a.at)]); // prettier-ignore
    }
    for (const c of h.capital) rows.capital.push([t, l.id, c.id, c.arrivedOn, c.amount, null]);
  }
  return rows;
}

/** Writes the pipeline inside the caller's transaction (the demo seed's), with bulk inserts. */
export async function seedDemoPipeline(
  target: BulkTarget,
  o: DemoPipelineOptions,
): Promise<{ leads: number; trips: number }> {
  const now = iso(o.now);
  const officers = [{ id: o.officer.id, name: o.officer.name, weight: 45 }];
  for (const [k, u] of DEMO_EXTRA_OFFICERS.entries()) {
    const id = newId();
    await target.trx
      .insertInto('users')
      .values({
        id,
        tenantId: o.tenantId,
        username: u.username,
        displayName: u.displayName,
        passwordHash: o.passwordHash,
        role: 'investment',
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    officers.push({ id, name: u.displayName, weight: k === 0 ? 30 : 25 });
  }
  const enterprises = await target.trx
    .selectFrom('enterprises')
    .select(['id', 'name', 'uscc'])
    .where('tenantId', '=', o.tenantId)
    .orderBy('uscc')
    .limit(60)
    .execute();
  const plan = planPipeline({
    now: o.now,
    users: { officers, leaderId: o.leaderId },
    nodeIds: await chainNodeIds(target.trx, o.tenantId),
    enterprises,
  });
  const rows = rowsOf(o.tenantId, plan, o.leaderId);
  for (const [table, def] of Object.entries(TABLES)) await bulkInsert(target, def, rows[table as keyof typeof TABLES]);
  return { leads: plan.leads.length, trips: plan.trips.length };
}
