import { z } from 'zod';
import type { DictionaryEntry } from './dictionaries.js';
import { cleanText, fail, optionalText, requiredText, typeError } from './enterprise.js';
import { PROPERTY_LIMITS } from './property.js';

/**
 * Rental notices (招租公告, DESIGN.md §1 work 5 and §4, issue 6): vacant units offered to the public with text and
 * photos. The statuses and the input schemas the API and the web forms share.
 */

export const RENTAL_NOTICE_STATUSES = [
  { code: 'draft', zh: '草稿', en: 'Draft' },
  { code: 'published', zh: '已发布', en: 'Published' },
  { code: 'withdrawn', zh: '已撤回', en: 'Withdrawn' },
] as const satisfies readonly DictionaryEntry[];
export type RentalNoticeStatus = (typeof RENTAL_NOTICE_STATUSES)[number]['code'];

export const RENTAL_NOTICE_LIMITS = {
  title: 100,
  body: 5000,
  contactName: 50,
  contactPhone: 30,
  reason: 500,
  unitsPerNotice: PROPERTY_LIMITS.unitsPerLease,
} as const;

/** The photos a notice may carry: what every browser shows and the portal can put in an <img>. */
export const RENTAL_NOTICE_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const ZRefId = z.string({ error: typeError }).trim().min(1).max(100);

/** Published text keeps its Chinese punctuation (（）、：), so it is trimmed but not folded to half-width. */
const publicText = (max: number, multiline: boolean) =>
  z.string({ error: typeError }).transform((v, ctx): string => {
    const s = cleanText(v, { fold: false, multiline });
    if (s === '') return fail(ctx, 'required');
    if (s.length > max) return fail(ctx, 'too-long');
    return s;
  });

/** A mobile or an office line with its extension, e.g. 0512-6288 1234 转 8001. */
const ZContactPhone = optionalText(RENTAL_NOTICE_LIMITS.contactPhone).superRefine((v, ctx) => {
  if (v && !/^[+\d][\d\s()（）\-转]{4,}$/.test(v)) fail(ctx, 'invalid');
});

/** The notice's own fields; `unitIds` are fixed at creation (a notice for other units is a new notice). */
export const ZRentalNoticeFields = z.object({
  title: publicText(RENTAL_NOTICE_LIMITS.title, false),
  /** Plain text with its line breaks: the portal prints it escaped, so no markup needs cleaning. */
  body: publicText(RENTAL_NOTICE_LIMITS.body, true),
  contactName: optionalText(RENTAL_NOTICE_LIMITS.contactName),
  contactPhone: ZContactPhone,
  /** Yuan per m² per month; absent, the portal shows each unit's asking rent. */
  askingRentPerSqm: z.number({ error: typeError }).min(0).max(1e6).nullish(),
});

export const ZRentalNoticeInput = ZRentalNoticeFields.extend({
  unitIds: z.array(ZRefId).min(1).max(RENTAL_NOTICE_LIMITS.unitsPerNotice),
});
export type TRentalNoticeInput = z.input<typeof ZRentalNoticeInput>;

export const ZRentalNoticeWithdrawInput = z.object({
  version: z.number().int().min(1),
  reason: requiredText(RENTAL_NOTICE_LIMITS.reason),
});
export type TRentalNoticeWithdrawInput = z.input<typeof ZRentalNoticeWithdrawInput>;
