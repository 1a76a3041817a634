import { Alert, Card, Col, Descriptions, Row, Skeleton, Typography } from 'antd';
import { roleLabel } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { NotificationList } from '../notifications/NotificationList';
import { ApprovalsCard } from './ApprovalsCard';
import { FollowUpsCard } from './FollowUpsCard';
import { MyNeedsCard } from './MyNeedsCard';
import { useMyWork } from './my-work-api';

/**
 * 工作台 (DESIGN.md §8): today's follow-ups and overdue leads, approvals waiting for a leader, the needs waiting for
 * the user (overdue ones red), the latest unread notifications. The platform operator, outside every tenant, sees who they are.
 */
export function HomePage() {
  const user = useUser();
  const { t, locale } = useI18n();
  const inTenant = user.tenant !== null && user.role !== 'super_admin';
  const work = useMyWork(inTenant);

  const heading = (
    <Typography.Title level={3} data-testid="welcome">
      {t('home.welcome', { name: user.displayName })}
    </Typography.Title>
  );
  if (!inTenant) {
    return (
      <Card>
        {heading}
        <Descriptions column={1} bordered size="small" style={{ maxWidth: 560 }}>
          <Descriptions.Item label={t('user.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('user.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t('user.role')}>{roleLabel(user.role, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('home.tenant')}>{t('layout.platform')}</Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }

  const data = work.data;
  return (
    <div data-testid="my-work">
      {heading}
      <Typography.Paragraph type="secondary">
        {`${user.tenant?.name ?? ''} · ${roleLabel(user.role, locale)}`}
        {data && ` · ${t('mywork.today', { date: data.today })}`}
      </Typography.Paragraph>
      {work.isError && <Alert type="error" showIcon title={t('mywork.loadFailed')} style={{ marginBottom: 16 }} />}
      {!data ? (
        work.isPending && <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          {data.followUps.enabled && (
            <Col xs={24} xl={data.approvals.enabled ? 14 : 24}>
              <FollowUpsCard data={data.followUps} />
            </Col>
          )}
          {data.approvals.enabled && (
            <Col xs={24} xl={10}>
              <ApprovalsCard data={data.approvals} />
            </Col>
          )}
          {data.needs.enabled && (
            <Col xs={24}>
              <MyNeedsCard data={data.needs} />
            </Col>
          )}
          <Col xs={24}>
            <Card
              title={t('mywork.notifications')}
              extra={t('notifications.unreadCount', { count: data.notifications.unread })}
              data-testid="my-notifications"
            >
              <NotificationList
                items={data.notifications.items}
                emptyText={t('mywork.notificationsEmpty')}
                testId="my-notification-list"
              />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
