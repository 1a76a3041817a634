import { Card, Empty, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { leadPath } from '../../app/access';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/use-i18n';
import type { MyWork } from './my-work-api';
import { stageLabel } from './stage-label';

/** A leader's approvals waiting for a decision, the longest waiting first; each opens its lead. */
export function ApprovalsCard({ data }: { data: MyWork['approvals'] }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('mywork.approvals', { count: data.total })} data-testid="my-approvals">
      {data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mywork.approvalsEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(a) => (
            <List.Item key={a.id} data-testid="approval-item">
              <List.Item.Meta
                title={<Link to={leadPath(a.leadId)}>{a.companyName ?? t('mywork.unknownLead')}</Link>}
                description={
                  <>
                    {a.toStage && (
                      <div>
                        {t('mywork.approvalMove', {
                          from: stageLabel(a.fromStage, locale),
                          to: stageLabel(a.toStage, locale),
                        })}
                      </div>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('mywork.requestedBy', {
                        name: a.requestedBy.displayName ?? '—',
                        time: formatDateTime(a.requestedAt),
                      })}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
