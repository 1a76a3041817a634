import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { setMe } from '../auth/session';
import { TotpEnrolment } from './TotpEnrolment';

interface ModalProps {
  open: boolean;
  onClose: () => void;
}

export function TotpEnrolModal({ open, onClose }: ModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Modal open={open} title={t('totp.enrolTitle')} footer={null} onCancel={onClose} destroyOnHidden>
      <TotpEnrolment
        onDone={() => {
          void message.success(t('totp.enabled'));
          onClose();
        }}
      />
    </Modal>
  );
}

/** Turning the second factor off asks for the password; a role that requires TOTP is refused by the server. */
export function TotpDisableModal({ open, onClose }: ModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const showProblem = useShowProblem();
  const queryClient = useQueryClient();

  const disable = useMutation({
    mutationFn: (password: string) => api.post<{ user: User }>('/api/auth/totp/disable', { password }),
    onSuccess: ({ user }) => {
      setMe(queryClient, user);
      void message.success(t('totp.disabled'));
      onClose();
    },
    onError: (error) => showProblem(error, form),
  });

  return (
    <Modal
      open={open}
      title={t('totp.disableTitle')}
      okText={t('totp.disable')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={disable.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ password }) => disable.mutate(password)}>
        <Form.Item
          name="password"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
