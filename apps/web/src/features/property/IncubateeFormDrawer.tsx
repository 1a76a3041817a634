import { App, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { FormDrawer } from '../../components/FormDrawer';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { BuildingUnitFields } from './BuildingUnitFields';
import { useIncubatorMutations } from './incubator-api';

interface IncubateeFormValues {
  enterpriseId: string;
  buildingId?: string;
  unitId?: string;
  desk?: string;
  entryDate: Dayjs;
  plannedExitDate?: Dayjs | null;
  mentor?: string;
  notes?: string;
}

/** 新增在孵企业: the company, where it sits (a unit, a desk in it), the dates and its mentor. */
export function IncubateeFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<IncubateeFormValues>();
  const showProblem = useShowProblem();
  const { create } = useIncubatorMutations();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ entryDate: dayjs() });
    }
  }, [open, form]);

  const onFinish = (v: IncubateeFormValues) =>
    create.mutate(
      {
        enterpriseId: v.enterpriseId,
        unitId: v.unitId ?? null,
        desk: v.desk || null,
        entryDate: v.entryDate.format('YYYY-MM-DD'),
        plannedExitDate: v.plannedExitDate ? v.plannedExitDate.format('YYYY-MM-DD') : null,
        mentor: v.mentor || null,
        notes: v.notes || null,
      },
      {
        onSuccess: () => {
          void message.success(t('incubator.saved'));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );

  const required = { required: true, message: t('common.required') };
  const exitAfterEntry = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, value: Dayjs | null | undefined) => {
      const entry = getFieldValue('entryDate') as Dayjs | undefined;
      return !value || !entry || !value.isBefore(entry, 'day')
        ? Promise.resolve()
        : Promise.reject(new Error(t('incubator.exitBeforeEntry')));
    },
  });
  return (
    <FormDrawer open={open} title={t('incubator.create')} onClose={onClose} form={form} saving={create.isPending}>
      <Form form={form} name="incubatee" layout="vertical" onFinish={onFinish} data-testid="incubatee-form">
        <Form.Item name="enterpriseId" label={t('incubator.enterprise')} rules={[required]}>
          <EnterpriseSelect testId="incubatee-enterprise" active={open} />
        </Form.Item>
        <BuildingUnitFields open={open} name="unitId" label={t('incubator.unit')} testId="incubatee-unit" />
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="desk" label={t('incubator.desk')} extra={t('incubator.unitHint')}>
              <Input maxLength={50} placeholder="A-12" data-testid="incubatee-desk" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="entryDate" label={t('incubator.entryDate')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} data-testid="incubatee-entry-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="plannedExitDate"
              label={t('incubator.plannedExitDate')}
              dependencies={['entryDate']}
              rules={[exitAfterEntry]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="mentor" label={t('incubator.mentor')}>
          <Input maxLength={100} data-testid="incubatee-mentor" />
        </Form.Item>
        <Form.Item name="notes" label={t('incubator.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
