import type { Locale } from '@kaimen/shared';
import type { ImportFailure } from './imports.runner.js';

const FAILURES: Record<ImportFailure, { 'zh-CN': string; en: string }> = {
  'no-header': {
    'zh-CN': '未找到表头：请指定表头所在行，并为各列选择对应字段。',
    en: 'No header row found: say which row holds the header and map the columns.',
  },
  cancelled: { 'zh-CN': '已取消，未导入任何数据。', en: 'Cancelled; nothing was imported.' },
  interrupted: {
    'zh-CN': '服务器重启或中断，本次操作未完成，未导入任何数据。请重新开始。',
    en: 'The server stopped before this finished; nothing was imported. Please start again.',
  },
  conflict: {
    'zh-CN': '导入期间有相同统一社会信用代码的企业被登记，未导入任何数据。请重新检查后再导入。',
    en: 'A company with the same credit code was registered meanwhile; nothing was imported. Check again, then import.',
  },
  unreadable: {
    'zh-CN': '文件无法读取，可能已损坏或不是有效的 Excel/CSV 文件。',
    en: 'The file cannot be read; it may be damaged or not a valid Excel/CSV file.',
  },
  'too-large': {
    'zh-CN': '文件过大：读取和检查它所需的内存超过了导入可用的上限，未导入任何数据。请把文件拆成几份，分别导入。',
    en: 'The file is too large: reading and checking it needs more memory than an import may use; nothing was imported. Split it into parts and import each.',
  },
  internal: {
    'zh-CN': '导入时发生内部错误，未导入任何数据。请稍后重试或联系管理员。',
    en: 'An internal error stopped the import; nothing was imported. Try again later or ask an administrator.',
  },
};

export const failureMessage = (code: string, locale: Locale): string =>
  (FAILURES[code as ImportFailure] ?? FAILURES.internal)[locale];
