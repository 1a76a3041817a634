import { Tag, type TableColumnsType } from 'antd';
import type { Department, User } from '../../../api/types';
import { formatDateTime } from '../../../components/format';
import { departmentName, roleLabel } from '../../../i18n/labels';
import type { I18n } from '../../../i18n/I18nProvider';
import { isLocked } from './users-api';

export function UserStatus({ user, t }: { user: User; t: I18n['t'] }) {
  if (user.disabled) return <Tag color="default">{t('user.statusDisabled')}</Tag>;
  if (isLocked(user)) return <Tag color="orange">{t('user.statusLocked')}</Tag>;
  return <Tag color="green">{t('user.statusActive')}</Tag>;
}

export function userColumns(
  { t, locale }: Pick<I18n, 't' | 'locale'>,
  departments: Department[],
): TableColumnsType<User> {
  const deptById = new Map(departments.map((d) => [String(d.id), d]));
  return [
    { title: t('user.username'), dataIndex: 'username', width: 140 },
    { title: t('user.displayName'), dataIndex: 'displayName' },
    { title: t('user.role'), dataIndex: 'role', render: (_, user) => roleLabel(user.role, locale) },
    {
      title: t('user.department'),
      dataIndex: 'departmentId',
      render: (_, user) => {
        const dept = user.departmentId === null ? undefined : deptById.get(String(user.departmentId));
        return dept ? departmentName(dept, locale) : '—';
      },
    },
    { title: t('user.status'), key: 'status', width: 100, render: (_, user) => <UserStatus user={user} t={t} /> },
    {
      title: t('user.totp'),
      dataIndex: 'totpEnabled',
      width: 90,
      render: (_, user) => (user.totpEnabled ? t('common.yes') : t('common.no')),
    },
    {
      title: t('user.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (_, user) => formatDateTime(user.lastLoginAt),
    },
  ];
}
