import {
  enterpriseIssueCode,
  FIELD_ISSUE_MESSAGES,
  foldFullWidth,
  UNIT_STATUSES,
  UNIT_TYPES,
  ZFloorInput,
  ZUnitInput,
  type Bilingual,
} from '@kaimen/shared';
import type { z } from 'zod';
import { CELL_REASONS, dictionaryCode, nameKey, readNumber, readYesNo } from './cells.js';
import { aliasLookup, type MappedRow, type RowOutcome } from './property-import.js';

/** The columns of a units sheet (one row per unit): where it is, then the unit's own fields (ZUnitInput). */
export const UNIT_IMPORT_FIELDS = [
  'park',
  'building',
  'floor',
  'code',
  'type',
  'area',
  'status',
  'monthlyRentPerSqm',
  'floorLoadKn',
  'labWater',
  'exhaust',
  'cleanRoomGrade',
  'gmpReady',
  'envPermit',
  'notes',
] as const;
export type UnitImportField = (typeof UNIT_IMPORT_FIELDS)[number];

const ALIASES: Record<UnitImportField, readonly string[]> = {
  park: ['园区', '所属园区', '所在园区', '园区名称', 'Park'],
  building: ['楼宇', '楼栋', '楼宇名称', '楼栋名称', '所在楼宇', '楼号', '栋', 'Building', 'Building name'],
  floor: ['楼层', '所在楼层', '层', '层号', 'Floor'],
  code: ['房号', '单元号', '单元', '单元编号', '房间号', '房源编号', 'Unit', 'Unit code', 'Room', 'Code'],
  type: ['类型', '房源类型', '单元类型', '载体类型', '用途', 'Type', 'Unit type'],
  area: ['面积', '建筑面积', '租赁面积', '使用面积', '房源面积', 'Area'],
  status: ['状态', '房源状态', '出租状态', '招商状态', 'Status'],
  monthlyRentPerSqm: ['租金', '月租金', '租金单价', '参考租金', '报价', '租金报价', 'Rent', 'Asking rent'],
  floorLoadKn: ['承重', '楼面承重', '荷载', '楼面荷载', '承重能力', 'Floor load', 'Load'],
  labWater: ['实验室给排水', '给排水', '实验给排水', '实验室上下水', 'Lab water', 'Lab water and drainage'],
  exhaust: ['排风', '实验室排风', '通风排风', '排风系统', 'Exhaust'],
  cleanRoomGrade: ['洁净等级', '洁净级别', '洁净度', '洁净区等级', 'Clean room grade', 'Clean room'],
  gmpReady: ['GMP', 'GMP条件', '符合GMP', 'GMP标准', 'GMP ready'],
  envPermit: ['环评', '环评手续', '环评批复', '环评资质', 'Environmental permit', 'EIA'],
  notes: ['备注', '说明', 'Notes', 'Remarks'],
};
export const unitFieldFor = aliasLookup(ALIASES);

export const UNIT_FIELD_LABELS: Record<UnitImportField, Bilingual> = {
  park: { zh: '园区', en: 'Park' },
  building: { zh: '楼宇', en: 'Building' },
  floor: { zh: '楼层', en: 'Floor' },
  code: { zh: '单元号', en: 'Unit' },
  type: { zh: '类型', en: 'Type' },
  area: { zh: '面积（㎡）', en: 'Area (m²)' },
  status: { zh: '状态', en: 'Status' },
  monthlyRentPerSqm: { zh: '租金（元/㎡·月）', en: 'Rent (yuan/m²·month)' },
  floorLoadKn: { zh: '承重（kN/㎡）', en: 'Floor load (kN/m²)' },
  labWater: { zh: '实验室给排水', en: 'Lab water and drainage' },
  exhaust: { zh: '排风', en: 'Exhaust' },
  cleanRoomGrade: { zh: '洁净等级', en: 'Clean-room grade' },
  gmpReady: { zh: 'GMP', en: 'GMP ready' },
  envPermit: { zh: '环评', en: 'Environmental permit' },
  notes: { zh: '备注', en: 'Notes' },
};

export const UNIT_REASONS: Record<string, Bilingual> = {
  ...FIELD_ISSUE_MESSAGES,
  ...CELL_REASONS,
  'building-unknown': { zh: '本单位没有该楼宇', en: 'No such building in this office' },
  'building-ambiguous': {
    zh: '多个园区有同名楼宇：请加一列“园区”',
    en: 'Several parks have a building of this name: add a Park column',
  },
  'park-unknown': { zh: '本单位没有该园区', en: 'No such park in this office' },
  'floor-invalid': { zh: '楼层无法识别（如 3、3F、B1）', en: 'Unreadable floor (e.g. 3, 3F, B1)' },
  'type-unknown': { zh: '未知的房源类型', en: 'Unknown unit type' },
  'status-unknown': { zh: '未知的房源状态', en: 'Unknown unit status' },
  'status-leased': {
    zh: '“已租”由租赁合同决定，不能导入：请登记租赁',
    en: 'Leased follows the leases and cannot be imported: record a lease instead',
  },
  'area-invalid': { zh: '面积须为正数', en: 'The area must be a positive number' },
  exists: { zh: '该楼宇已有此单元（已跳过）', en: 'The building already has this unit (skipped)' },
  'not-this-building': { zh: '不是本楼宇的单元', en: 'Not a unit of this building' },
  'import-building-unknown': {
    zh: '要导入的楼宇不存在或不属于本单位，未导入任何单元',
    en: 'The building to import into does not exist in this office; no unit is imported',
  },
};

