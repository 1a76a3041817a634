import { z } from 'zod';
import type { DictionaryEntry } from './dictionaries.js';
import { dateField, optionalText, requiredText, typeError } from './enterprise.js';
import { PROPERTY_LIMITS, ZLeaseFields } from './property.js';

/**
 * The incubator (DESIGN.md §1 work 5, issue 6): a company incubated in a unit or at a desk of the park, until it
 * graduates into a unit of its own (a lease) or leaves. The statuses and the input schemas the API and the web share.
 */

export const INCUBATEE_STATUSES = [
  { code: 'incubating', zh: '在孵', en: 'Incubating' },
  { code: 'graduated', zh: '已毕业', en: 'Graduated' },
  { code: 'left', zh: '已退出', en: 'Left' },
] as const satisfies readonly DictionaryEntry[];
export type IncubateeStatus = (typeof INCUBATEE_STATUSES)[number]['code'];

export const INCUBATOR_LIMITS = { desk: 50, mentor: 100, reason: 500 } as const;

const ZRefId = z.string({ error: typeError }).trim().min(1).max(100);
const notes = optionalText(PROPERTY_LIMITS.notes, { fold: false, multiline: true });
const requiredDate = () =>
  dateField().transform((v, ctx): string => {
    if (!v) {
      ctx.addIssue({ code: 'custom', message: 'Required', params: { code: 'required' } });
      return z.NEVER;
    }
    return v;
  });

const endsBeforeEntry = (ctx: z.core.$RefinementCtx) =>
  ctx.addIssue({
    code: 'custom',
    message: 'Before the entry date',
    path: ['plannedExitDate'],
    params: { code: 'invalid' },
  });

/** An incubatee's own fields; `ZIncubateeInput` adds the date rule (an update checks it against the stored dates). */
export const ZIncubateeFields = z.object({
  enterpriseId: ZRefId,
  /** The incubator or shared-office unit it sits in. */
  unitId: ZRefId.nullish(),
  /** A desk within a shared unit, e.g. A-12. */
  desk: optionalText(INCUBATOR_LIMITS.desk),
  entryDate: requiredDate(),
  plannedExitDate: dateField(),
  /** The mentor's (创业导师) name: mentors are outside experts without an account. */
  mentor: optionalText(INCUBATOR_LIMITS.mentor),
  notes,
});
export const ZIncubateeInput = ZIncubateeFields.superRefine((v, ctx) => {
  if (v.plannedExitDate && v.plannedExitDate < v.entryDate) endsBeforeEntry(ctx);
});
export type TIncubateeInput = z.input<typeof ZIncubateeInput>;

/** Graduation: the lease of the company's own unit(s), written by the lease service, and the day it graduates. */
export const ZIncubateeGraduateInput = ZLeaseFields.omit({ enterpriseId: true })
  .extend({
    version: z.number().int().min(1),
    /** Defaults to the office's date. */
    graduatedOn: dateField(),
  })
  .superRefine((l, ctx) => {
    if (l.endsOn < l.startsOn) {
      ctx.addIssue({ code: 'custom', message: 'Ends before it starts', path: ['endsOn'], params: { code: 'invalid' } });
    }
  });
export type TIncubateeGraduateInput = z.input<typeof ZIncubateeGraduateInput>;

export const ZIncubateeLeaveInput = z.object({
  version: z.number().int().min(1),
  /** Defaults to the office's date. */
  leftOn: dateField(),
  reason: requiredText(INCUBATOR_LIMITS.reason),
});
export type TIncubateeLeaveInput = z.input<typeof ZIncubateeLeaveInput>;
