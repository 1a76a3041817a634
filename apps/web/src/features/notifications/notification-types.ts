import type { Page } from '../../api/types';

/** A notification as the server answers it: `title` and `body` already in the reader's language. */
export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  titleZh: string;
  titleEn: string;
  bodyZh: string | null;
  bodyEn: string | null;
  /** A path in this app, e.g. /leads/<id>. */
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<Notification> {
  unread: number;
}
