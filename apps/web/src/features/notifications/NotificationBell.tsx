import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Popover, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { NotificationList } from './NotificationList';
import { useLatestNotifications, useNotificationMutations, useUnreadCount } from './notifications-api';

/** The top bar's bell: the unread count, and the latest notifications in a popover. Tenant users only. */
export function NotificationBell() {
  const user = useUser();
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [open, setOpen] = useState(false);
  const hasBell = user.tenant !== null && user.role !== 'super_admin';
  const count = useUnreadCount(hasBell).data?.unread ?? 0;
  const latest = useLatestNotifications(hasBell && open);
  const { markAllRead } = useNotificationMutations();
  if (!hasBell) return null;

  const readAll = () =>
    markAllRead.mutate(undefined, {
      onSuccess: (r) => void message.success(t('notifications.markedAll', { count: r.marked })),
      onError: (error) => showProblem(error),
    });

  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-popover">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 4 }}>
        <Typography.Text type="secondary">{t('notifications.unreadCount', { count })}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={count === 0}
          loading={markAllRead.isPending}
          onClick={readAll}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Space>
      {latest.isPending ? (
        <Spin style={{ display: 'block', margin: '24px auto' }} />
      ) : (
        <NotificationList
          items={latest.data?.items ?? []}
          emptyText={t('notifications.empty')}
          onOpened={() => setOpen(false)}
          testId="notification-list"
        />
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      title={t('notifications.title')}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
    >
      <Button
        type="text"
        aria-label={t('notifications.bell', { count })}
        data-testid="notification-bell"
        icon={
          <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
