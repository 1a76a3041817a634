/** Messages of the notification centre and "my work"; `en` must cover every key of `zh`. */
export const notificationsZh = {
  'notifications.title': '通知',
} as const;

export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
  'notifications.title': 'Notifications',
};
