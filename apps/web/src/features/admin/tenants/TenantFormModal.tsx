import { App, Form, Input, Modal } from 'antd';
import { passwordRules } from '../../../components/password-rules';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';
import { useTenantMutations, type CreateTenantInput } from './tenants-api';

/** A new office: its slug and name, and the first administrator who will set up the rest. */
export function TenantFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateTenantInput>();
  const showProblem = useShowProblem();
  const { create } = useTenantMutations();
  const required = { required: true, message: t('common.required') };

  const onFinish = (values: CreateTenantInput) =>
    create.mutate(values, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        form.resetFields();
        onClose();
      },
      onError: (error) => showProblem(error, form),
    });

  return (
    <Modal
      open={open}
      title={t('tenant.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="slug"
          label={t('tenant.slug')}
          extra={t('tenant.slugHint')}
          rules={[required, { pattern: /^[a-z0-9][a-z0-9-]{1,39}$/, message: t('tenant.slugHint') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('tenant.name')} rules={[required]}>
          <Input />
        </Form.Item>
        <Form.Item name="adminUsername" label={t('tenant.adminUsername')} rules={[required]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="adminDisplayName" label={t('tenant.adminDisplayName')}>
          <Input />
        </Form.Item>
        <Form.Item name="adminPassword" label={t('tenant.adminPassword')} rules={passwordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
