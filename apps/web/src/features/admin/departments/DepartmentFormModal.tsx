import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import type { Department } from '../../../api/types';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';
import { useDepartmentMutations, type DepartmentInput } from './departments-api';

interface Props {
  /** `null`: closed; `'new'`: create; a department: edit it. */
  target: Department | 'new' | null;
  onClose: () => void;
}

export function DepartmentFormModal({ target, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<DepartmentInput>();
  const showProblem = useShowProblem();
  const { create, update } = useDepartmentMutations();
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (editing) form.setFieldsValue(editing);
  }, [target, editing, form]);

  const onFinish = (values: DepartmentInput) => {
    const done = { onSuccess: onClose, onError: (error: unknown) => showProblem(error, form) };
    if (editing) {
      update.mutate(
        {
          id: editing.id,
          version: editing.version,
          nameZh: values.nameZh,
          nameEn: values.nameEn,
          sort: values.sort,
          webhookUrl: values.webhookUrl?.trim() || null,
        },
        done,
      );
    } else {
      create.mutate(
        {
          code: values.code,
          nameZh: values.nameZh,
          nameEn: values.nameEn,
          webhookUrl: values.webhookUrl?.trim() || null,
        },
        done,
      );
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? t('dept.edit') : t('dept.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="code"
          label={t('dept.code')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('dept.codePattern') },
          ]}
        >
          <Input disabled={editing !== null} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('dept.nameZh')} rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('dept.nameEn')} rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="webhookUrl"
          label={t('dept.webhookUrl')}
          extra={t('dept.webhookHint')}
          rules={[{ type: 'url', message: t('dept.webhookInvalid') }]}
        >
          <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
        </Form.Item>
        {editing && (
          <Form.Item name="sort" label={t('dept.sort')}>
            <InputNumber min={0} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
