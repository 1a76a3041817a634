import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { NeedRelation } from '@kaimen/shared';
import type { DB } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { definePolicy } from '../../lib/policy.js';

/**
 * Who may use the needs routes at all (DESIGN.md §2); which needs each one sees is `visibleNeeds` below, one filter
 * that serves the list and the record alike (a record is loaded through it, so list and record rules cannot disagree):
 * - admin and leader: every need of the tenant (the leader reads only);
 * - service officer: needs of the companies assigned to them, needs they follow up, needs they recorded;
 * - department handler: needs whose lead department or one of whose supporting departments is theirs — nothing else;
 * - enterprise user: its own company's needs.
 * Investment officers and property managers do not work needs.
 */
export const needsPolicy = definePolicy(
  'need',
  {},
  {
    list: {
      admin: 'tenant',
      leader: 'tenant',
      service: 'assigned',
      department: 'own-department',
      enterprise: 'own-enterprise',
    },
    read: {
      admin: 'tenant',
      leader: 'tenant',
      service: 'assigned',
      department: 'own-department',
      enterprise: 'own-enterprise',
    },
    create: { admin: 'tenant', service: 'assigned', enterprise: 'own-enterprise' },
    /** Workflow steps; which step is the actor's relation to the need (need-workflow.ts). */
    act: { admin: 'tenant', service: 'assigned', department: 'own-department', enterprise: 'own-enterprise' },
    /** Urgency and supporting departments. */
    update: { admin: 'tenant', service: 'assigned', department: 'own-department' },
    /** Contacts' phone numbers unmasked: whoever has to call back. */
    seePersonalData: {
      admin: 'tenant',
      service: 'assigned',
      department: 'own-department',
      enterprise: 'own-enterprise',
    },
    /** The filtered list as a spreadsheet (each sees the rows their list shows). */
    export: { admin: 'tenant', leader: 'tenant', service: 'assigned', department: 'own-department' },
    /** Aggregates for policy work (no personal data). */
    analysis: { admin: 'tenant', leader: 'tenant', service: 'tenant' },
  },
);
export type NeedAction = (typeof needsPolicy.actions)[number];

/** The needs the actor sees, as a filter on `needs` (aliased or not). */
export function visibleNeeds(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'needs'>): Expression<SqlBool> => {
    const none = sql<SqlBool>`1 = 0`;
    if (!actor.tenantId) return none;
    const tenant = eb('needs.tenantId', '=', actor.tenantId);
    switch (actor.role) {
      case 'admin':
      case 'leader':
        return tenant;
      case 'service':
        return eb.and([
          tenant,
          eb.or([
            eb('needs.officerId', '=', actor.userId),
            eb('needs.createdBy', '=', actor.userId),
            eb(
              'needs.enterpriseId',
              'in',
              eb
                .selectFrom('enterprises')
                .select('enterprises.id')
                .where('enterprises.tenantId', '=', actor.tenantId)
                .where('enterprises.assignedOfficerId', '=', actor.userId),
            ),
          ]),
        ]);
      case 'department': {
        if (!actor.departmentId) return none;
        return eb.and([
          tenant,
          eb.or([
            eb('needs.leadDepartmentId', '=', actor.departmentId),
            eb.exists(
              eb
                .selectFrom('needDepartments')
                .select(sql`1`.as('one'))
                .whereRef('needDepartments.tenantId', '=', 'needs.tenantId')
                .whereRef('needDepartments.needId', '=', 'needs.id')
                .where('needDepartments.departmentId', '=', actor.departmentId),
            ),
          ]),
        ]);
      }
      case 'enterprise':
        return actor.enterpriseId ? eb.and([tenant, eb('needs.enterpriseId', '=', actor.enterpriseId)]) : none;
      default:
        return none;
    }
  };
}

export interface NeedFacts {
  leadDepartmentId: string;
  supportingDepartmentIds: readonly string[];
  officerId: string | null;
  createdBy: string | null;
  enterpriseId: string;
  /** The company's assigned service officer. */
  assignedOfficerId: string | null;
}

/** How the actor stands to a need it can see: what the workflow table's `who` is matched against. */
export function needRelations(actor: Actor, need: NeedFacts): NeedRelation[] {
  const rel: NeedRelation[] = [];
  switch (actor.role) {
    case 'admin':
      rel.push('admin');
      break;
    case 'department':
      if (actor.departmentId && actor.departmentId === need.leadDepartmentId) {
        rel.push('lead-department');
        if (actor.departmentHead) rel.push('department-head');
      }
      if (actor.departmentId && need.supportingDepartmentIds.includes(actor.departmentId)) {
        rel.push('supporting-department');
      }
      break;
    case 'service':
      if ([need.officerId, need.createdBy, need.assignedOfficerId].includes(actor.userId)) rel.push('officer');
      break;
    case 'enterprise':
      if (actor.enterpriseId === need.enterpriseId) rel.push('enterprise');
      break;
  }
  return rel;
}
