import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Spin } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/client';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';

interface PipelineSettings {
  leadApprovalThreshold: number;
  followUpRules: { firstContactDays: number; screeningDays: number; staleDays: number };
  version: number;
}

interface Values {
  /** 万元, as offices speak of project sizes. */
  thresholdWan: number;
  firstContactDays: number;
  screeningDays: number;
  staleDays: number;
}

const KEY = ['settings', 'pipeline'] as const;

/** 招商设置: the investment size whose move past 签约 needs a leader, and the follow-up rules of DESIGN.md §3. */
export function PipelineSettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showProblem = useShowProblem();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: KEY, queryFn: () => api.get<PipelineSettings>('/api/settings/pipeline') });

  useEffect(() => {
    const s = settings.data;
    if (s) form.setFieldsValue({ thresholdWan: s.leadApprovalThreshold / 10_000, ...s.followUpRules });
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      api.put<PipelineSettings>('/api/settings/pipeline', {
        leadApprovalThreshold: Math.round(v.thresholdWan * 10_000),
        followUpRules: {
          firstContactDays: v.firstContactDays,
          screeningDays: v.screeningDays,
          staleDays: v.staleDays,
        },
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

  const days = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={1} max={365} precision={0} addonAfter={t('pipelineSettings.days')} style={{ width: 200 }} />
    </Form.Item>
  );

  return (
    <Card title={t('nav.pipelineSettings')}>
      {settings.isPending ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 720 }}>
          <Alert type="info" showIcon title={t('pipelineSettings.hint')} style={{ marginBottom: 16 }} />
          <Form.Item name="thresholdWan" label={t('pipelineSettings.threshold')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} addonAfter={t('pipelineSettings.wan')} style={{ width: 240 }} />
          </Form.Item>
          {days('firstContactDays', t('pipelineSettings.firstContactDays'))}
          {days('screeningDays', t('pipelineSettings.screeningDays'))}
          {days('staleDays', t('pipelineSettings.staleDays'))}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
