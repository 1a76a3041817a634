import { NEED_URGENCIES, label, type TNeedInput } from '@kaimen/shared';
import { App, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { FormDrawer } from '../../components/FormDrawer';
import { useShowProblem } from '../../components/use-show-problem';
import { departmentName } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useDepartments } from '../admin/departments/departments-api';
import { useUser } from '../auth/session';
import { useNeedLabels } from './need-labels';
import { useNeedMutations } from './needs-api';

/**
 * A need raised outside a visit: a company writes its own (the company is fixed), an officer or admin records one
 * that came by phone. The lead department follows the category unless one is chosen.
 */
export function NeedFormDrawer({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const [form] = Form.useForm<TNeedInput>();
  const labels = useNeedLabels();
  const departments = useDepartments();
  const { create } = useNeedMutations();
  const showProblem = useShowProblem();
  const categoryCode = Form.useWatch('categoryCode', form);
  const category = labels.categories.find((c) => c.code === categoryCode);
  const defaultDept = (departments.data ?? []).find((d) => d.code === category?.defaultDepartmentCode);
  const ownCompany = user.role === 'enterprise';

  useEffect(() => {
    form.setFieldsValue({
      urgency: 'normal',
      ...(ownCompany && user.enterpriseId ? { enterpriseId: String(user.enterpriseId) } : {}),
    });
  }, [form, ownCompany, user.enterpriseId]);

  const deptOptions = (departments.data ?? []).map((d) => ({ value: String(d.id), label: departmentName(d, locale) }));

  const onFinish = async (values: TNeedInput) => {
    try {
      const need = await create.mutateAsync(values);
      void message.success(t('needs.created', { reference: need.reference }));
      onCreated(need.id);
    } catch (err) {
      showProblem(err, form);
    }
  };

  return (
    <FormDrawer open title={t('needs.create')} onClose={onClose} form={form} saving={create.isPending}>
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="need-form">
        <Form.Item
          name="enterpriseId"
          label={t('needs.enterprise')}
          rules={[{ required: true, message: t('common.required') }]}
          hidden={ownCompany}
        >
          <EnterpriseSelect disabled={ownCompany} />
        </Form.Item>
        <Form.Item
          name="categoryCode"
          label={t('needs.category')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={
            category && defaultDept
              ? t('needs.categoryHint', {
                  department: departmentName(defaultDept, locale),
                  days: category.slaWorkingDays,
                })
              : undefined
          }
        >
          <Select
            options={labels.categories.map((c) => ({ value: c.code, label: labels.category(c.code) }))}
            data-testid="need-category"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('needs.title')}
          rules={[{ required: true, message: t('common.required') }, { max: 100 }]}
        >
          <Input maxLength={100} data-testid="need-title-input" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('needs.description')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="need-description" />
        </Form.Item>
        <Form.Item name="urgency" label={t('needs.urgency')}>
          <Select options={NEED_URGENCIES.map((u) => ({ value: u.code, label: label(u, locale) }))} />
        </Form.Item>
        {!ownCompany && (
          <>
            <Form.Item name="leadDepartmentId" label={t('needs.leadDepartment')} extra={t('needs.leadDepartmentHint')}>
              <Select allowClear showSearch optionFilterProp="label" options={deptOptions} />
            </Form.Item>
            <Form.Item name="supportingDepartmentIds" label={t('needs.supportingDepartments')}>
              <Select mode="multiple" allowClear optionFilterProp="label" options={deptOptions} />
            </Form.Item>
          </>
        )}
        <Form.Item name="contactName" label={t('needs.contactName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('needs.contactPhone')}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
