import { definePolicy } from '../../lib/policy.js';

/**
 * Import jobs: the uploader works their own; an admin sees and may stop every import of the tenant. Which roles may
 * import what is the kind's (ImportKind.roles), checked on upload.
 */
export const importsPolicy = definePolicy(
  'import',
  { self: 'created_by' },
  {
    create: { admin: 'tenant', investment: 'tenant', property: 'tenant' },
    read: { admin: 'tenant', investment: 'self', property: 'self' },
    /** Check, run, cancel, delete. */
    update: { admin: 'tenant', investment: 'self', property: 'self' },
  },
);

export type ImportAction = (typeof importsPolicy.actions)[number];
