import { definePolicy } from '../../lib/policy.js';

/**
 * Import jobs: the uploader works their own; an admin sees and may stop every import of the tenant. Which roles may
 * import what is the kind's (ImportKind.roles), checked on upload.
 */
export const importsPolicy = definePolicy(
  'import',
  { self: 'created_by' },
  {
    create: { admin: 'tenant', investment: 'tenant' },
    read: { admin: 'tenant', investment: 'self' },
    /** Check, run, cancel, delete. */
    update: { admin: 'tenant', investment: 'self' },
  },
);

export type ImportAction = (typeof importsPolicy.actions)[number];
