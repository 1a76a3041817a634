import { Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { departmentName } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { STATUS_COLOR } from './need-format';
import { useNeedLabels } from './need-labels';
import type { NeedSummary } from './need-types';
import { needPath, useNeeds } from './needs-api';

/** 企业诉求 on a company's page: every need of the company the user may see, newest first, overdue ones red. */
export function EnterpriseNeedsTab({ enterpriseId }: { enterpriseId: string }) {
  const { t, locale } = useI18n();
  const labels = useNeedLabels();
  const needs = useNeeds({ view: 'all', enterpriseId, page: 1, pageSize: 100 });
  const columns: TableColumnsType<NeedSummary> = [
    { title: t('needs.reference'), width: 140, render: (_, n) => <Link to={needPath(n.id)}>{n.reference}</Link> },
    { title: t('needs.title'), render: (_, n) => <Link to={needPath(n.id)}>{n.title}</Link> },
    { title: t('needs.category'), width: 120, render: (_, n) => labels.category(n.categoryCode) },
    {
      title: t('needs.leadDepartment'),
      width: 150,
      render: (_, n) => (n.leadDepartment ? departmentName(n.leadDepartment, locale) : ''),
    },
    {
      title: t('needs.status'),
      width: 110,
      render: (_, n) => <Tag color={STATUS_COLOR[n.status]}>{labels.status(n.status)}</Tag>,
    },
    {
      title: t('needs.dueOn'),
      width: 130,
      render: (_, n) => (n.overdue ? <Tag color="red">{n.dueOn}</Tag> : n.dueOn),
    },
  ];
  return (
    <Table<NeedSummary>
      rowKey="id"
      size="small"
      loading={needs.isPending}
      dataSource={needs.data?.items ?? []}
      columns={columns}
      rowClassName={(n) => (n.overdue ? 'row-overdue' : '')}
      pagination={false}
      locale={{ emptyText: t('needs.empty') }}
      data-testid="enterprise-needs"
    />
  );
}
