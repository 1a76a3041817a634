import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { newId } from '../../../lib/ids.js';
import type { ImportKind } from '../../imports/import-kind.js';
import { flag, given } from '../property.records.js';
import { nameKey } from './cells.js';
import {
  inspectFile,
  processPropertyFile,
  propertyImportOptions,
  type Checked,
  type PropertyImportOptions,
  type PropertyImportSpec,
} from './property-import.js';
import {
  checkUnitRow,
  UNIT_FIELD_LABELS,
  UNIT_IMPORT_FIELDS,
  UNIT_REASONS,
  unitFieldFor,
  type UnitBuilding,
  type UnitRow,
} from './unit-rows.js';

export const ZUnitImportOptions = propertyImportOptions(UNIT_IMPORT_FIELDS).extend({
  /** Import into this building (its page's 导入房源): rows need no building column. */
  buildingId: z.string().max(100).optional(),
});
export type UnitImportOptions = PropertyImportOptions & { buildingId?: string };

/**
 * Units from an office's rent-control sheet (issue 6), one row per unit. The building must be the tenant's (by name,
 * with a park column where names repeat across parks); a floor the building lacks is created; a unit code the building
 * already has is skipped or updated as chosen. Statuses are the hand-set ones: 已租 follows the leases.
 * `into`: the import is for one building (see checkUnitRow); one not of the tenant refuses every row.
 */
function unitSpec(into?: string): PropertyImportSpec<UnitRow> {
  /** `${buildingId}:${number}` → floor id; floors the run creates are added. */
  const floors = new Map<string, string>();
  const floorKey = (buildingId: string, n: number) => `${buildingId}:${n}`;

  async function floorOf(db: Executor, tenantId: string, now: string, r: UnitRow): Promise<string> {
    const k = floorKey(r.buildingId, r.floorNumber);
    const known = floors.get(k);
    if (known) return known;
    const id = newId();
    await db
      .insertInto('floors')
      .values({ tenantId, id, buildingId: r.buildingId, number: r.floorNumber, label: null, ...stamps(now) })
      .execute();
    floors.set(k, id);
    return id;
  }

  return {
    fieldFor: unitFieldFor,
    keyField: 'code',
    duplicate: (first) => ({ zh: `与第 ${first} 行是同一楼宇的同一单元`, en: `The same unit as row ${first}` }),
    exists: UNIT_REASONS.exists!,
    async prepare(db, tenantId) {
      const [buildings, floorRows] = await Promise.all([
        db
          .selectFrom('buildings')
          .innerJoin('parks', (j) =>
            j.onRef('parks.tenantId', '=', 'buildings.tenantId').onRef('parks.id', '=', 'buildings.parkId'),
          )
          .select(['buildings.id', 'buildings.name', 'parks.name as parkName'])
          .where('buildings.tenantId', '=', tenantId)
          .execute(),
        db.selectFrom('floors').select(['id', 'buildingId', 'number']).where('tenantId', '=', tenantId).execute(),
      ]);
      const byName = new Map<string, UnitBuilding[]>();
      for (const b of buildings) {
        const k = nameKey(b.name);
        byName.set(k, [...(byName.get(k) ?? []), { id: b.id, parkName: b.parkName }]);
      }
      for (const f of floorRows) floors.set(floorKey(f.buildingId, f.number), f.id);
      if (into !== undefined && !buildings.some((b) => b.id === into)) {
        // Another office's building or none: a reason on every row, so nothing is written and the check says why.
        return (row) => {
          if (row.blank) return { kind: 'blank' };
          row.error('building', 'import-building-unknown', UNIT_REASONS['import-building-unknown']!);
          return { kind: 'bad', errors: row.errors };
        };
      }
      return (row) => checkUnitRow(row, byName, into);
    },
    async existing(db, tenantId, rows) {
      const found = await db
        .selectFrom('units')
        .select(['id', 'buildingId', 'code'])
        .where('tenantId', '=', tenantId)
        .where('buildingId', 'in', [...new Set(rows.map((r) => r.value.buildingId))])
        .where('code', 'in', [...new Set(rows.map((r) => r.value.input.code))])
        .execute();
      return new Map(found.map((u) => [`${u.buildingId}\u0000${u.code}`, u.id]));
    },
    async write(db, { tenantId, now }, create, update) {
      for (const r of create) {
        const i = r.value.input;
        await db
          .insertInto('units')
          .values({
            tenantId,
            id: newId(),
            buildingId: r.value.buildingId,
            floorId: await floorOf(db, tenantId, now, r.value),
            code: i.code,
            type: i.type,
            area: i.area,
            status: i.status ?? 'vacant',
            monthlyRentPerSqm: i.monthlyRentPerSqm ?? null,
            floorLoadKn: i.floorLoadKn ?? null,
            labWater: flag(i.labWater) ?? 0,
            exhaust: flag(i.exhaust) ?? 0,
            cleanRoomGrade: i.cleanRoomGrade ?? null,
            gmpReady: flag(i.gmpReady) ?? 0,
            envPermit: flag(i.envPermit) ?? 0,
            notes: i.notes ?? null,
            ...stamps(now),
          })
          .execute();
      }
      for (const r of update) await updateUnit(db, tenantId, now, r, await floorOf(db, tenantId, now, r.value));
    },
  };
}

const stamps = (now: string) => ({ createdAt: now, updatedAt: now, version: 1 });

/** Filled cells overwrite, blank ones keep (a blank status keeps the one set by hand). */
async function updateUnit(
  db: Executor,
  tenantId: string,
  now: string,
  r: Checked<UnitRow> & { id: string },
  floorId: string,
) {
  const i = r.value.input;
  const patch = given({
    floorId,
    type: i.type,
    area: i.area,
    status: i.status,
    monthlyRentPerSqm: i.monthlyRentPerSqm ?? undefined,
    floorLoadKn: i.floorLoadKn ?? undefined,
    labWater: flag(i.labWater),
    exhaust: flag(i.exhaust),
    cleanRoomGrade: i.cleanRoomGrade ?? undefined,
    gmpReady: flag(i.gmpReady),
    envPermit: flag(i.envPermit),
    notes: i.notes ?? undefined,
  });
  await db
    .updateTable('units')
    .set((eb) => ({ ...patch, updatedAt: now, version: eb('version', '+', 1) }))
    .where('tenantId', '=', tenantId)
    .where('id', '=', r.id)
    .execute();
}

export const unitImportKind: ImportKind<UnitImportOptions> = {
  kind: 'units',
  entityType: 'unit',
  roles: ['admin', 'property'],
  ZOptions: ZUnitImportOptions as z.ZodType<UnitImportOptions>,
  fields: UNIT_IMPORT_FIELDS.map((field) => ({ field, label: UNIT_FIELD_LABELS[field] })),
  inspect: (file, fileKind, options) => inspectFile(file, fileKind, options, unitFieldFor),
  process: (o) => processPropertyFile(o, unitSpec(o.options.buildingId)),
};
