import {
  findEntry,
  label,
  LEASE_STATUSES,
  MANUAL_UNIT_STATUSES,
  PARCEL_STATUSES,
  UNIT_STATUSES,
  UNIT_TYPES,
  type Locale,
  type Role,
} from '@kaimen/shared';
import type { Id } from '../../api/types';

/** Who keeps the inventory and the leases, as the server's property policy says. */
export const canEditProperty = (role: Role): boolean => role === 'admin' || role === 'property';

export const buildingPath = (id: Id): string => `/property/buildings/${encodeURIComponent(String(id))}`;

const dictLabel = (list: readonly { code: string; zh: string; en: string }[], code: string, locale: Locale) => {
  const entry = findEntry(list, code);
  return entry ? label(entry, locale) : code;
};

export const unitTypeLabel = (code: string, locale: Locale) => dictLabel(UNIT_TYPES, code, locale);
export const unitStatusLabel = (code: string, locale: Locale) => dictLabel(UNIT_STATUSES, code, locale);
export const leaseStatusLabel = (code: string, locale: Locale) => dictLabel(LEASE_STATUSES, code, locale);
export const parcelStatusLabel = (code: string, locale: Locale) => dictLabel(PARCEL_STATUSES, code, locale);
export const parcelStatusOptions = (locale: Locale) =>
  PARCEL_STATUSES.map((e) => ({ value: e.code, label: label(e, locale) }));

export const unitTypeOptions = (locale: Locale) => UNIT_TYPES.map((e) => ({ value: e.code, label: label(e, locale) }));
export const manualStatusOptions = (locale: Locale) =>
  MANUAL_UNIT_STATUSES.map((e) => ({ value: e.code, label: label(e, locale) }));
export const leaseStatusOptions = (locale: Locale) =>
  LEASE_STATUSES.map((e) => ({ value: e.code, label: label(e, locale) }));

/** The rent-control cell colours: background and border by the unit's status today. */
export const STATUS_COLORS: Record<string, { bg: string; border: string; tag: string }> = {
  vacant: { bg: '#f6ffed', border: '#52c41a', tag: 'green' },
  reserved: { bg: '#fffbe6', border: '#faad14', tag: 'gold' },
  fitting_out: { bg: '#e6f4ff', border: '#1677ff', tag: 'blue' },
  leased: { bg: '#fff1f0', border: '#ff7875', tag: 'volcano' },
  self_used: { bg: '#f9f0ff', border: '#722ed1', tag: 'purple' },
};
export const statusColors = (code: string) =>
  STATUS_COLORS[code] ?? { bg: '#fafafa', border: '#d9d9d9', tag: 'default' };

export const LEASE_STATUS_COLORS: Record<string, string> = {
  upcoming: 'blue',
  active: 'green',
  expired: 'default',
  terminated: 'red',
};

export const formatArea = (area: number): string => `${area.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} m²`;
export const formatMoney = (yuan: number): string =>
  `¥${yuan.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
export const formatPercent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