const typeCode = dictionaryCode(UNIT_TYPES, {
  office: ['办公室', '写字楼', '办公用房'],
  lab: ['实验室', '研发', '研发用房', 'lab'],
  gmp: ['GMP', 'GMP车间', 'GMP plant'],
  standard_plant: ['厂房', '标准厂房', '生产厂房'],
  warehouse: ['仓库', '库房'],
  desk: ['工位', '孵化', '共享工位'],
});
const statusCode = dictionaryCode(UNIT_STATUSES, { vacant: ['空置', '待租', '可租'], fitting_out: ['装修中'] });

/** 3, 3F, F3, 3层, 3楼, B1, 地下1层, -1 → the floor number (negative below ground). */
export function floorNumber(text: string): number | undefined {
  const s = foldFullWidth(text).replace(/\s+/g, '').toUpperCase();
  const above = /^(?:F|L)?(\d{1,3})(?:F|L|层|楼)?$/.exec(s);
  const below = /^(?:B|-|负|地下)(\d{1,2})(?:F|层|楼)?$/.exec(s);
  const n = above ? Number(above[1]) : below ? -Number(below[1]) : undefined;
  if (n === undefined || !ZFloorInput.shape.number.safeParse(n).success) return undefined;
  return n;
}

export interface UnitBuilding {
  id: string;
  parkName: string;
}

export interface UnitRow {
  buildingId: string;
  floorNumber: number;
  input: z.output<typeof ZUnitInput>;
}

const AREA_UNITS = /^(㎡|m2|m²|平方米|平米|平|sqm)?$/;
const RENT_UNITS = /^(元)?(\/(㎡|m2|m²|平方米|平米|平))?([·.•/](月|天|日))?$/;
const LOAD_UNITS = /^(kn(\/(㎡|m2|m²|平方米|平米))?)?$/;
/** Yuan per m² per day (元/㎡·天) → per month, as the table stores it: a month is 365/12 days. */
const perDay = (text: string) => /天|日|day/i.test(text);

/**
 * One row through ZUnitInput, plus what only a sheet has: the building and floor by name, labels for codes. With
 * `into` (an import into one building, checked to be the tenant's), a blank or missing building cell is that building
 * and a row naming another building is refused, never written elsewhere.
 */
export function checkUnitRow(
  row: MappedRow,
  buildingsByName: Map<string, UnitBuilding[]>,
  into?: string,
): RowOutcome<UnitRow> {
  if (row.blank) return { kind: 'blank' };
  const err = (field: UnitImportField, reason: string) => row.error(field, reason, UNIT_REASONS[reason]!);

  let buildingId: string | undefined;
  const buildingName = row.text('building');
  const park = row.text('park');
  const named = buildingName === undefined ? [] : (buildingsByName.get(nameKey(buildingName)) ?? []);
  const inPark = park === undefined ? named : named.filter((b) => nameKey(b.parkName) === nameKey(park));
  if (into !== undefined) {
    if (buildingName === undefined || inPark.some((b) => b.id === into)) buildingId = into;
    else err('building', 'not-this-building');
  } else if (buildingName === undefined) err('building', 'required');
  else if (inPark.length === 1) buildingId = inPark[0]!.id;
  else if (inPark.length > 1) err('park', 'building-ambiguous');
  else if (park !== undefined && named.length > 0) err('park', 'park-unknown');
  else err('building', 'building-unknown');
  const floorText = row.text('floor');
  const floor = floorText === undefined ? undefined : floorNumber(floorText);
  if (floorText === undefined) err('floor', 'required');
  else if (floor === undefined) err('floor', 'floor-invalid');

  const raw: Record<string, unknown> = { floorId: '-' };
  const code = row.values.get('code');
  if (code !== undefined) raw.code = String(code instanceof Date ? row.text('code') : code);
  const typeText = row.text('type');
  if (typeText !== undefined) {
    const t = typeCode(typeText);
    if (t) raw.type = t;
    else err('type', 'type-unknown');
  } else err('type', 'required');
  const statusText = row.text('status');
  if (statusText !== undefined) {
    const s = statusCode(statusText);
    if (s === 'leased') err('status', 'status-leased');
    else if (s) raw.status = s;
    else err('status', 'status-unknown');
  }
  const numbers = [
    ['area', AREA_UNITS],
    ['monthlyRentPerSqm', RENT_UNITS],
    ['floorLoadKn', LOAD_UNITS],
  ] as const;
  for (const [field, units] of numbers) {
    const n = readNumber(row.values.get(field), units);
    if (n === 'invalid') err(field, 'number-invalid');
    else if (n === undefined) {
      if (field === 'area') err('area', 'required');
    } else if (field === 'monthlyRentPerSqm' && perDay(`${row.headerOf(field)}${row.text(field) ?? ''}`)) {
      raw[field] = Math.round(((n * 365) / 12) * 100) / 100;
    } else raw[field] = n;
  }
  for (const field of ['labWater', 'exhaust', 'gmpReady', 'envPermit'] as const) {
    const yes = readYesNo(row.values.get(field));
    if (yes === 'invalid') err(field, 'yes-no-invalid');
    else if (yes !== undefined) raw[field] = yes;
  }
  for (const field of ['cleanRoomGrade', 'notes'] as const) if (row.text(field)) raw[field] = row.text(field);

  const parsed = ZUnitInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as UnitImportField;
      if (row.errors.some((e) => e.field === field)) continue;
      const reason = enterpriseIssueCode(issue);
      err(field, field === 'area' && reason === 'out-of-range' ? 'area-invalid' : reason);
    }
  }
  if (row.errors.length || !parsed.success) return { kind: 'bad', errors: row.errors };
  return {
    kind: 'good',
    key: `${buildingId}\u0000${parsed.data.code}`,
    value: { buildingId: buildingId!, floorNumber: floor!, input: parsed.data },
  };
}
