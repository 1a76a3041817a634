import { TENANT_ROLES, type Role } from '@kaimen/shared';
import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { Id, User } from '../../../api/types';
import { passwordRules } from '../../../components/password-rules';
import { useShowProblem } from '../../../components/use-show-problem';
import { departmentName, roleLabel } from '../../../i18n/labels';
import { useI18n } from '../../../i18n/use-i18n';
import { useDepartments } from '../departments/departments-api';
import { useUserMutations } from './users-api';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  departmentId?: Id | null;
  departmentHead?: boolean;
  enterpriseId?: string;
  password: string;
}

interface Props {
  /** `null`: closed; `'new'`: create; a user: edit them. */
  target: User | 'new' | null;
  onClose: () => void;
}

const blankToNull = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

export function UserFormModal({ target, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showProblem = useShowProblem();
  const departments = useDepartments();
  const { create, update } = useUserMutations();
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        displayName: editing.displayName,
        role: editing.role,
        departmentId: editing.departmentId,
        departmentHead: editing.departmentHead ?? false,
        enterpriseId: editing.enterpriseId === null ? undefined : String(editing.enterpriseId),
      });
    }
  }, [target, editing, form]);

  const done = {
    onSuccess: () => {
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (error: unknown) => showProblem(error, form),
  };

  const onFinish = (values: Values) => {
    const common = {
      displayName: values.displayName.trim(),
      role: values.role,
      departmentId: values.departmentId ?? null,
      departmentHead: values.departmentHead ?? false,
      enterpriseId: blankToNull(values.enterpriseId),
    };
    if (editing) update.mutate({ id: editing.id, version: editing.version, ...common }, done);
    else create.mutate({ username: values.username.trim(), password: values.password, ...common }, done);
  };

  const required = { required: true, message: t('common.required') };

  return (
    <Modal
      open={target !== null}
      title={editing ? t('user.edit', { name: editing.username }) : t('user.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish} name="user-form">
        {!editing && (
          <Form.Item name="username" label={t('user.username')} rules={[required]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('user.displayName')} rules={[required]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('user.role')} rules={[required]}>
          <Select options={TENANT_ROLES.map((role) => ({ value: role, label: roleLabel(role, locale) }))} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('user.department')}>
          <Select
            allowClear
            loading={departments.isPending}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: departmentName(d, locale) }))}
          />
        </Form.Item>
        <Form.Item name="departmentHead" valuePropName="checked" extra={t('user.departmentHeadHint')}>
          <Checkbox>{t('user.departmentHead')}</Checkbox>
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('user.enterpriseId')} extra={t('user.enterpriseIdHint')}>
          <Input />
        </Form.Item>
        {!editing && (
          <Form.Item name="password" label={t('user.initialPassword')} rules={passwordRules(t)}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
