import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../components/format';
import { urlTablePaging, useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { useBuildings } from './property-api';
import { canEditProperty, formatArea } from './property-format';
import { NOTICE_STATUS_COLORS, noticeStatusLabel, noticeStatusOptions } from './rental-notice-format';
import { RentalNoticeDrawer, type NoticeFormTarget } from './RentalNoticeDrawer';
import { RentalNoticePanel } from './RentalNoticePanel';
import { NOTICE_FILTER_KEYS, useRentalNotices, type RentalNotice } from './rental-notices-api';
import { WithdrawNoticeModal } from './WithdrawNoticeModal';

/** 招租公告: the office's rental notices, newest first; filters and page in the URL; a notice opens in a drawer. */
export function RentalNoticesPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const filters = useUrlFilters(NOTICE_FILTER_KEYS);
  const list = useRentalNotices({ ...filters.values, page: filters.page, pageSize: filters.pageSize });
  const buildings = useBuildings();
  const [formTarget, setFormTarget] = useState<NoticeFormTarget | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<RentalNotice | null>(null);
  const editable = canEditProperty(user.role);

  const columns: TableColumnsType<RentalNotice> = [
    {
      key: 'title',
      title: t('notices.noticeTitle'),
      render: (_, n) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(String(n.id))}>
          {n.title}
        </Button>
      ),
    },
    {
      key: 'status',
      title: t('notices.status'),
      width: 130,
      render: (_, n) => (
        <Space size={4}>
          <Tag color={NOTICE_STATUS_COLORS[n.status] ?? 'default'} data-testid={`notice-status-${n.status}`}>
            {noticeStatusLabel(n.status, locale)}
          </Tag>
          {n.status !== 'withdrawn' && !n.available && (
            <Tooltip title={t('notices.unavailable')}>
              <WarningOutlined style={{ color: '#faad14' }} aria-label={t('notices.unitTaken')} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'units',
      title: t('notices.units'),
      render: (_, n) =>
        n.units.map((u) => (
          <Tag key={String(u.id)} color={u.available ? undefined : 'red'}>
            {u.building.name} {u.code}
          </Tag>
        )),
    },
    { key: 'area', title: t('notices.totalArea'), align: 'right', render: (_, n) => formatArea(n.totalArea) },
    { key: 'publishedAt', title: t('notices.publishedAt'), render: (_, n) => formatDateTime(n.publishedAt) },
  ];

  return (
    <Card
      title={t('notices.title')}
      extra={
        editable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormTarget({ mode: 'new' })}
            data-testid="notice-create"
          >
            {t('notices.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={filters.values.q ?? ''}
          allowClear
          enterButton={t('common.search')}
          defaultValue={filters.values.q}
          placeholder={t('notices.search')}
          aria-label={t('notices.search')}
          onSearch={(q) => filters.setFilters({ q: q.trim() })}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          placeholder={t('notices.allStatuses')}
          aria-label={t('notices.status')}
          value={filters.values.status}
          onChange={(status?: string) => filters.setFilters({ status })}
          options={noticeStatusOptions(locale)}
          style={{ width: 140 }}
          data-testid="notice-filter-status"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('notices.allBuildings')}
          aria-label={t('notices.building')}
          value={filters.values.buildingId}
          onChange={(buildingId?: string) => filters.setFilters({ buildingId })}
          options={(buildings.data ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
          style={{ width: 200 }}
        />
      </Space>
      <Table<RentalNotice>
        rowKey={(n) => String(n.id)}
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('notices.empty') }}
        {...urlTablePaging(filters, list.data?.total ?? 0, t)}
        data-testid="notices-table"
      />
      <RentalNoticePanel
        noticeId={openId}
        writable={editable}
        onClose={() => setOpenId(null)}
        onEdit={(notice) => setFormTarget({ mode: 'edit', notice })}
        onWithdraw={setWithdrawing}
      />
      <RentalNoticeDrawer
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(notice) => setOpenId(String(notice.id))}
      />
      <WithdrawNoticeModal notice={withdrawing} onClose={() => setWithdrawing(null)} />
    </Card>
  );
}
