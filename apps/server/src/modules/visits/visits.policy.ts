import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { definePolicy } from '../../lib/policy.js';

/**
 * Visits are the service officers' work (DESIGN.md §2): admins and leaders see every visit of the tenant; a service
 * officer the visits of the companies assigned to them and the visits they went on. Department handlers meet the
 * needs a visit raised, not the visit; companies see their needs, not the officers' notes.
 */
export const visitsPolicy = definePolicy(
  'visit',
  {},
  {
    list: { admin: 'tenant', leader: 'tenant', service: 'assigned' },
    read: { admin: 'tenant', leader: 'tenant', service: 'assigned' },
    create: { admin: 'tenant', service: 'assigned' },
    update: { admin: 'tenant', service: 'assigned' },
    delete: { admin: 'tenant' },
    /** Coverage of the visit plan; an officer sees their own companies'. */
    coverage: { admin: 'tenant', leader: 'tenant', service: 'assigned' },
    /** Yearly targets (the tenant's default and a company's own). */
    plan: { admin: 'tenant' },
  },
);

/** Survey templates: the admin writes them; whoever records visits reads them. */
export const surveyTemplatesPolicy = definePolicy(
  'survey-template',
  {},
  {
    list: { admin: 'tenant', leader: 'tenant', service: 'tenant' },
    create: { admin: 'tenant' },
    update: { admin: 'tenant' },
  },
);

/** The visits the actor sees (list and record alike). */
export function visibleVisits(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'visits'>): Expression<SqlBool> => {
    if (!actor.tenantId) return sql<SqlBool>`1 = 0`;
    const tenant = eb('visits.tenantId', '=', actor.tenantId);
    if (actor.role === 'admin' || actor.role === 'leader') return tenant;
    if (actor.role !== 'service') return sql<SqlBool>`1 = 0`;
    return eb.and([
      tenant,
      eb.or([
        eb('visits.createdBy', '=', actor.userId),
        eb(
          'visits.enterpriseId',
          'in',
          eb
            .selectFrom('enterprises')
            .select('enterprises.id')
            .where('enterprises.tenantId', '=', actor.tenantId)
            .where('enterprises.assignedOfficerId', '=', actor.userId),
        ),
        eb.exists(
          eb
            .selectFrom('visitVisitors')
            .select(sql`1`.as('one'))
            .whereRef('visitVisitors.tenantId', '=', 'visits.tenantId')
            .whereRef('visitVisitors.visitId', '=', 'visits.id')
            .where('visitVisitors.userId', '=', actor.userId),
        ),
      ]),
    ]);
  };
}
