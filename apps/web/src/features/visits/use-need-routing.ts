import type { Locale } from '@kaimen/shared';
import type { Department, NeedCategory } from '../../api/types';
import { departmentName } from '../../i18n/labels';
import { useDepartments } from '../admin/departments/departments-api';
import { useDictionaries } from '../admin/dictionaries/dictionaries-api';

/** The tenant's need categories and departments (every signed-in role reads both), looked up by code and id. */
export function useNeedRouting(enabled = true) {
  const dictionaries = useDictionaries();
  const departments = useDepartments(enabled);
  const categories = dictionaries.data?.needCategories ?? [];
  const depts = departments.data ?? [];
  const byCode = new Map(depts.map((d) => [d.code, d]));
  return {
    loading: dictionaries.isPending || departments.isPending,
    categories,
    departments: depts,
    category: (code: string | undefined): NeedCategory | undefined => categories.find((c) => c.code === code),
    defaultDepartment: (category: NeedCategory | undefined): Department | undefined =>
      category ? byCode.get(category.defaultDepartmentCode) : undefined,
    departmentOptions: (locale: Locale) =>
      depts.map((d) => ({ value: String(d.id), label: departmentName(d, locale) })),
  };
}
