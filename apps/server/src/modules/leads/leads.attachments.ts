import type { Executor } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { registerAttachmentOwner } from '../attachments/attachments.registry.js';
import { leadsPolicy, type LeadAction } from './leads.policy.js';

const allowed = async (db: Executor, actor: Actor, id: string, action: LeadAction) =>
  !!(await db
    .selectFrom('leads')
    .select('id')
    .where('tenantId', '=', actor.tenantId!)
    .where('id', '=', id)
    .where(leadsPolicy.where(actor, action))
    .executeTakeFirst());

/** A lead's files (business plans, agreements) follow the pipeline's rules: its readers read, its workers upload. */
registerAttachmentOwner('lead', {
  canRead: (db, actor, id) => allowed(db, actor, id, 'read'),
  canWrite: (db, actor, id) => allowed(db, actor, id, 'work'),
});
