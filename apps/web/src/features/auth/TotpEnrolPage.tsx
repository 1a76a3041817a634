import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { setCsrfToken } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import { TotpEnrolment } from '../account/TotpEnrolment';
import { logout, setMe } from './session';

/** Shown instead of everything else while the user's role requires TOTP and none is set up. */
export function TotpEnrolPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signOut = async () => {
    await logout().catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear();
    setMe(queryClient, null);
    void navigate('/login', { replace: true });
  };

  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: 24 }}>
      <Card title={t('totp.requiredTitle')} style={{ width: 460, alignSelf: 'flex-start' }}>
        <Alert type="warning" showIcon title={t('totp.requiredHint')} style={{ marginBottom: 16 }} />
        <TotpEnrolment onDone={() => void navigate('/', { replace: true })} />
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          <Button type="link" onClick={() => void signOut()}>
            {t('account.logout')}
          </Button>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
