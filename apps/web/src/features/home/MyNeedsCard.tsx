import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { departmentName } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { STATUS_COLOR } from '../needs/need-format';
import { useNeedLabels } from '../needs/need-labels';
import { needPath } from '../needs/needs-api';
import type { MyWork } from './my-work-api';

/** The needs waiting for the user, escalated and soonest due first; past a deadline is red. */
export function MyNeedsCard({ data }: { data: MyWork['needs'] }) {
  const { t, locale } = useI18n();
  const labels = useNeedLabels();
  return (
    <Card
      title={t('mywork.needs')}
      extra={
        <Space>
          {data.overdue > 0 && (
            <Link to="/needs?overdue=1">
              <Tag color="red" data-testid="my-needs-overdue">
                {t('mywork.needsOverdue', { count: data.overdue })}
              </Tag>
            </Link>
          )}
          <Link to="/needs">{t('mywork.needsAll', { count: data.total })}</Link>
        </Space>
      }
      data-testid="my-needs"
    >
      <List
        size="small"
        dataSource={data.items}
        locale={{ emptyText: t('needs.emptyMine') }}
        renderItem={(n) => (
          <List.Item
            extra={
              <Typography.Text type={n.overdue ? 'danger' : 'secondary'}>
                {t('needs.dueOn')} {n.dueOn}
              </Typography.Text>
            }
          >
            <Space wrap size={6}>
              <Tag color={STATUS_COLOR[n.status]}>{labels.status(n.status)}</Tag>
              {n.overdue && <Tag color="red">{n.escalatedAt ? t('needs.escalated') : t('needs.overdue')}</Tag>}
              <Link to={needPath(n.id)}>{n.title}</Link>
              <Typography.Text type="secondary">
                {n.enterprise?.name}
                {n.leadDepartment && ` · ${departmentName(n.leadDepartment, locale)}`}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
