import { TENANT_ROLES } from '@kaimen/shared';
import { Input, Select, Space } from 'antd';
import type { UrlFilters } from '../../../components/use-url-filters';
import { departmentName, roleLabel } from '../../../i18n/labels';
import { useI18n } from '../../../i18n/use-i18n';
import { useDepartments } from '../departments/departments-api';

export const USER_FILTER_KEYS = ['q', 'role', 'departmentId', 'disabled'] as const;
export type UserFilterKey = (typeof USER_FILTER_KEYS)[number];

export function UserFilters({ filters }: { filters: UrlFilters<UserFilterKey> }) {
  const { t, locale } = useI18n();
  const departments = useDepartments();
  const { values, setFilters } = filters;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('user.searchPlaceholder')}
        defaultValue={values.q}
        onSearch={(q) => setFilters({ q })}
        style={{ width: 240 }}
        aria-label={t('common.search')}
      />
      <Select
        allowClear
        placeholder={t('user.role')}
        value={values.role}
        onChange={(role?: string) => setFilters({ role })}
        options={TENANT_ROLES.map((role) => ({ value: role, label: roleLabel(role, locale) }))}
        style={{ width: 180 }}
        data-testid="filter-role"
      />
      <Select
        allowClear
        placeholder={t('user.department')}
        value={values.departmentId}
        onChange={(departmentId?: string) => setFilters({ departmentId })}
        options={(departments.data ?? []).map((d) => ({ value: String(d.id), label: departmentName(d, locale) }))}
        style={{ width: 200 }}
        data-testid="filter-department"
      />
      <Select
        allowClear
        placeholder={t('user.status')}
        value={values.disabled}
        onChange={(disabled?: string) => setFilters({ disabled })}
        options={[
          { value: 'false', label: t('user.statusActive') },
          { value: 'true', label: t('user.statusDisabled') },
        ]}
        style={{ width: 140 }}
        data-testid="filter-status"
      />
    </Space>
  );
}
