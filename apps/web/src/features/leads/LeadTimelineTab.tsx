import { Empty, Spin, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { enterprisePath } from '../../app/access';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/use-i18n';
import { activityKindLabel, stageLabel } from './lead-format';
import type { TimelineEntry } from './lead-types';

const COLORS: Record<TimelineEntry['type'], string> = {
  created: 'gray',
  stage: 'blue',
  activity: 'green',
  'approval-requested': 'orange',
  'approval-decided': 'purple',
  file: 'gray',
  landed: 'red',
};

function EntryText({ entry }: { entry: TimelineEntry }) {
  const { t, locale } = useI18n();
  switch (entry.type) {
    case 'created':
      return <>{t('leads.timeline.created')}</>;
    case 'stage':
      return (
        <>
          {t('leads.timeline.stage', {
            from: stageLabel(entry.fromStage, locale),
            to: stageLabel(entry.toStage, locale),
          })}
        </>
      );
    case 'activity': {
      const a = entry.activity;
      if (!a) return null;
      return (
        <>
          {t('leads.timeline.activity', { kind: activityKindLabel(a.kind, locale), subject: a.subject ?? '' })}
          {a.notes && <div style={{ whiteSpace: 'pre-wrap', color: '#595959' }}>{a.notes}</div>}
          {a.nextFollowUpOn && (
            <div style={{ color: '#8c8c8c' }}>{t('leads.timeline.nextFollowUp', { date: a.nextFollowUpOn })}</div>
          )}
        </>
      );
    }
    case 'approval-requested':
      return (
        <>
          {t('leads.timeline.approvalRequested', { to: stageLabel(entry.toStage ?? entry.approval?.toStage, locale) })}
        </>
      );
    case 'approval-decided':
      return (
        <>
          {t(entry.approval?.status === 'approved' ? 'leads.timeline.approved' : 'leads.timeline.rejected', {
            to: stageLabel(entry.toStage ?? entry.approval?.toStage, locale),
          })}
        </>
      );
    case 'file':
      return <>{t('leads.timeline.file', { name: entry.file?.filename ?? '' })}</>;
    case 'landed':
      return (
        <>
          {t('leads.timeline.landed')}{' '}
          {entry.enterpriseId && (
            <Link to={enterprisePath(entry.enterpriseId)}>{t('leads.detail.openEnterprise')}</Link>
          )}
        </>
      );
  }
}

/** 时间线: stage moves, activities, approvals, files and the landing, newest first. */
export function LeadTimelineTab({ entries, loading }: { entries: TimelineEntry[] | undefined; loading: boolean }) {
  const { t } = useI18n();
  if (loading) return <Spin />;
  if (!entries?.length) return <Empty description={t('leads.timeline.empty')} />;
  return (
    <Timeline
      data-testid="lead-timeline"
      items={entries.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: COLORS[entry.type],
        content: (
          <div data-testid="lead-timeline-entry">
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>
              {formatDateTime(entry.at)}
            </Typography.Text>
            <Typography.Text strong style={{ marginRight: 8 }}>
              {entry.by?.displayName ?? ''}
            </Typography.Text>
            <EntryText entry={entry} />
            {entry.comment && <div style={{ whiteSpace: 'pre-wrap', color: '#595959' }}>{entry.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}
