import { Card, Descriptions, Empty, Typography } from 'antd';
import { roleLabel } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';

/** 工作台: for now who you are; today's follow-ups, overdue needs and approvals come with their modules. */
export function HomePage() {
  const user = useUser();
  const { t, locale } = useI18n();
  return (
    <Card>
      <Typography.Title level={3} data-testid="welcome">
        {t('home.welcome', { name: user.displayName })}
      </Typography.Title>
      <Descriptions column={1} bordered size="small" style={{ maxWidth: 560 }}>
        <Descriptions.Item label={t('user.displayName')}>{user.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('user.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('user.role')}>{roleLabel(user.role, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('home.tenant')}>{user.tenant?.name ?? t('layout.platform')}</Descriptions.Item>
      </Descriptions>
      <Empty style={{ marginTop: 32 }} description={t('home.placeholder')} />
    </Card>
  );
}
