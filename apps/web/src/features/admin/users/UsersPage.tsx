import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import type { User } from '../../../api/types';
import { useUrlFilters } from '../../../components/use-url-filters';
import { useI18n } from '../../../i18n/use-i18n';
import { useDepartments } from '../departments/departments-api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserActions } from './UserActions';
import { userColumns } from './user-columns';
import { USER_FILTER_KEYS, UserFilters } from './UserFilters';
import { UserFormModal } from './UserFormModal';
import { useUsers } from './users-api';

export function UsersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const filters = useUrlFilters(USER_FILTER_KEYS);
  const users = useUsers({ ...filters.values, page: filters.page, pageSize: filters.pageSize, sort: 'username' });
  const departments = useDepartments();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const columns = [
    ...userColumns(i18n, departments.data ?? []),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, user: User) => (
        <UserActions user={user} onEdit={setEditing} onResetPassword={setResetting} />
      ),
    },
  ];

  return (
    <Card
      title={t('nav.users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('user.create')}
        </Button>
      }
    >
      <UserFilters filters={filters} />
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        columns={columns}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: filters.setPage,
        }}
      />
      <UserFormModal target={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
