import { Card, Table, Tag, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { leadPath } from '../../app/access';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/use-i18n';
import { formatAmount } from '../enterprises/enterprise-format';
import { stageLabel } from './trip-format';
import type { TripDetail, TripLead } from './trip-types';

/** 产生的线索: each lead the trip produced, at its current stage, linked to its page. */
export function TripLeadsTable({ trip }: { trip: TripDetail }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const columns: TableProps<TripLead>['columns'] = [
    {
      key: 'companyName',
      title: t('trips.leadCompany'),
      render: (_, lead) => <Link to={leadPath(lead.id)}>{lead.companyName}</Link>,
    },
    {
      key: 'stage',
      title: t('trips.leadStage'),
      render: (_, lead) => <Tag color="blue">{stageLabel(lead.stage, locale)}</Tag>,
    },
    { key: 'owner', title: t('trips.leadOwner'), render: (_, lead) => lead.owner?.displayName ?? '—' },
    {
      key: 'plannedInvestment',
      title: t('trips.leadInvestment'),
      align: 'right',
      render: (_, lead) => formatAmount(lead.plannedInvestment, i18n),
    },
    {
      key: 'meeting',
      title: t('trips.organisation'),
      render: (_, lead) => trip.meetings.find((m) => String(m.id) === String(lead.tripMeetingId))?.organisation ?? '—',
    },
    { key: 'updatedAt', title: t('trips.leadUpdatedAt'), render: (_, lead) => formatDateTime(lead.updatedAt) },
  ];
  return (
    <Card title={t('trips.leads')}>
      <Table<TripLead>
        rowKey="id"
        size="middle"
        dataSource={trip.leads}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('trips.leadsEmpty') }}
        scroll={{ x: 'max-content' }}
        data-testid="trip-leads"
      />
    </Card>
  );
}
