import { definePolicy } from '../../lib/policy.js';

/** Admins manage their tenant's users; leaders read them; everyone else sees only themselves via /api/auth/me. */
export const usersPolicy = definePolicy(
  'user',
  { self: 'id' },
  {
    list: { admin: 'tenant', leader: 'tenant' },
    read: { admin: 'tenant', leader: 'tenant' },
    create: { admin: 'tenant' },
    update: { admin: 'tenant' },
    disable: { admin: 'tenant' },
    resetPassword: { admin: 'tenant' },
  },
);
