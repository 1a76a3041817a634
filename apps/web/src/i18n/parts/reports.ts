/** Messages of the pipeline reports; `en` must cover every key of `zh`. */
export const reportsZh = {
  'nav.leadReports': '招商分析',
} as const;

export const reportsEn: Record<keyof typeof reportsZh, string> = {
  'nav.leadReports': 'Pipeline reports',
};
