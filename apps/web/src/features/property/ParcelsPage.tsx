import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { canSee, PATHS } from '../../app/access';
import { useShowProblem } from '../../components/use-show-problem';
import { urlTablePaging, useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { ParcelFormDrawer, type ParcelFormTarget } from './ParcelFormDrawer';
import { PARCEL_STATUS_COLORS } from './ParcelMap';
import { PARCEL_FILTER_KEYS, useParcels, usePropertyMutations } from './property-api';
import { canEditProperty, formatArea, parcelStatusLabel, parcelStatusOptions } from './property-format';
import type { Parcel } from './property-types';

/** 1 亩 in m², for the area column offices read in 亩. */
const SQM_PER_MU = 10_000 / 15;

/** 地块: the land parcels with their status (idle, inefficient, in use, planned); the manager keeps them. */
export function ParcelsPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const filters = useUrlFilters(PARCEL_FILTER_KEYS);
  const list = useParcels({ ...filters.values, page: filters.page, pageSize: filters.pageSize });
  const { deleteParcel } = usePropertyMutations();
  const [target, setTarget] = useState<ParcelFormTarget | null>(null);
  const editable = canEditProperty(user.role);

  const columns: TableColumnsType<Parcel> = [
    { key: 'code', title: t('parcels.code'), dataIndex: 'code', width: 120 },
    { key: 'name', title: t('parcels.name'), dataIndex: 'name' },
    {
      key: 'area',
      title: t('property.area'),
      align: 'right',
      render: (_, p) => `${formatArea(p.area)}（${(p.area / SQM_PER_MU).toFixed(1)} 亩）`,
    },
    {
      key: 'status',
      title: t('parcels.status'),
      width: 100,
      render: (_, p) => (
        <Tag color={PARCEL_STATUS_COLORS[p.status] ?? 'default'} data-testid={`parcel-status-${p.status}`}>
          {parcelStatusLabel(p.status, locale)}
        </Tag>
      ),
    },
    { key: 'zoning', title: t('parcels.zoning'), render: (_, p) => p.zoning ?? '—' },
    { key: 'owner', title: t('parcels.owner'), render: (_, p) => p.owner ?? '—' },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 150,
            render: (_: unknown, p: Parcel) => (
              <Space size="small">
                <Button size="small" onClick={() => setTarget(p)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('parcels.deleteConfirm', { code: p.code })}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    deleteParcel
                      .mutateAsync({ id: p.id, version: p.version })
                      .then(() => void message.success(t('property.deleted')), showProblem)
                  }
                >
                  <Button size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('parcels.title')}
      extra={
        editable && (
          <Space>
            {canSee('parcelImport', user.role) && (
              <Button icon={<UploadOutlined />} onClick={() => void navigate(PATHS.parcelImport)}>
                {t('property.importParcels')}
              </Button>
            )}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="parcel-create">
              {t('parcels.create')}
            </Button>
          </Space>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={filters.values.q ?? ''}
          allowClear
          enterButton={t('common.search')}
          defaultValue={filters.values.q}
          placeholder={t('parcels.search')}
          aria-label={t('parcels.search')}
          onSearch={(q) => filters.setFilters({ q: q.trim() })}
          style={{ width: 280 }}
        />
        <Select
          allowClear
          placeholder={t('parcels.allStatuses')}
          aria-label={t('parcels.status')}
          value={filters.values.status}
          onChange={(status?: string) => filters.setFilters({ status })}
          options={parcelStatusOptions(locale)}
          style={{ width: 160 }}
          data-testid="parcel-filter-status"
        />
      </Space>
      <Table<Parcel>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        {...urlTablePaging(filters, list.data?.total ?? 0, t)}
        data-testid="parcels-table"
      />
      <ParcelFormDrawer target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
