import { App, Form, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { NeedCategory } from '../../../api/types';
import { useShowProblem } from '../../../components/use-show-problem';
import { departmentName } from '../../../i18n/labels';
import { useI18n } from '../../../i18n/use-i18n';
import { useDepartments } from '../departments/departments-api';
import { useUpdateNeedCategory } from './dictionaries-api';

interface Values {
  slaWorkingDays: number;
  defaultDepartmentCode: string;
}

export function NeedCategoryModal({ category, onClose }: { category: NeedCategory | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showProblem = useShowProblem();
  const departments = useDepartments();
  const update = useUpdateNeedCategory();

  useEffect(() => {
    if (category) {
      form.setFieldsValue({
        slaWorkingDays: category.slaWorkingDays,
        defaultDepartmentCode: category.defaultDepartmentCode,
      });
    }
  }, [category, form]);

  const onFinish = (values: Values) => {
    if (!category) return;
    update.mutate(
      { id: category.id, version: category.version, ...values },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );
  };

  const name = category ? (locale === 'en' ? category.nameEn : category.nameZh) : '';
  return (
    <Modal
      open={category !== null}
      title={t('dict.editCategory', { name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="slaWorkingDays"
          label={t('dict.slaDays')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
        <Form.Item
          name="defaultDepartmentCode"
          label={t('dict.defaultDepartment')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            loading={departments.isPending}
            options={(departments.data ?? []).map((d) => ({ value: d.code, label: departmentName(d, locale) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
