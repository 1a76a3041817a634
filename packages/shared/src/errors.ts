import type { Locale } from './roles.js';

/**
 * Stable error codes. The problem+json `type` is `/problems/<code>`; clients
 * branch on the code, never on the human `detail`.
 */
export const ERROR_CODES = [
  'validation',
  'unprocessable',
  'unauthenticated',
  'invalid-credentials',
  'account-locked',
  'account-disabled',
  'totp-required',
  'totp-invalid',
  'totp-enrolment-required',
  'csrf',
  'forbidden',
  'not-found',
  'conflict',
  'stale-version',
  'rate-limited',
  'payload-too-large',
  'unsupported-file-type',
  'password-policy',
  'busy',
  'approval-required',
  'invalid-transition',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unprocessable: 422,
  unauthenticated: 401,
  'invalid-credentials': 401,
  'account-locked': 423,
  'account-disabled': 403,
  'totp-required': 401,
  'totp-invalid': 401,
  'totp-enrolment-required': 403,
  csrf: 403,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'stale-version': 409,
  'rate-limited': 429,
  'payload-too-large': 413,
  'unsupported-file-type': 415,
  'password-policy': 422,
  busy: 503,
  'approval-required': 409,
  'invalid-transition': 409,
  internal: 500,
};

export const problemType = (code: ErrorCode): string => `/problems/${code}`;

type Messages = Record<ErrorCode, { title: Record<Locale, string>; detail: Record<Locale, string> }>;

/** Default user-facing texts. `{name}` placeholders are filled from the error's params. */
export const ERROR_MESSAGES: Messages = {
  validation: {
    title: { 'zh-CN': '输入有误', en: 'Invalid input' },
    detail: { 'zh-CN': '请检查标出的字段。', en: 'Please check the highlighted fields.' },
  },
  unprocessable: {
    title: { 'zh-CN': '无法处理', en: 'Cannot be processed' },
    detail: { 'zh-CN': '请求内容无法处理。', en: 'The request could not be processed.' },
  },
  unauthenticated: {
    title: { 'zh-CN': '未登录', en: 'Not signed in' },
    detail: { 'zh-CN': '请先登录，或登录已过期。', en: 'Please sign in; your session may have expired.' },
  },
  'invalid-credentials': {
    title: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
    detail: {
      'zh-CN': '用户名或密码错误，连续失败 {max} 次将锁定账号 {minutes} 分钟。',
      en: 'Wrong username or password. After {max} failures in a row the account is locked for {minutes} minutes.',
    },
  },
  'account-locked': {
    title: { 'zh-CN': '账号已锁定', en: 'Account locked' },
    detail: {
      'zh-CN': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试或联系管理员。',
      en: 'Too many failed sign-ins: the account is locked. Try again in {minutes} minutes or ask an administrator.',
    },
  },
  'account-disabled': {
    title: { 'zh-CN': '账号已停用', en: 'Account disabled' },
    detail: { 'zh-CN': '该账号已被管理员停用。', en: 'This account has been disabled by an administrator.' },
  },
  'totp-required': {
    title: { 'zh-CN': '需要动态验证码', en: 'Authentication code required' },
    detail: {
      'zh-CN': '请输入身份验证器中的 6 位动态验证码。',
      en: 'Enter the 6-digit code from your authenticator app.',
    },
  },
  'totp-invalid': {
    title: { 'zh-CN': '动态验证码错误', en: 'Wrong authentication code' },
    detail: { 'zh-CN': '动态验证码错误或已过期。', en: 'The authentication code is wrong or has expired.' },
  },
  'totp-enrolment-required': {
    title: { 'zh-CN': '需要绑定身份验证器', en: 'Authenticator required' },
    detail: {
      'zh-CN': '您的角色要求启用动态验证码，请先绑定身份验证器。',
      en: 'Your role requires a second factor: set up an authenticator app first.',
    },
  },
  csrf: {
    title: { 'zh-CN': '请求校验失败', en: 'Request check failed' },
    detail: {
      'zh-CN': '缺少或错误的 CSRF 令牌，请刷新页面后重试。',
      en: 'Missing or wrong CSRF token: reload the page and try again.',
    },
  },
  forbidden: {
    title: { 'zh-CN': '无权访问', en: 'Not allowed' },
    detail: { 'zh-CN': '您的角色无权执行此操作。', en: 'Your role may not do this.' },
  },
  'not-found': {
    title: { 'zh-CN': '未找到', en: 'Not found' },
    detail: { 'zh-CN': '未找到该记录，或您无权查看。', en: 'The record does not exist or you may not see it.' },
  },
  conflict: {
    title: { 'zh-CN': '数据冲突', en: 'Conflict' },
    detail: { 'zh-CN': '已存在相同的记录。', en: 'A record with the same key already exists.' },
  },
  'stale-version': {
    title: { 'zh-CN': '记录已被修改', en: 'Record changed' },
    detail: {
      'zh-CN': '该记录已被他人修改，请刷新后再编辑。',
      en: 'Someone else changed this record: reload it and edit again.',
    },
  },
  'rate-limited': {
    title: { 'zh-CN': '请求过于频繁', en: 'Too many requests' },
    detail: { 'zh-CN': '请求过于频繁，请稍后再试。', en: 'Too many requests: please wait a moment and try again.' },
  },
  busy: {
    title: { 'zh-CN': '系统繁忙', en: 'Busy' },
    detail: {
      'zh-CN': '数据库正忙（可能正在导入大量数据），本次修改未保存，请稍后再试。',
      en: 'The database is busy (a large import may be running); nothing was saved. Please try again shortly.',
    },
  },
  'approval-required': {
    title: { 'zh-CN': '需要领导审批', en: 'Approval needed' },
    detail: {
      'zh-CN': '计划投资达到 {threshold} 元的项目进入“{stage}”须经领导审批：请提交审批申请。',
      en: 'A project planning {threshold} yuan or more needs a leader’s approval to move to “{stage}”: request it.',
    },
  },
  'invalid-transition': {
    title: { 'zh-CN': '无法变更阶段', en: 'Stage cannot change' },
    detail: {
      'zh-CN': '该项目不能从当前阶段移到所选阶段。',
      en: 'The project cannot move from its stage to that one.',
    },
  },
  'payload-too-large': {
    title: { 'zh-CN': '文件过大', en: 'File too large' },
    detail: { 'zh-CN': '文件超过 {limit} 的大小限制。', en: 'The file exceeds the {limit} limit.' },
  },
  'unsupported-file-type': {
    title: { 'zh-CN': '不支持的文件类型', en: 'Unsupported file type' },
    detail: {
      'zh-CN': '不支持该文件类型，允许：{allowed}。',
      en: 'This file type is not accepted; allowed: {allowed}.',
    },
  },
  'password-policy': {
    title: { 'zh-CN': '密码不符合要求', en: 'Password too weak' },
    detail: {
      'zh-CN': '密码至少 {min} 位，且包含大写字母、小写字母、数字、符号中的至少 3 类。',
      en: 'Passwords need at least {min} characters from at least 3 of: upper case, lower case, digits, symbols.',
    },
  },
  internal: {
    title: { 'zh-CN': '服务器错误', en: 'Server error' },
    detail: {
      'zh-CN': '服务器内部错误，请稍后再试。',
      en: 'Something went wrong on the server: please try again later.',
    },
  },
};

export function errorDetail(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return ERROR_MESSAGES[code].detail[locale].replace(/\{(\w+)\}/g, (m, k: string) => String(params[k] ?? m));
}

/** RFC 9457 problem document as the API sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: { field: string; message: string; code?: string }[];
  [extra: string]: unknown;
}
