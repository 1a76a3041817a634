import { RENTAL_NOTICE_PHOTO_TYPES } from '@kaimen/shared';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { registerAttachmentOwner } from '../attachments/attachments.registry.js';
import { rentalNoticesPolicy } from './property.policy.js';

const allowed = async (db: Executor, actor: Actor, id: string, action: 'read' | 'write') =>
  !!(await db
    .selectFrom('rentalNotices')
    .select('id')
    .where('tenantId', '=', actor.tenantId!)
    .where('id', '=', id)
    .where(rentalNoticesPolicy.where(actor, action))
    .executeTakeFirst());

/** A notice's photos: its readers see them, the property manager uploads them; images only, as the portal shows them. */
registerAttachmentOwner('rental-notice', {
  canRead: (db, actor, id) => allowed(db, actor, id, 'read'),
  canWrite: (db, actor, id) => allowed(db, actor, id, 'write'),
  accepts: { contentTypes: RENTAL_NOTICE_PHOTO_TYPES, label: 'JPEG, PNG, WebP' },
});
