/** Messages of the admin's pipeline settings; `en` must cover every key of `zh`. */
export const pipelineSettingsZh = {
  'nav.pipelineSettings': '招商设置',
  'pipelineSettings.hint':
    '计划投资达到审批线的项目，从“签约”进入“注册落地”及以后阶段须经领导审批；跟进规则决定工作台和通知中的逾期提醒。',
  'pipelineSettings.threshold': '领导审批线（计划投资）',
  'pipelineSettings.wan': '万元',
  'pipelineSettings.days': '天',
  'pipelineSettings.firstContactDays': '新线索须在几天内首次联系',
  'pipelineSettings.screeningDays': '新线索须在几天内完成初筛',
  'pipelineSettings.staleDays': '在推项目至少每几天跟进一次',
} as const;

export const pipelineSettingsEn: Record<keyof typeof pipelineSettingsZh, string> = {
  'nav.pipelineSettings': 'Pipeline settings',
  'pipelineSettings.hint':
    'A project planning at least the threshold needs a leader’s approval to move from “Signed” to “Registered” or beyond; the follow-up rules drive the overdue reminders on My work and in notifications.',
  'pipelineSettings.threshold': 'Leader approval threshold (planned investment)',
  'pipelineSettings.wan': '× 10,000 yuan',
  'pipelineSettings.days': 'days',
  'pipelineSettings.firstContactDays': 'First contact of a new lead within',
  'pipelineSettings.screeningDays': 'Screening of a new lead within',
  'pipelineSettings.staleDays': 'An active project followed up at least every',
};
