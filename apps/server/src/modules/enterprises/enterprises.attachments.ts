import type { Executor } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { registerAttachmentOwner } from '../attachments/attachments.registry.js';
import { enterprisesPolicy, type EnterpriseAction } from './enterprises.policy.js';

const allowed = async (db: Executor, actor: Actor, id: string, action: EnterpriseAction) =>
  !!(await db
    .selectFrom('enterprises')
    .select('id')
    .where('id', '=', id)
    .where(enterprisesPolicy.where(actor, action))
    .executeTakeFirst());

/** A company's files (licences, certificates) follow the company's own read and update rules. */
registerAttachmentOwner('enterprise', {
  canRead: (db, actor, id) => allowed(db, actor, id, 'read'),
  canWrite: (db, actor, id) => allowed(db, actor, id, 'update'),
});
