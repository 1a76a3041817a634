import { Badge, Empty, List, Typography } from 'antd';
import { formatDateTime } from '../../components/format';
import type { Notification } from './notification-types';
import { useOpenNotification } from './use-open-notification';

interface Props {
  items: Notification[];
  emptyText: string;
  /** Called after a notification is opened (e.g. to close the popover). */
  onOpened?: () => void;
  testId: string;
}

/** Notifications, unread ones marked by a dot; a click opens the link and marks it read. */
export function NotificationList({ items, emptyText, onOpened, testId }: Props) {
  const open = useOpenNotification();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <List
      size="small"
      dataSource={items}
      data-testid={testId}
      renderItem={(n) => (
        <List.Item
          key={n.id}
          data-testid="notification-item"
          data-unread={n.readAt ? 'false' : 'true'}
          style={{ cursor: 'pointer', paddingInline: 8 }}
          onClick={() => {
            open(n);
            onOpened?.();
          }}
        >
          <List.Item.Meta
            avatar={<Badge status={n.readAt ? 'default' : 'error'} />}
            title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
            description={
              <>
                {n.body && <div>{n.body}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
