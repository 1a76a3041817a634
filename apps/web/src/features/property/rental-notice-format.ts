import { findEntry, label, RENTAL_NOTICE_STATUSES, type Locale } from '@kaimen/shared';
import { unitTypeLabel } from './property-format';

export const noticeStatusLabel = (code: string, locale: Locale) => {
  const entry = findEntry(RENTAL_NOTICE_STATUSES, code);
  return entry ? label(entry, locale) : code;
};
export const noticeStatusOptions = (locale: Locale) =>
  RENTAL_NOTICE_STATUSES.map((e) => ({ value: e.code, label: label(e, locale) }));
export const NOTICE_STATUS_COLORS: Record<string, string> = { draft: 'default', published: 'green', withdrawn: 'red' };

/** What the prefill reads of a unit: the fields a unit and a notice's unit share. */
interface UnitFacts {
  code: string;
  type: string;
  area: number;
  building: { name: string };
  floor: { number: number };
  monthlyRentPerSqm: number | null;
  labWater: boolean;
  exhaust: boolean;
  cleanRoomGrade: string | null;
  gmpReady: boolean;
  envPermit: boolean;
  floorLoadKn: number | null;
}

const sqm = (area: number) => `${area.toLocaleString('en-US', { maximumFractionDigits: 2 })}㎡`;

/** e.g. "B 栋 3层 研发实验室 1,200㎡ 招租" (the first unit's place and type, the units' total area). */
export function prefillTitle(units: UnitFacts[], locale: Locale): string {
  const first = units[0];
  if (!first) return '';
  const area = sqm(units.reduce((sum, u) => sum + u.area, 0));
  const type = unitTypeLabel(first.type, locale);
  return locale === 'en'
    ? `${first.building.name} floor ${first.floor.number} ${type} ${area} for rent`
    : `${first.building.name} ${first.floor.number}层 ${type} ${area} 招租`;
}

/** One line per unit with its rent and biotech features, for the property manager to finish. */
export function prefillBody(units: UnitFacts[], locale: Locale): string {
  const en = locale === 'en';
  const features = (u: UnitFacts) =>
    [
      u.floorLoadKn ? (en ? `floor load ${u.floorLoadKn} kN/m²` : `楼面荷载 ${u.floorLoadKn} kN/㎡`) : null,
      u.labWater ? (en ? 'lab water and drainage' : '实验给排水') : null,
      u.exhaust ? (en ? 'exhaust' : '排风') : null,
      u.cleanRoomGrade ? (en ? `clean room ${u.cleanRoomGrade}` : `洁净等级 ${u.cleanRoomGrade}`) : null,
      u.gmpReady ? (en ? 'GMP-ready' : '符合 GMP') : null,
      u.envPermit ? (en ? 'environmental permit' : '已有环评') : null,
    ].filter(Boolean);
  return units
    .map((u) => {
      const rent =
        u.monthlyRentPerSqm === null
          ? null
          : en
            ? `¥${u.monthlyRentPerSqm}/m²·month`
            : `${u.monthlyRentPerSqm} 元/㎡·月`;
      return [`${u.code}`, unitTypeLabel(u.type, locale), sqm(u.area), rent, ...features(u)]
        .filter(Boolean)
        .join(' · ');
    })
    .join('\n');
}
