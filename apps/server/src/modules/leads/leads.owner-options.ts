import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor } from '../../lib/actor.js';

/** The roles a lead's owner may have: the service's owner check accepts these, and only active users. */
export const LEAD_OWNER_ROLES = ['admin', 'investment'] as const;

/** The owner picker's and the owner filter's choices: GET /api/users is for admins and leaders only. */
export async function findLeadOwnerOptions(db: Executor, actor: Actor) {
  const items = await db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('tenantId', '=', tenantOf(actor))
    .where('disabled', '=', 0)
    .where('role', 'in', [...LEAD_OWNER_ROLES])
    .orderBy('displayName')
    .orderBy('id')
    .execute();
  return { items };
}
