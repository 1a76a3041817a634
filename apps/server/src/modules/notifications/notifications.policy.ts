import { definePolicy } from '../../lib/policy.js';

/**
 * Notifications are personal: every tenant role has a bell, and each user reads and marks only the rows addressed to
 * them (another user's notice is a 404, like a record of another tenant). The platform operator has none.
 */
const OWN = {
  admin: 'self',
  leader: 'self',
  investment: 'self',
  service: 'self',
  department: 'self',
  property: 'self',
  enterprise: 'self',
} as const;

export const notificationsPolicy = definePolicy('notification', { self: 'user_id' }, { list: OWN, read: OWN });
export type NotificationAction = (typeof notificationsPolicy.actions)[number];
