import { definePolicy } from '../../lib/policy.js';

/**
 * The pipeline is the investment officers' (DESIGN.md §2): they and the admin work every lead of the tenant (an office
 * covers for each other), leaders read everything and decide approvals. Service officers, department handlers,
 * property managers and enterprise users never see it — on the list, the record, the board, the reports or a file.
 */
export const leadsPolicy = definePolicy(
  'lead',
  {},
  {
    list: { admin: 'tenant', leader: 'tenant', investment: 'tenant' },
    read: { admin: 'tenant', leader: 'tenant', investment: 'tenant' },
    create: { admin: 'tenant', investment: 'tenant' },
    update: { admin: 'tenant', investment: 'tenant' },
    delete: { admin: 'tenant' },
    /** Stage moves, activities, capital arrived. */
    work: { admin: 'tenant', investment: 'tenant' },
    /** Links a registered lead to its local company or creates it. */
    land: { admin: 'tenant', investment: 'tenant' },
    export: { admin: 'tenant', leader: 'tenant', investment: 'tenant' },
    reports: { admin: 'tenant', leader: 'tenant', investment: 'tenant' },
    /** Contacts' phone numbers and e-mail addresses unmasked. */
    seePersonalData: { admin: 'tenant', investment: 'tenant' },
  },
);
export type LeadAction = (typeof leadsPolicy.actions)[number];

/** Trips follow the pipeline's rule: they are where leads come from. */
export const tripsPolicy = definePolicy(
  'trip',
  {},
  {
    list: { admin: 'tenant', leader: 'tenant', investment: 'tenant' },
    read: { admin: 'tenant', leader: 'tenant', investment: 'tenant' },
    create: { admin: 'tenant', investment: 'tenant' },
    update: { admin: 'tenant', investment: 'tenant' },
    delete: { admin: 'tenant', investment: 'tenant' },
  },
);

/** Leaders decide; whoever asked may see and withdraw their own request (checked in the service). */
export const approvalsPolicy = definePolicy(
  'approval',
  {},
  {
    list: { admin: 'tenant', leader: 'tenant', investment: 'tenant' },
    decide: { leader: 'tenant' },
    withdraw: { admin: 'tenant', investment: 'tenant' },
  },
);
