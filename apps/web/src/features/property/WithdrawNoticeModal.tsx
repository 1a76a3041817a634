import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useRentalNoticeMutations, type RentalNotice } from './rental-notices-api';

/** 撤回: takes a published notice off the portal, with the reason the record keeps. */
export function WithdrawNoticeModal({ notice, onClose }: { notice: RentalNotice | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const showProblem = useShowProblem();
  const { withdraw } = useRentalNoticeMutations();

  useEffect(() => {
    if (notice) form.resetFields();
  }, [notice, form]);

  const onFinish = ({ reason }: { reason: string }) => {
    if (!notice) return;
    withdraw.mutate(
      { id: notice.id, version: notice.version, reason },
      {
        onSuccess: () => {
          void message.success(t('notices.withdrawnOk'));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );
  };

  return (
    <Modal
      open={notice !== null}
      title={notice ? t('notices.withdrawTitle', { title: notice.title }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('notices.withdraw')}
      okButtonProps={{ danger: true }}
      confirmLoading={withdraw.isPending}
      forceRender
    >
      <Form form={form} name="notice_withdraw" layout="vertical" onFinish={onFinish} data-testid="notice-withdraw-form">
        <Form.Item
          name="reason"
          label={t('notices.withdrawnReason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} data-testid="notice-withdraw-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
