/** Messages of the trip screens; `en` must cover every key of `zh`. */
export const tripsZh = {
  'nav.trips': '考察',
} as const;

export const tripsEn: Record<keyof typeof tripsZh, string> = {
  'nav.trips': 'Trips',
};
