import { TENANT_ROLES, type Role } from '@kaimen/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Spin } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/client';
import type { SecuritySettings } from '../../../api/types';
import { useShowProblem } from '../../../components/use-show-problem';
import { roleLabel } from '../../../i18n/labels';
import { useI18n } from '../../../i18n/use-i18n';

const KEY = ['settings', 'security'] as const;

/** Which roles must use a second factor (§6: enforceable per role). */
export function SecurityPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ totpRequiredRoles: Role[] }>();
  const showProblem = useShowProblem();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: KEY, queryFn: () => api.get<SecuritySettings>('/api/settings/security') });

  useEffect(() => {
    if (settings.data) form.setFieldsValue({ totpRequiredRoles: settings.data.totpRequiredRoles });
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (totpRequiredRoles: Role[]) =>
      api.put<SecuritySettings>('/api/settings/security', {
        totpRequiredRoles,
        version: settings.data?.version,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(KEY, saved);
      void message.success(t('common.saved'));
    },
    onError: (error) => {
      showProblem(error, form);
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });

  return (
    <Card title={t('nav.security')}>
      {settings.isPending ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" onFinish={({ totpRequiredRoles }) => save.mutate(totpRequiredRoles)}>
          <Alert type="info" showIcon title={t('security.hint')} style={{ marginBottom: 16, maxWidth: 720 }} />
          <Form.Item name="totpRequiredRoles" label={t('security.totpRequiredRoles')}>
            <Checkbox.Group options={TENANT_ROLES.map((role) => ({ value: role, label: roleLabel(role, locale) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
