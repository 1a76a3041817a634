import { Table } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import type { VisitSummary } from './visit-types';
import { DEFAULT_VISIT_COLUMNS, visitColumns } from './visit-columns';
import { useVisits } from './visits-api';

/** 走访记录 on a company's page: its visits, latest first, with the needs each raised. */
export function EnterpriseVisitsTab({ enterpriseId }: { enterpriseId: string }) {
  const i18n = useI18n();
  const visits = useVisits({ enterpriseId, page: 1, pageSize: 100 });
  return (
    <Table<VisitSummary>
      rowKey={(v) => String(v.id)}
      size="small"
      loading={visits.isPending}
      dataSource={visits.data?.items ?? []}
      columns={visitColumns(i18n, null, DEFAULT_VISIT_COLUMNS).filter((c) => c.key !== 'enterprise')}
      pagination={false}
      locale={{ emptyText: i18n.t('visits.enterpriseEmpty') }}
      data-testid="enterprise-visits"
    />
  );
}
