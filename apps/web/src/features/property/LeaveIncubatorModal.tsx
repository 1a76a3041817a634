import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useIncubatorMutations, type Incubatee } from './incubator-api';

/** 退出: the company leaves the incubator without graduating, on a day and for a reason. */
export function LeaveIncubatorModal({ incubatee, onClose }: { incubatee: Incubatee | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ leftOn: Dayjs; reason: string }>();
  const showProblem = useShowProblem();
  const { leave } = useIncubatorMutations();

  useEffect(() => {
    if (incubatee) form.setFieldsValue({ leftOn: dayjs(), reason: '' });
  }, [incubatee, form]);

  const onFinish = ({ leftOn, reason }: { leftOn: Dayjs; reason: string }) => {
    if (!incubatee) return;
    leave.mutate(
      { id: incubatee.id, version: incubatee.version, leftOn: leftOn.format('YYYY-MM-DD'), reason },
      {
        onSuccess: () => {
          void message.success(t('incubator.left'));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      open={incubatee !== null}
      title={incubatee ? t('incubator.leaveTitle', { name: incubatee.enterprise.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('incubator.leave')}
      okButtonProps={{ danger: true }}
      confirmLoading={leave.isPending}
      forceRender
    >
      <Form form={form} name="incubatee_leave" layout="vertical" onFinish={onFinish} data-testid="incubatee-leave-form">
        <Form.Item name="leftOn" label={t('incubator.leftOnDate')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('incubator.leftReason')} rules={[required]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="incubatee-leave-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
