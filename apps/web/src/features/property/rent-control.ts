import { UNIT_STATUSES, type UnitStatus } from '@kaimen/shared';
import type { Floor, Unit } from './property-types';

export interface FloorRow {
  floor: Floor;
  units: Unit[];
}

export type StatusCounts = Record<UnitStatus, number>;

export interface RentControl {
  /** Top floor first; each floor's units by code. */
  rows: FloorRow[];
  counts: StatusCounts;
  totalArea: number;
  vacantArea: number;
  /** Vacant area over all area, 0–1; null for a building without units. */
  vacancyRate: number | null;
}

const emptyCounts = (): StatusCounts => Object.fromEntries(UNIT_STATUSES.map((s) => [s.code, 0])) as StatusCounts;

/** The rent-control table of a building: its floors as rows, the units' counts by status, and its vacancy rate. */
export function rentControl(floors: readonly Floor[], units: readonly Unit[]): RentControl {
  const byFloor = new Map<string, Unit[]>();
  for (const unit of units) {
    const key = String(unit.floor.id);
    byFloor.set(key, [...(byFloor.get(key) ?? []), unit]);
  }
  const rows = [...floors]
    .sort((a, b) => b.number - a.number)
    .map((floor) => ({
      floor,
      units: (byFloor.get(String(floor.id)) ?? []).sort((a, b) =>
        a.code.localeCompare(b.code, 'zh-CN', { numeric: true }),
      ),
    }));
  const counts = emptyCounts();
  let totalArea = 0;
  let vacantArea = 0;
  for (const unit of units) {
    if (unit.status in counts) counts[unit.status as UnitStatus] += 1;
    totalArea += unit.area;
    if (unit.status === 'vacant') vacantArea += unit.area;
  }
  return { rows, counts, totalArea, vacantArea, vacancyRate: totalArea > 0 ? vacantArea / totalArea : null };
}
