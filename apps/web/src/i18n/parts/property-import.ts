/** The import wizard's words for units and parcels, and the property pages' import buttons; `en` covers every key. */
export const propertyImportZh = {
  'property.importUnits': '导入房源',
  'property.importParcels': '导入地块',

  'unitImport.title': '导入房源',
  'unitImport.dropHint':
    '每行一个单元：楼宇（须已存在；从楼宇页面导入时可省略）、楼层（不存在的楼层会自动创建）、单元号、类型、面积等；表头可以在标题行下面，列名按中文或英文自动识别。文件最大 {max}。',
  'unitImport.existing': '楼宇中已有的单元（按楼宇和单元号）',
  'unitImport.existingSkip': '跳过，保留已有的信息',
  'unitImport.summary.new': '新单元',
  'unitImport.summary.existing': '已有',
  'unitImport.run': '导入 {count} 个单元',
  'unitImport.runConfirmBad': '{invalid} 行有错误，不会导入；其余 {count} 个单元将一次性导入。',
  'unitImport.runConfirmAll': '{count} 个单元将一次性导入。',
  'unitImport.done': '导入完成：新增 {created} 个单元，更新 {updated} 个',
  'unitImport.doneDetail': '{invalid} 行有错误未导入，{skipped} 个已有单元已跳过。',
  'unitImport.toList': '查看楼宇与租控',
  'unitImport.into': '导入到：{name}',
  'unitImport.intoHint': '没有“楼宇”列或楼宇为空的行都导入到这栋楼；写了其他楼宇的行不会导入。',
  'unitImport.toBuilding': '查看本楼宇租控表',
  'unitImport.deleteConfirm': '删除这条导入记录和上传的文件？已导入的单元不受影响。',

  'parcelImport.title': '导入地块',
  'parcelImport.dropHint':
    '每行一个地块：编号、名称、面积（㎡；表头注明“亩”则按亩换算）、用地性质、状态、权属人、边界（GeoJSON）。文件最大 {max}。',
  'parcelImport.existing': '已有的地块（按地块编号）',
  'parcelImport.existingSkip': '跳过，保留已有的信息',
  'parcelImport.summary.new': '新地块',
  'parcelImport.summary.existing': '已有',
  'parcelImport.run': '导入 {count} 个地块',
  'parcelImport.runConfirmBad': '{invalid} 行有错误，不会导入；其余 {count} 个地块将一次性导入。',
  'parcelImport.runConfirmAll': '{count} 个地块将一次性导入。',
  'parcelImport.done': '导入完成：新增 {created} 个地块，更新 {updated} 个',
  'parcelImport.doneDetail': '{invalid} 行有错误未导入，{skipped} 个已有地块已跳过。',
  'parcelImport.toList': '查看地块地图',
  'parcelImport.deleteConfirm': '删除这条导入记录和上传的文件？已导入的地块不受影响。',
} as const;

export const propertyImportEn: Record<keyof typeof propertyImportZh, string> = {
  'property.importUnits': 'Import units',
  'property.importParcels': 'Import parcels',

  'unitImport.title': 'Import units',
  'unitImport.dropHint':
    'One unit a row: building (must exist; optional when importing from the building page), floor (created when missing), unit code, type, area …; the header may sit below a title row, and columns are recognised by their Chinese or English names. Files up to {max}.',
  'unitImport.existing': 'Units the building already has (by building and unit code)',
  'unitImport.existingSkip': 'Skip them, keep what is stored',
  'unitImport.summary.new': 'New units',
  'unitImport.summary.existing': 'Already there',
  'unitImport.run': 'Import {count} units',
  'unitImport.runConfirmBad': '{invalid} rows have errors and are left out; the other {count} units go in at once.',
  'unitImport.runConfirmAll': '{count} units go in at once.',
  'unitImport.done': 'Imported: {created} units created, {updated} updated',
  'unitImport.doneDetail': '{invalid} rows with errors were left out; {skipped} existing units were skipped.',
  'unitImport.toList': 'Open buildings and rent control',
  'unitImport.into': 'Import into: {name}',
  'unitImport.intoHint':
    'Rows without a building (or a sheet without a Building column) go into this building; rows naming another building are left out.',
  'unitImport.toBuilding': "Open this building's rent control",
  'unitImport.deleteConfirm': 'Delete this import and its uploaded file? Units it imported stay.',

  'parcelImport.title': 'Import parcels',
  'parcelImport.dropHint':
    'One parcel a row: code, name, area (m², or 亩 when the header says so), zoning, status, owner, outline (GeoJSON). Files up to {max}.',
  'parcelImport.existing': 'Parcels already there (by parcel code)',
  'parcelImport.existingSkip': 'Skip them, keep what is stored',
  'parcelImport.summary.new': 'New parcels',
  'parcelImport.summary.existing': 'Already there',
  'parcelImport.run': 'Import {count} parcels',
  'parcelImport.runConfirmBad': '{invalid} rows have errors and are left out; the other {count} parcels go in at once.',
  'parcelImport.runConfirmAll': '{count} parcels go in at once.',
  'parcelImport.done': 'Imported: {created} parcels created, {updated} updated',
  'parcelImport.doneDetail': '{invalid} rows with errors were left out; {skipped} existing parcels were skipped.',
  'parcelImport.toList': 'Open the parcels map',
  'parcelImport.deleteConfirm': 'Delete this import and its uploaded file? Parcels it imported stay.',
};
