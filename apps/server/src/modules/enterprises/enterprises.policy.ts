import { definePolicy } from '../../lib/policy.js';

/**
 * DESIGN.md §2: leaders, investment officers and property managers read the whole
 * registry; service officers their assigned companies; an enterprise user only its
 * own. Department handlers meet companies through the needs routed to them, not here.
 */
export const enterprisesPolicy = definePolicy(
  'enterprise',
  { enterprise: 'id', assignee: 'assigned_officer_id' },
  {
    list: {
      admin: 'tenant',
      leader: 'tenant',
      investment: 'tenant',
      property: 'tenant',
      service: 'assigned',
      enterprise: 'own-enterprise',
    },
    read: {
      admin: 'tenant',
      leader: 'tenant',
      investment: 'tenant',
      property: 'tenant',
      service: 'assigned',
      enterprise: 'own-enterprise',
    },
    create: { admin: 'tenant', investment: 'tenant', service: 'tenant' },
    update: { admin: 'tenant', investment: 'tenant', service: 'assigned', enterprise: 'own-enterprise' },
    delete: { admin: 'tenant' },
    /**
     * The filtered list as a spreadsheet: whoever reads the whole registry, and service officers their
     * assigned companies. Not enterprise users: a one-row export of their own record is what the record page is for.
     */
    export: { admin: 'tenant', leader: 'tenant', investment: 'tenant', property: 'tenant', service: 'assigned' },
    /** Contacts' phone numbers and e-mail addresses unmasked (MLPS 2.0 personal data). */
    seePersonalData: { admin: 'tenant', investment: 'tenant', service: 'assigned', enterprise: 'own-enterprise' },
  },
);

export type EnterpriseAction = (typeof enterprisesPolicy.actions)[number];
