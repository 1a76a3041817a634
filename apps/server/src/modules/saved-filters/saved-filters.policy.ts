import { definePolicy } from '../../lib/policy.js';

/**
 * Saved filters are personal: every tenant role may keep named filters of the list screens it uses, and sees, uses and
 * deletes only its own (another user's is a 404). The platform operator keeps none.
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

export const savedFiltersPolicy = definePolicy(
  'saved-filter',
  { self: 'user_id' },
  { list: OWN, create: OWN, delete: OWN },
);
