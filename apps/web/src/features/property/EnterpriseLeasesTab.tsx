import { Table } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { DEFAULT_LEASE_COLUMNS, leaseColumns } from './lease-columns';
import { useLeases } from './property-api';
import type { Lease } from './property-types';

/** 租赁 on a company's page: the company's leases, newest first (an enterprise user sees its own company's). */
export function EnterpriseLeasesTab({ enterpriseId }: { enterpriseId: string }) {
  const i18n = useI18n();
  const leases = useLeases({ enterpriseId, sort: '-startsOn', page: 1, pageSize: 100 });
  return (
    <Table<Lease>
      rowKey="id"
      size="small"
      loading={leases.isPending}
      dataSource={leases.data?.items ?? []}
      columns={leaseColumns(i18n, DEFAULT_LEASE_COLUMNS).filter((c) => c.key !== 'enterprise')}
      pagination={false}
      locale={{ emptyText: i18n.t('property.noLease') }}
      data-testid="enterprise-leases"
    />
  );
}
