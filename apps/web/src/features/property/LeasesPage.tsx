import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { ColumnChooser } from '../../components/ColumnChooser';
import { ExportButton } from '../../components/ExportButton';
import { urlTablePaging, useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { useColumnChoice } from '../enterprises/use-column-choice';
import { DEFAULT_LEASE_COLUMNS, leaseColumns, leaseColumnTitle, OPTIONAL_LEASE_COLUMNS } from './lease-columns';
import { LeaseFormDrawer } from './LeaseFormDrawer';
import { LEASE_FILTER_KEYS, useLeases } from './property-api';
import { canEditProperty, leaseStatusOptions } from './property-format';
import type { Lease } from './property-types';
import { TerminateLeaseModal } from './TerminateLeaseModal';

/** 租赁: the leases the user may see (a company its own), latest start first; filters and page in the URL. */
export function LeasesPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const user = useUser();
  const filters = useUrlFilters(LEASE_FILTER_KEYS);
  const list = useLeases({ ...filters.values, sort: '-startsOn', page: filters.page, pageSize: filters.pageSize });
  const [visible, setVisible] = useColumnChoice('kaimen.leases.columns', OPTIONAL_LEASE_COLUMNS, DEFAULT_LEASE_COLUMNS);
  // One drawer for new and changed leases: two forms on a page would share their fields' ids.
  const [formTarget, setFormTarget] = useState<Lease | 'new' | null>(null);
  const [terminating, setTerminating] = useState<Lease | null>(null);
  const editable = canEditProperty(user.role);

  return (
    <Card
      title={t('leases.title')}
      extra={
        <Space wrap>
          <ExportButton
            path="/api/leases/export"
            filters={{ ...filters.values, sort: '-startsOn' }}
            fallbackName="leases.xlsx"
            label={t('leases.export')}
            testId="lease-export"
          />
          <ColumnChooser
            columns={OPTIONAL_LEASE_COLUMNS}
            title={(key) => leaseColumnTitle(key, t)}
            label={t('leases.columns')}
            visible={visible}
            onChange={setVisible}
            testId="lease-column-chooser"
          />
          {editable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormTarget('new')}
              data-testid="lease-create"
            >
              {t('leases.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={filters.values.q ?? ''}
          allowClear
          enterButton={t('common.search')}
          defaultValue={filters.values.q}
          placeholder={t('common.searchCompany')}
          aria-label={t('common.searchCompany')}
          onSearch={(q) => filters.setFilters({ q: q.trim() })}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          placeholder={t('leases.allStatuses')}
          aria-label={t('leases.status')}
          value={filters.values.status}
          onChange={(status?: string) => filters.setFilters({ status })}
          options={leaseStatusOptions(locale)}
          style={{ width: 160 }}
          data-testid="lease-filter-status"
        />
      </Space>
      <Table<Lease>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={leaseColumns(i18n, visible, editable ? { edit: setFormTarget, terminate: setTerminating } : undefined)}
        scroll={{ x: 'max-content' }}
        {...urlTablePaging(filters, list.data?.total ?? 0, t)}
        data-testid="leases-table"
      />
      <LeaseFormDrawer
        open={formTarget !== null}
        lease={formTarget === 'new' ? null : formTarget}
        onClose={() => setFormTarget(null)}
      />
      <TerminateLeaseModal lease={terminating} onClose={() => setTerminating(null)} />
    </Card>
  );
}
