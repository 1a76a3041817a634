import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { LeadsTable } from '../../db/schema/pipeline.js';
import { newId } from '../../lib/ids.js';

/**
 * A lead row written straight to the table, for tests of what reads leads (the follow-up job, 工作台) without going
 * through the leads API. Owned by `ownerId`, created 1 March unless told otherwise.
 */
export async function insertLeadRow(
  db: Executor,
  base: { tenantId: string; ownerId: string; companyName: string },
  o: Partial<Insertable<LeadsTable>> = {},
): Promise<string> {
  const id = o.id ?? newId();
  const createdAt = o.createdAt ?? '2026-03-01T02:00:00.000Z';
  await db
    .insertInto('leads')
    .values({
      id,
      normalizedName: base.companyName,
      uscc: null,
      sourceChannel: 'industry',
      chainNodeId: null,
      stage: 'lead',
      stageEnteredAt: createdAt,
      plannedInvestment: null,
      spaceUnitType: null,
      spaceArea: null,
      spaceNotes: null,
      expectedJobs: null,
      expectedAnnualTax: null,
      nextFollowUpOn: null,
      lastActivityAt: null,
      notes: null,
      lostReason: null,
      enterpriseId: null,
      tripId: null,
      tripMeetingId: null,
      overdueKind: null,
      overdueSince: null,
      createdBy: base.ownerId,
      updatedAt: createdAt,
      version: 1,
      ...base,
      ...o,
      createdAt,
    })
    .execute();
  return id;
}
