import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { leadPath, PATHS } from '../../app/access';
import { useI18n } from '../../i18n/use-i18n';
import type { MyFollowUp, MyWork } from './my-work-api';
import { stageLabel } from './stage-label';

const KIND_KEYS = {
  first_contact: 'mywork.kind.first_contact',
  screening: 'mywork.kind.screening',
  stale: 'mywork.kind.stale',
} as const;

/** Today's follow-ups and the overdue leads of the user, a red tag by kind. */
export function FollowUpsCard({ data }: { data: MyWork['followUps'] }) {
  const { t, locale } = useI18n();
  const { counts } = data;
  const status = (r: MyFollowUp) => (
    <Space size={4} wrap>
      {r.overdueKind && (
        <Tag color="red" data-testid="overdue-tag">
          {t(KIND_KEYS[r.overdueKind])}
        </Tag>
      )}
      {r.dueToday && <Tag color="orange">{t('mywork.dueToday')}</Tag>}
      {r.overdueSince && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('mywork.overdueSince', { date: r.overdueSince })}
        </Typography.Text>
      )}
    </Space>
  );
  return (
    <Card
      title={t('mywork.followUps')}
      data-testid="my-follow-ups"
      extra={
        <Space size={4} wrap>
          <Tag color={counts.overdue ? 'red' : 'default'}>{t('mywork.count.overdue', { count: counts.overdue })}</Tag>
          {counts.firstContact > 0 && <Tag>{`${t(KIND_KEYS.first_contact)} ${counts.firstContact}`}</Tag>}
          {counts.screening > 0 && <Tag>{`${t(KIND_KEYS.screening)} ${counts.screening}`}</Tag>}
          {counts.stale > 0 && <Tag>{`${t(KIND_KEYS.stale)} ${counts.stale}`}</Tag>}
          <Tag color={counts.dueToday ? 'orange' : 'default'}>
            {t('mywork.count.dueToday', { count: counts.dueToday })}
          </Tag>
        </Space>
      }
    >
      {data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mywork.followUpsEmpty')} />
      ) : (
        <>
          <Table<MyFollowUp>
            size="small"
            rowKey="leadId"
            pagination={false}
            dataSource={data.items}
            columns={[
              {
                title: t('mywork.company'),
                dataIndex: 'companyName',
                render: (name: string, r) => <Link to={leadPath(r.leadId)}>{name}</Link>,
              },
              { title: t('mywork.stage'), dataIndex: 'stage', render: (s: string) => stageLabel(s, locale) },
              { title: t('mywork.status'), key: 'status', render: (_, r) => status(r) },
              {
                title: t('mywork.nextFollowUp'),
                dataIndex: 'nextFollowUpOn',
                render: (d: string | null) => d ?? '—',
              },
            ]}
          />
          {data.total > data.items.length && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('mywork.more', { total: data.total, shown: data.items.length })}{' '}
              <Link to={PATHS.leads}>{t('mywork.viewAllLeads')}</Link>
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
