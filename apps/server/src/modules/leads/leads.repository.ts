import { maskPersonal } from '@kaimen/shared';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { LeadsTable } from '../../db/schema/pipeline.js';
import { parseJson } from '../../lib/json.js';
import { userRefs } from '../users/user-refs.js';

export type LeadRow = Selectable<LeadsTable>;

const some = (ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => !!x)), '-'];

/** Owners, chain nodes, capital totals and pending approvals for a page of leads: one query each. */
export async function loadLeadSummaries(db: Executor, tenantId: string, rows: LeadRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [user, nodes, capital, approvals] = await Promise.all([
    userRefs(
      db,
      tenantId,
      rows.map((r) => r.ownerId),
    ),
    db
      .selectFrom('chainNodes')
      .select(['id', 'code', 'nameZh', 'nameEn'])
      .where('tenantId', '=', tenantId)
      .where('id', 'in', some(rows.map((r) => r.chainNodeId)))
      .execute(),
    db
      .selectFrom('leadCapital')
      .select(['leadId', sql<number>`sum(amount)`.as('total')])
      .where('tenantId', '=', tenantId)
      .where('leadId', 'in', ids)
      .groupBy('leadId')
      .execute(),
    db
      .selectFrom('approvals')
      .select(['id', 'entityId', 'payload'])
      .where('tenantId', '=', tenantId)
      .where('entityType', '=', 'lead')
      .where('entityId', 'in', ids)
      .where('status', '=', 'pending')
      .execute(),
  ]);
  const node = new Map(nodes.map((n) => [n.id, n]));
  const arrived = new Map(capital.map((c) => [c.leadId, Number(c.total)]));
  const pending = new Map(
    approvals.map((a) => [a.entityId, { id: a.id, toStage: parseJson<{ to: string }>(a.payload, { to: '' }).to }]),
  );
  return rows.map((r) => {
    const n = r.chainNodeId ? node.get(r.chainNodeId) : undefined;
    return {
      id: r.id,
      companyName: r.companyName,
      uscc: r.uscc,
      sourceChannel: r.sourceChannel,
      chainNode: n ? { code: n.code, nameZh: n.nameZh, nameEn: n.nameEn } : null,
      owner: user(r.ownerId),
      stage: r.stage,
      stageEnteredAt: r.stageEnteredAt,
      plannedInvestment: r.plannedInvestment === null ? null : Number(r.plannedInvestment),
      capitalArrived: arrived.get(r.id) ?? 0,
      spaceUnitType: r.spaceUnitType,
      spaceArea: r.spaceArea === null ? null : Number(r.spaceArea),
      expectedJobs: r.expectedJobs,
      expectedAnnualTax: r.expectedAnnualTax === null ? null : Number(r.expectedAnnualTax),
      nextFollowUpOn: r.nextFollowUpOn,
      lastActivityAt: r.lastActivityAt,
      overdueKind: r.overdueKind,
      overdueSince: r.overdueSince,
      enterpriseId: r.enterpriseId,
      tripId: r.tripId,
      pendingApproval: pending.get(r.id) ?? null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
    };
  });
}

/** The whole record; contacts masked unless `unmasked`. */
export async function loadLeadDetail(db: Executor, row: LeadRow, options: { unmasked: boolean }) {
  const [summary] = await loadLeadSummaries(db, row.tenantId, [row]);
  const [contacts, capital, user] = await Promise.all([
    db
      .selectFrom('leadContacts')
      .select(['id', 'name', 'title', 'mobile', 'email'])
      .where('tenantId', '=', row.tenantId)
      .where('leadId', '=', row.id)
      .orderBy('sort')
      .execute(),
    db
      .selectFrom('leadCapital')
      .select(['id', 'arrivedOn', 'amount', 'note'])
      .where('tenantId', '=', row.tenantId)
      .where('leadId', '=', row.id)
      .orderBy('arrivedOn')
      .orderBy('id')
      .execute(),
    userRefs(db, row.tenantId, [row.createdBy]),
  ]);
  return {
    ...summary!,
    spaceRequirements: parseJson<string[]>(row.spaceRequirements, []),
    spaceNotes: row.spaceNotes,
    notes: row.notes,
    lostReason: row.lostReason,
    tripMeetingId: row.tripMeetingId,
    contacts: contacts.map((c) =>
      options.unmasked ? c : { ...c, mobile: maskPersonal(c.mobile), email: maskPersonal(c.email) },
    ),
    capital: capital.map((c) => ({ ...c, amount: Number(c.amount) })),
    personalDataMasked: !options.unmasked,
    createdBy: user(row.createdBy),
    duplicates: [] as {
      type: 'lead' | 'enterprise';
      id: string;
      name: string;
      uscc: string | null;
      match: 'uscc' | 'name';
      stage: string | null;
    }[],
  };
}
export type LeadDetail = Awaited<ReturnType<typeof loadLeadDetail>>;
