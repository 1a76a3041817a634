import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, QRCode, Spin, Typography } from 'antd';
import { api } from '../../api/client';
import type { TotpSetup, User } from '../../api/types';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { setMe } from '../auth/session';

/** Scan the QR code (or type the secret) into an authenticator app, then confirm one code. */
export function TotpEnrolment({ onDone }: { onDone: (user: User) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string }>();
  const showProblem = useShowProblem();
  const queryClient = useQueryClient();

  // A query, not an effect: it runs once per enrolment even under StrictMode.
  const setup = useQuery({
    queryKey: ['auth', 'totp-setup'],
    queryFn: () => api.post<TotpSetup>('/api/auth/totp/setup'),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  const enable = useMutation({
    mutationFn: (code: string) => api.post<{ user: User }>('/api/auth/totp/enable', { code }),
    onSuccess: ({ user }) => {
      setMe(queryClient, user);
      onDone(user);
    },
    onError: (error) => showProblem(error, form),
  });

  if (setup.isPending) return <Spin />;
  if (setup.isError) return <Alert type="error" showIcon title={setup.error.message} />;

  return (
    <Flex vertical gap={16} align="center">
      <Typography.Paragraph>{t('totp.scanHint')}</Typography.Paragraph>
      <QRCode value={setup.data.otpauthUrl} size={200} data-testid="totp-qr" />
      <Typography.Text>
        {t('totp.secret')}{' '}
        <Typography.Text code copyable data-testid="totp-secret">
          {setup.data.secret}
        </Typography.Text>
      </Typography.Text>
      <Form form={form} layout="vertical" onFinish={({ code }) => enable.mutate(code)}>
        <Form.Item
          name="code"
          label={t('totp.code')}
          rules={[{ required: true, len: 6, message: t('totp.codeRequired') }]}
        >
          <Input.OTP length={6} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={enable.isPending}>
          {t('totp.enable')}
        </Button>
      </Form>
    </Flex>
  );
}
