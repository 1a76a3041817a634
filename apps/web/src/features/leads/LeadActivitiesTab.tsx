import { Table, Tag, type TableColumnsType } from 'antd';
import type { Id } from '../../api/types';
import { useI18n } from '../../i18n/use-i18n';
import { activityKindLabel } from './lead-format';
import type { Activity } from './lead-types';
import { useLeadActivities } from './leads-api';

/** 跟进记录: every call, meeting, site visit and e-mail, newest first. */
export function LeadActivitiesTab({ leadId }: { leadId: Id }) {
  const { t, locale } = useI18n();
  const activities = useLeadActivities(leadId);
  const columns: TableColumnsType<Activity> = [
    { title: t('leads.activity.occurredOn'), dataIndex: 'occurredOn', width: 110 },
    { title: t('leads.activity.kind'), width: 100, render: (_, a) => <Tag>{activityKindLabel(a.kind, locale)}</Tag> },
    { title: t('leads.activity.subject'), render: (_, a) => a.subject ?? '—' },
    { title: t('leads.activity.participants'), render: (_, a) => a.participants.join('、') || '—' },
    {
      title: t('leads.activity.notes'),
      render: (_, a) => <span style={{ whiteSpace: 'pre-wrap' }}>{a.notes ?? '—'}</span>,
    },
    { title: t('leads.activity.nextFollowUpOn'), width: 120, render: (_, a) => a.nextFollowUpOn ?? '—' },
    { title: t('leads.activity.by'), width: 100, render: (_, a) => a.createdBy?.displayName ?? '—' },
  ];
  return (
    <Table<Activity>
      rowKey={(a) => String(a.id)}
      size="small"
      loading={activities.isPending}
      dataSource={activities.data ?? []}
      columns={columns}
      pagination={false}
      locale={{ emptyText: t('leads.activity.empty') }}
      data-testid="lead-activities"
    />
  );
}
