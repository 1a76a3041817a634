import { Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { Id } from '../../api/types';
import { leadPath } from '../../app/access';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/use-i18n';
import { formatInvestment, STAGE_COLORS, stageLabel } from './lead-format';
import type { LeadSummary } from './lead-types';
import { useLeads } from './leads-api';

/** 招商历程 on a company's page: the leads that landed as (or link to) this company, at their stages. */
export function EnterpriseLeadsTab({ enterpriseId }: { enterpriseId: Id }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const leads = useLeads({ enterpriseId: String(enterpriseId), page: 1, pageSize: 50 });
  const columns: TableColumnsType<LeadSummary> = [
    {
      title: t('leads.field.companyName'),
      render: (_, l) => <Link to={leadPath(l.id)}>{l.companyName}</Link>,
    },
    {
      title: t('leads.field.stage'),
      width: 120,
      render: (_, l) => <Tag color={STAGE_COLORS[l.stage]}>{stageLabel(l.stage, locale)}</Tag>,
    },
    { title: t('leads.field.owner'), width: 110, render: (_, l) => l.owner?.displayName ?? '—' },
    {
      title: t('leads.field.plannedInvestment'),
      width: 130,
      align: 'right',
      render: (_, l) => formatInvestment(l.plannedInvestment, i18n),
    },
    {
      title: t('leads.field.capital'),
      width: 130,
      align: 'right',
      render: (_, l) => formatInvestment(l.capitalArrived, i18n),
    },
    { title: t('leads.column.stageEnteredAt'), width: 150, render: (_, l) => formatDateTime(l.stageEnteredAt) },
  ];
  return (
    <Table<LeadSummary>
      rowKey={(l) => String(l.id)}
      size="small"
      loading={leads.isPending}
      dataSource={leads.data?.items ?? []}
      columns={columns}
      pagination={false}
      locale={{ emptyText: t('leads.enterprise.empty') }}
      data-testid="enterprise-leads"
    />
  );
}
