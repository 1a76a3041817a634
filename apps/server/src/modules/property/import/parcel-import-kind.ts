import {
  enterpriseIssueCode,
  FIELD_ISSUE_MESSAGES,
  PARCEL_STATUSES,
  ZOutline,
  ZParcelInput,
  type Bilingual,
} from '@kaimen/shared';
import type { z } from 'zod';
import { newId } from '../../../lib/ids.js';
import type { ImportKind } from '../../imports/import-kind.js';
import { given, outlineText } from '../property.records.js';
import { CELL_REASONS, dictionaryCode, readNumber } from './cells.js';
import {
  aliasLookup,
  inspectFile,
  processPropertyFile,
  propertyImportOptions,
  type MappedRow,
  type PropertyImportOptions,
  type PropertyImportSpec,
  type RowOutcome,
} from './property-import.js';

/**
 * Land parcels from an office's land sheet (issue 6): code, name, area (m², or 亩 / 公顷 when the header or the cell
 * says so), zoning, status, owner and the outline as GeoJSON text. A code the tenant already has is skipped or updated.
 */

export const PARCEL_IMPORT_FIELDS = ['code', 'name', 'area', 'zoning', 'status', 'owner', 'outline', 'notes'] as const;
type ParcelImportField = (typeof PARCEL_IMPORT_FIELDS)[number];

const parcelFieldFor = aliasLookup<ParcelImportField>({
  code: ['编号', '地块编号', '宗地编号', '宗地号', '地块号', '地块代码', 'Code', 'Parcel code'],
  name: ['名称', '地块名称', '宗地名称', '地块', 'Name', 'Parcel name', 'Parcel'],
  area: ['面积', '用地面积', '土地面积', '宗地面积', '占地面积', 'Area'],
  zoning: ['用地性质', '规划用途', '土地用途', '用途', 'Zoning', 'Land use'],
  status: ['状态', '地块状态', '利用状态', '使用状态', 'Status'],
  owner: ['权属人', '权属单位', '土地使用权人', '使用权人', '权利人', 'Owner'],
  outline: ['边界', '地块边界', '边界坐标', '范围', 'GeoJSON', 'Outline', 'Boundary'],
  notes: ['备注', '说明', 'Notes', 'Remarks'],
});

const LABELS: Record<ParcelImportField, Bilingual> = {
  code: { zh: '地块编号', en: 'Parcel code' },
  name: { zh: '地块名称', en: 'Name' },
  area: { zh: '面积（㎡，表头注明“亩”则按亩）', en: 'Area (m², or 亩 when the header says so)' },
  zoning: { zh: '用地性质', en: 'Zoning' },
  status: { zh: '状态', en: 'Status' },
  owner: { zh: '权属人', en: 'Owner' },
  outline: { zh: '边界（GeoJSON）', en: 'Outline (GeoJSON)' },
  notes: { zh: '备注', en: 'Notes' },
};

const REASONS: Record<string, Bilingual> = {
  ...FIELD_ISSUE_MESSAGES,
  ...CELL_REASONS,
  'status-unknown': { zh: '未知的地块状态', en: 'Unknown parcel status' },
  'area-invalid': { zh: '面积须为正数', en: 'The area must be a positive number' },
  'outline-json-invalid': { zh: '边界不是有效的 JSON', en: 'The outline is not valid JSON' },
  'outline-invalid': {
    zh: '边界须为 GeoJSON Polygon 或 MultiPolygon（首尾闭合的经纬度环）',
    en: 'The outline must be a GeoJSON Polygon or MultiPolygon (closed rings of longitude, latitude)',
  },
  exists: { zh: '已有该编号的地块（已跳过）', en: 'A parcel with this code exists (skipped)' },
};

const statusCode = dictionaryCode(PARCEL_STATUSES, {
  idle: ['空闲', '未利用', '未开发'],
  inefficient: ['低效用地', '低效利用'],
  in_use: ['使用中', '已利用', '已开发'],
  planned: ['规划中', '拟规划'],
});

/** 1 亩 = 10,000/15 m² (666.67), 1 公顷 = 10,000 m²: the table stores m². */
const AREA_UNITS = /^(㎡|m2|m²|平方米|平米|平|sqm|亩|公顷|ha)?$/;
function areaFactor(cellText: string, header: string): number {
  const unit = /亩|公顷|ha$|㎡|m2|m²|平/i.exec(cellText)?.[0] ?? /亩|公顷|hectare|㎡|m2|m²|平方米/i.exec(header)?.[0];
  if (unit === '亩') return 10_000 / 15;
  if (unit && /公顷|ha/i.test(unit)) return 10_000;
  return 1;
}

