/** Messages of the pipeline screens (board, table, lead page); `en` must cover every key of `zh`. */
export const pipelineZh = {
  'nav.pipeline': '招商项目',
  'nav.leads': '项目看板',
} as const;

export const pipelineEn: Record<keyof typeof pipelineZh, string> = {
  'nav.pipeline': 'Pipeline',
  'nav.leads': 'Leads',
};
