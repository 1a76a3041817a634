import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Tenant } from '../../../api/types';
import { formatDateTime } from '../../../components/format';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';
import { TenantFormModal } from './TenantFormModal';
import { useTenantMutations, useTenants } from './tenants-api';

export function TenantsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const tenants = useTenants();
  const { update } = useTenantMutations();
  const [creating, setCreating] = useState(false);

  const toggle = (tenant: Tenant) =>
    update.mutateAsync({ id: tenant.id, version: tenant.version, disabled: !tenant.disabled }).then(
      () => void message.success(t('common.saved')),
      (error: unknown) => showProblem(error),
    );

  const columns: TableColumnsType<Tenant> = [
    { title: t('tenant.slug'), dataIndex: 'slug', width: 160 },
    { title: t('tenant.name'), dataIndex: 'name' },
    {
      title: t('user.status'),
      dataIndex: 'disabled',
      width: 100,
      render: (_, tenant) =>
        tenant.disabled ? <Tag>{t('user.statusDisabled')}</Tag> : <Tag color="green">{t('user.statusActive')}</Tag>,
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 160, render: (_, x) => formatDateTime(x.createdAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, tenant) => (
        <Popconfirm
          title={tenant.disabled ? t('tenant.enableConfirm') : t('tenant.disableConfirm')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => toggle(tenant)}
        >
          <Button type="link" size="small" danger={!tenant.disabled}>
            {tenant.disabled ? t('user.enable') : t('user.disable')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={t('nav.tenants')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tenant.create')}
        </Button>
      }
    >
      <Table<Tenant>
        rowKey="id"
        size="middle"
        loading={tenants.isPending}
        dataSource={tenants.data?.items ?? []}
        columns={columns}
        pagination={false}
      />
      <TenantFormModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