/** GeoJSON text → its geometry (a Feature's geometry is taken); a reason when it is not an outline. */
function readOutline(text: string): { value: z.output<typeof ZOutline> } | { reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { reason: 'outline-json-invalid' };
  }
  const geometry =
    json && typeof json === 'object' && (json as { type?: unknown }).type === 'Feature'
      ? (json as { geometry?: unknown }).geometry
      : json;
  const parsed = ZOutline.safeParse(geometry);
  return parsed.success ? { value: parsed.data } : { reason: 'outline-invalid' };
}

type ParcelRow = z.output<typeof ZParcelInput>;

function checkParcelRow(row: MappedRow): RowOutcome<ParcelRow> {
  if (row.blank) return { kind: 'blank' };
  const err = (field: ParcelImportField, reason: string) => row.error(field, reason, REASONS[reason]!);
  const raw: Record<string, unknown> = {};
  for (const field of ['code', 'name', 'zoning', 'owner', 'notes'] as const) {
    const t = row.text(field);
    if (t !== undefined) raw[field] = t;
  }
  const area = readNumber(row.values.get('area'), AREA_UNITS);
  if (area === 'invalid') err('area', 'number-invalid');
  else if (area !== undefined)
    raw.area = Math.round(area * areaFactor(row.text('area') ?? '', row.headerOf('area')) * 100) / 100;
  const statusText = row.text('status');
  if (statusText !== undefined) {
    const s = statusCode(statusText);
    if (s) raw.status = s;
    else err('status', 'status-unknown');
  }
  const outline = row.text('outline');
  if (outline !== undefined) {
    const o = readOutline(outline);
    if ('reason' in o) err('outline', o.reason);
    else raw.outline = o.value;
  }
  const parsed = ZParcelInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as ParcelImportField;
      if (row.errors.some((e) => e.field === field)) continue;
      const reason = enterpriseIssueCode(issue);
      err(field, field === 'area' && reason === 'out-of-range' ? 'area-invalid' : reason);
    }
  }
  if (row.errors.length || !parsed.success) return { kind: 'bad', errors: row.errors };
  return { kind: 'good', key: parsed.data.code, value: parsed.data };
}

const parcelSpec: PropertyImportSpec<ParcelRow> = {
  fieldFor: parcelFieldFor,
  keyField: 'code',
  duplicate: (first) => ({ zh: `与第 ${first} 行的地块编号重复`, en: `The same parcel code as row ${first}` }),
  exists: REASONS.exists!,
  prepare: async () => checkParcelRow,
  async existing(db, tenantId, rows) {
    const found = await db
      .selectFrom('parcels')
      .select(['id', 'code'])
      .where('tenantId', '=', tenantId)
      .where(
        'code',
        'in',
        rows.map((r) => r.key),
      )
      .execute();
    return new Map(found.map((p) => [p.code, p.id]));
  },
  async write(db, { tenantId, now }, create, update) {
    for (const { value: p } of create) {
      await db
        .insertInto('parcels')
        .values({
          tenantId,
          id: newId(),
          code: p.code,
          name: p.name,
          area: p.area,
          zoning: p.zoning ?? null,
          status: p.status,
          owner: p.owner ?? null,
          outline: outlineText(p.outline) ?? null,
          notes: p.notes ?? null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
    }
    // Filled cells overwrite, blank ones keep.
    for (const { id, value: p } of update) {
      const patch = given({
        name: p.name,
        area: p.area,
        status: p.status,
        zoning: p.zoning ?? undefined,
        owner: p.owner ?? undefined,
        outline: p.outline ? outlineText(p.outline) : undefined,
        notes: p.notes ?? undefined,
      });
      await db
        .updateTable('parcels')
        .set((eb) => ({ ...patch, updatedAt: now, version: eb('version', '+', 1) }))
        .where('tenantId', '=', tenantId)
        .where('id', '=', id)
        .execute();
    }
  },
};

export const parcelImportKind: ImportKind<PropertyImportOptions> = {
  kind: 'parcels',
  entityType: 'parcel',
  roles: ['admin', 'property'],
  ZOptions: propertyImportOptions(PARCEL_IMPORT_FIELDS) as z.ZodType<PropertyImportOptions>,
  fields: PARCEL_IMPORT_FIELDS.map((field) => ({ field, label: LABELS[field] })),
  inspect: (file, fileKind, options) => inspectFile(file, fileKind, options, parcelFieldFor),
  process: (o) => processPropertyFile(o, parcelSpec),
};
