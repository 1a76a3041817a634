import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Department } from '../../../api/types';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';
import { DepartmentFormModal } from './DepartmentFormModal';
import { useDepartmentMutations, useDepartments } from './departments-api';

export function DepartmentsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const departments = useDepartments();
  const { remove } = useDepartmentMutations();
  const [target, setTarget] = useState<Department | 'new' | null>(null);

  const columns: TableColumnsType<Department> = [
    { title: t('dept.code'), dataIndex: 'code', width: 160 },
    { title: t('dept.nameZh'), dataIndex: 'nameZh' },
    { title: t('dept.nameEn'), dataIndex: 'nameEn' },
    { title: t('dept.sort'), dataIndex: 'sort', width: 80 },
    {
      title: t('dept.webhookUrl'),
      key: 'webhook',
      width: 140,
      render: (_, dept) => (dept.webhookUrl ? <Tag color="green">{t('dept.webhookSet')}</Tag> : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      render: (_, dept) => (
        <Space>
          <Button type="link" size="small" onClick={() => setTarget(dept)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('dept.deleteConfirm', { name: dept.nameZh })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              remove.mutateAsync(dept.id).then(
                () => void message.success(t('common.deleted')),
                (error: unknown) => showProblem(error),
              )
            }
          >
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('nav.departments')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
          {t('dept.create')}
        </Button>
      }
    >
      <Table<Department>
        rowKey="id"
        size="middle"
        loading={departments.isPending}
        dataSource={departments.data ?? []}
        columns={columns}
        pagination={false}
      />
      <DepartmentFormModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
