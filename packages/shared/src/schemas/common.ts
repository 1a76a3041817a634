import { z } from 'zod';

/** List query of DESIGN.md §7. Numbers arrive as query-string text, hence z.coerce. */
export const ZListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** `field` ascending, `-field` descending. */
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/)
    .optional(),
});
export type ListQuery = z.infer<typeof ZListQuery>;

export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}
export interface ListResponse<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const ZId = z.uuid();
/** Optimistic-locking version a client sends back on update (stale → 409). */
export const ZVersion = z.number().int().min(1);
