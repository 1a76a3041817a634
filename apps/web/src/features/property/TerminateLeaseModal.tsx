import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { usePropertyMutations } from './property-api';
import type { Lease } from './property-types';

/** 终止租赁: the last day the lease covers its units. */
export function TerminateLeaseModal({ lease, onClose }: { lease: Lease | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ terminatedOn: Dayjs }>();
  const showProblem = useShowProblem();
  const { terminateLease } = usePropertyMutations();

  useEffect(() => {
    if (lease) form.setFieldsValue({ terminatedOn: dayjs() });
  }, [lease, form]);

  const onFinish = ({ terminatedOn }: { terminatedOn: Dayjs }) => {
    if (!lease) return;
    terminateLease.mutate(
      { id: lease.id, version: lease.version, terminatedOn: terminatedOn.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          void message.success(t('leases.terminated'));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );
  };

  return (
    <Modal
      open={lease !== null}
      title={lease ? t('leases.terminateTitle', { name: lease.enterprise.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('leases.terminate')}
      okButtonProps={{ danger: true }}
      confirmLoading={terminateLease.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('leases.terminateHint')}</Typography.Paragraph>
      <Form form={form} name="lease_terminate" layout="vertical" onFinish={onFinish} data-testid="lease-terminate-form">
        <Form.Item
          name="terminatedOn"
          label={t('leases.terminatedOn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="lease-terminated-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
