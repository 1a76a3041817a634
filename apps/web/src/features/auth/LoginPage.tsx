import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Locale } from '@kaimen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { isApiError } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n/use-i18n';
import { login, setMe, takeSessionEnded, updateMe, type LoginInput } from './session';

type Notice = { type: 'error' | 'info' | 'warning'; text: string } | null;

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const [form] = Form.useForm<LoginInput>();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [notice, setNotice] = useState<Notice>(() =>
    takeSessionEnded() ? { type: 'warning', text: t('auth.sessionEnded') } : null,
  );
  // A language chosen here is a choice: it is saved to the account after sign-in.
  const chosenHere = useRef(false);
  const queryClient = useQueryClient();

  const submit = useMutation({
    mutationFn: login,
    onSuccess: async ({ user }) => {
      let signedIn = user;
      if (chosenHere.current && user.locale !== locale) {
        signedIn = (await updateMe({ locale }).catch(() => ({ user }))).user;
      } else if (user.locale && user.locale !== locale) {
        setLocale(user.locale);
      }
      // RedirectIfSignedIn then takes the user where they were headed.
      setMe(queryClient, signedIn);
    },
    onError: (error) => {
      if (isApiError(error, 'totp-required')) {
        setStep('totp');
        setNotice({ type: 'info', text: error.problem.detail });
      } else if (isApiError(error)) {
        setNotice({ type: 'error', text: error.problem.detail || error.problem.title });
        form.setFieldValue('totp', '');
      } else {
        setNotice({ type: 'error', text: t('error.unexpected') });
      }
    },
  });

  const onLanguage = (next: Locale) => {
    chosenHere.current = true;
    setLocale(next);
  };

  const onFinish = (values: LoginInput) => {
    setNotice(null);
    submit.mutate(step === 'totp' ? values : { username: values.username, password: values.password });
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: 380 }}>
        <Flex justify="space-between" align="start">
          <div>
            <Typography.Title level={3} style={{ margin: 0, color: '#c8102e' }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          <LanguageSwitch onChange={onLanguage} />
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 24 }}>
          {t('auth.title')}
        </Typography.Title>
        {notice && (
          <Alert
            type={notice.type}
            title={notice.text}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="login-notice"
          />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" disabled={step === 'totp'} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('password.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" disabled={step === 'totp'} />
          </Form.Item>
          {step === 'totp' && (
            <Form.Item
              name="totp"
              label={t('totp.code')}
              rules={[{ required: true, len: 6, message: t('totp.codeRequired') }]}
            >
              <Input.OTP length={6} autoFocus />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={submit.isPending}>
            {t('auth.submit')}
          </Button>
          {step === 'totp' && (
            <Button
              type="link"
              block
              onClick={() => {
                setStep('password');
                setNotice(null);
              }}
            >
              {t('common.back')}
            </Button>
          )}
        </Form>
      </Card>
    </Flex>
  );
}
