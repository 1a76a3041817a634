import type { I18n } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/zh-CN';

/** The wizard's words that name the records: companies by default, leads for a lead import. */
const BY_KIND: Record<string, Partial<Record<MessageKey, MessageKey>>> = {
  leads: {
    'import.title': 'leadImport.title',
    'import.existing': 'leadImport.existing',
    'import.summary.new': 'leadImport.summary.new',
    'import.summary.existing': 'leadImport.summary.existing',
    'import.run': 'leadImport.run',
    'import.runConfirmBad': 'leadImport.runConfirmBad',
    'import.runConfirmAll': 'leadImport.runConfirmAll',
    'import.doneDetail': 'leadImport.doneDetail',
    'import.toList': 'leadImport.toList',
    'import.deleteConfirm': 'leadImport.deleteConfirm',
  },
};

export function useImportI18n(kind: string | undefined): I18n {
  const i18n = useI18n();
  const words = (kind && BY_KIND[kind]) || {};
  return { ...i18n, t: (key, params) => i18n.t(words[key] ?? key, params) };
}

/** Where "see the list" leads after an import of this kind. */
export const listPathOf = (kind: string | undefined): string => (kind === 'leads' ? '/leads' : '/enterprises');

/** The kind's upload page (its recent imports). */
export const importsPathOf = (kind: string | undefined): string =>
  kind === 'leads' ? '/leads/import' : '/enterprises/import';
