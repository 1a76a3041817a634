/** The import wizard's words where leads differ from companies; `en` must cover every key of `zh`. */
export const leadImportZh = {
  'leadImport.title': '导入招商线索',
  'leadImport.existing': '已在库的线索（按统一社会信用代码或企业名称）',
  'leadImport.summary.new': '新线索',
  'leadImport.summary.existing': '已在库',
  'leadImport.run': '导入 {count} 条线索',
  'leadImport.runConfirmBad': '{invalid} 行有错误，不会导入；其余 {count} 条线索将一次性导入。',
  'leadImport.runConfirmAll': '{count} 条线索将一次性导入。',
  'leadImport.doneDetail': '{invalid} 行有错误未导入，{skipped} 条已在库的线索已跳过。',
  'leadImport.toList': '查看招商项目',
  'leadImport.deleteConfirm': '删除这条导入记录和上传的文件？已导入的线索不受影响。',
} as const;

export const leadImportEn: Record<keyof typeof leadImportZh, string> = {
  'leadImport.title': 'Import leads',
  'leadImport.existing': 'Leads already in the pipeline (by credit code or company name)',
  'leadImport.summary.new': 'New leads',
  'leadImport.summary.existing': 'Already there',
  'leadImport.run': 'Import {count} leads',
  'leadImport.runConfirmBad':
    '{invalid} rows have errors and will not be imported; the other {count} leads go in at once.',
  'leadImport.runConfirmAll': '{count} leads go in at once.',
  'leadImport.doneDetail': '{invalid} rows with errors were left out; {skipped} leads already there were skipped.',
  'leadImport.toList': 'Open the pipeline',
  'leadImport.deleteConfirm': 'Delete this import and its uploaded file? Leads already imported stay.',
};
