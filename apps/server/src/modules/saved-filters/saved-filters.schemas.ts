import { z } from 'zod';

/** The list screens whose filters can be saved (the web's screen names). */
export const SAVED_FILTER_SCREENS = ['leads', 'enterprises', 'trips'] as const;
export const SAVED_FILTERS_PER_SCREEN = 50;

export const ZSavedFilter = z.object({
  id: z.string(),
  screen: z.string(),
  name: z.string(),
  /** The query string as the list's URL carries it (`stage=lead,contacted&ownerId=…`), without `?`. */
  query: z.string(),
  createdAt: z.string(),
});
export type TSavedFilter = z.infer<typeof ZSavedFilter>;

export const ZListSavedFiltersRequest = z.object({ screen: z.enum(SAVED_FILTER_SCREENS) });

export const ZCreateSavedFilterRequest = z.object({
  screen: z.enum(SAVED_FILTER_SCREENS),
  name: z.string().trim().min(1).max(60),
  query: z
    .string()
    .trim()
    .max(2000)
    .transform((q) => q.replace(/^\?/, '')),
});
export type TCreateSavedFilterRequest = z.infer<typeof ZCreateSavedFilterRequest>;

export const ZSavedFilterIdParams = z.object({ id: z.string().min(1).max(100) });
