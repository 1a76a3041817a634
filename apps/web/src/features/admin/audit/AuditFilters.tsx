import { DatePicker, Form, Input, Select, Button, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { UrlFilters } from '../../../components/use-url-filters';
import { useI18n } from '../../../i18n/use-i18n';
import type { AuditFilterKey } from './audit-api';

interface Values {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  outcome?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export const OUTCOMES = ['ok', 'refused', 'failed'] as const;

export function AuditFilters({ filters }: { filters: UrlFilters<AuditFilterKey> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { values, setFilters } = filters;

  useEffect(() => {
    form.setFieldsValue({
      ...values,
      range:
        values.from || values.to
          ? [values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]
          : null,
    });
  }, [values, form]);

  const onFinish = ({ range, ...rest }: Values) => {
    const trimmed = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
    setFilters({
      ...trimmed,
      // Whole days in local time, sent as instants so the server needs no time zone.
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.endOf('day').toISOString(),
    });
  };

  const reset = () => {
    form.resetFields();
    setFilters({ actor: '', action: '', entityType: '', entityId: '', outcome: '', from: '', to: '' });
  };

  return (
    <Form form={form} layout="inline" onFinish={onFinish} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Input allowClear style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.entityId')}>
        <Input allowClear style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.outcome')}>
        <Select
          allowClear
          style={{ width: 120 }}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))}
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.dateRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button onClick={reset}>{t('common.reset')}</Button>
      </Space>
    </Form>
  );
}
