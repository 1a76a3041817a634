import { label, ROLE_LABELS, type Locale, type Role } from '@kaimen/shared';

export const roleLabel = (role: Role, locale: Locale): string => label(ROLE_LABELS[role], locale);

export const departmentName = (dept: { nameZh: string; nameEn: string }, locale: Locale): string =>
  label({ zh: dept.nameZh, en: dept.nameEn || undefined }, locale);
