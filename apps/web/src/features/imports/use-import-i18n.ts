import { PATHS } from '../../app/access';
import type { I18n } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/zh-CN';

/** The wizard's words that name the records: companies by default; leads, units or parcels for their imports. */
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
  units: {
    'import.title': 'unitImport.title',
    'import.dropHint': 'unitImport.dropHint',
    'import.existing': 'unitImport.existing',
    'import.existingSkip': 'unitImport.existingSkip',
    'import.summary.new': 'unitImport.summary.new',
    'import.summary.existing': 'unitImport.summary.existing',
    'import.run': 'unitImport.run',
    'import.runConfirmBad': 'unitImport.runConfirmBad',
    'import.runConfirmAll': 'unitImport.runConfirmAll',
    'import.done': 'unitImport.done',
    'import.doneDetail': 'unitImport.doneDetail',
    'import.toList': 'unitImport.toList',
    'import.deleteConfirm': 'unitImport.deleteConfirm',
  },
  parcels: {
    'import.title': 'parcelImport.title',
    'import.dropHint': 'parcelImport.dropHint',
    'import.existing': 'parcelImport.existing',
    'import.existingSkip': 'parcelImport.existingSkip',
    'import.summary.new': 'parcelImport.summary.new',
    'import.summary.existing': 'parcelImport.summary.existing',
    'import.run': 'parcelImport.run',
    'import.runConfirmBad': 'parcelImport.runConfirmBad',
    'import.runConfirmAll': 'parcelImport.runConfirmAll',
    'import.done': 'parcelImport.done',
    'import.doneDetail': 'parcelImport.doneDetail',
    'import.toList': 'parcelImport.toList',
    'import.deleteConfirm': 'parcelImport.deleteConfirm',
  },
};

export function useImportI18n(kind: string | undefined): I18n {
  const i18n = useI18n();
  const words = (kind && BY_KIND[kind]) || {};
  return { ...i18n, t: (key, params) => i18n.t(words[key] ?? key, params) };
}

/** Where "see the list" leads after an import of each kind, and the kind's upload page (its recent imports). */
const PAGES: Record<string, { list: string; imports: string }> = {
  enterprises: { list: PATHS.enterprises, imports: PATHS.enterpriseImport },
  leads: { list: PATHS.leads, imports: PATHS.leadImport },
  units: { list: PATHS.buildings, imports: PATHS.unitImport },
  parcels: { list: PATHS.parcelMap, imports: PATHS.parcelImport },
};
const pagesOf = (kind: string | undefined) => PAGES[kind ?? ''] ?? PAGES.enterprises!;

export const listPathOf = (kind: string | undefined): string => pagesOf(kind).list;

export const importsPathOf = (kind: string | undefined): string => pagesOf(kind).imports;
