/** Messages of the API keys screen (Open311); `en` must cover every key of `zh`. */
export const apiKeysZh = {
  'nav.apiKeys': 'API 密钥',

  'apiKeys.intro':
    '外部系统（如 12345 热线、政务服务平台）可通过 Open311 GeoReport v2 接口为本园区企业提交诉求，每个系统使用一个密钥。接口说明：',
  'apiKeys.issue': '签发密钥',
  'apiKeys.issueTitle': '签发 API 密钥',
  'apiKeys.name': '名称',
  'apiKeys.nameHint': '使用该密钥的系统，如“12345 热线”',
  'apiKeys.prefix': '密钥开头',
  'apiKeys.createdBy': '签发人',
  'apiKeys.lastUsedAt': '最近使用',
  'apiKeys.neverUsed': '从未使用',
  'apiKeys.status': '状态',
  'apiKeys.active': '有效',
  'apiKeys.revokedAt': '已于 {at} 撤销',
  'apiKeys.revoke': '撤销',
  'apiKeys.revokeConfirm': '撤销密钥“{name}”？',
  'apiKeys.revokeHint': '撤销后使用该密钥的系统将立即无法提交诉求，且不能恢复。',
  'apiKeys.revoked': '已撤销',
  'apiKeys.issuedTitle': '密钥已签发：{name}',
  'apiKeys.issuedWarning': '请立即复制并妥善保存。密钥只显示这一次，关闭后无法再次查看；遗失后只能撤销并重新签发。',
  'apiKeys.copied': '我已保存',
  'apiKeys.none': '还没有签发过密钥。',
} as const;

export const apiKeysEn: Record<keyof typeof apiKeysZh, string> = {
  'nav.apiKeys': 'API keys',

  'apiKeys.intro':
    'Outside systems (the 12345 hotline, government service portals) can raise needs for the park’s companies through the Open311 GeoReport v2 API, one key per system. API description:',
  'apiKeys.issue': 'Issue a key',
  'apiKeys.issueTitle': 'Issue an API key',
  'apiKeys.name': 'Name',
  'apiKeys.nameHint': 'The system that will use it, e.g. “12345 hotline”',
  'apiKeys.prefix': 'Starts with',
  'apiKeys.createdBy': 'Issued by',
  'apiKeys.lastUsedAt': 'Last used',
  'apiKeys.neverUsed': 'Never used',
  'apiKeys.status': 'Status',
  'apiKeys.active': 'Active',
  'apiKeys.revokedAt': 'Revoked {at}',
  'apiKeys.revoke': 'Revoke',
  'apiKeys.revokeConfirm': 'Revoke the key “{name}”?',
  'apiKeys.revokeHint': 'Systems using it can no longer raise needs, at once and for good.',
  'apiKeys.revoked': 'Revoked',
  'apiKeys.issuedTitle': 'Key issued: {name}',
  'apiKeys.issuedWarning':
    'Copy it now and keep it safe. It is shown only this once and cannot be seen again after you close this; if it is lost, revoke it and issue another.',
  'apiKeys.copied': 'I have saved it',
  'apiKeys.none': 'No keys issued yet.',
};
