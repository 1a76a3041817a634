import { App, Form, Input, Modal } from 'antd';
import type { User } from '../../../api/types';
import { passwordRules } from '../../../components/password-rules';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';
import { useUserMutations } from './users-api';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const showProblem = useShowProblem();
  const { resetPassword } = useUserMutations();

  const onFinish = ({ password }: { password: string }) => {
    if (!user) return;
    resetPassword.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('user.passwordReset'));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('user.resetPasswordFor', { name: user?.username ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={resetPassword.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item name="password" label={t('account.newPassword')} rules={passwordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
