import { Alert, App, Col, DatePicker, Form, InputNumber, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { BuildingUnitFields } from './BuildingUnitFields';
import { useIncubatorMutations, type Incubatee } from './incubator-api';

interface GraduateValues {
  graduatedOn: Dayjs;
  buildingId?: string;
  unitIds: string[];
  startsOn: Dayjs;
  endsOn: Dayjs;
  monthlyRent: number;
  deposit?: number | null;
}

/**
 * 毕业: the company moves into vacant unit(s) of its own with a lease, in one step on the server; a unit leased for
 * overlapping dates refuses it all, and the refusal is shown as the server words it.
 */
export function GraduateModal({ incubatee, onClose }: { incubatee: Incubatee | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<GraduateValues>();
  const showProblem = useShowProblem();
  const { graduate } = useIncubatorMutations();
  const open = incubatee !== null;

  useEffect(() => {
    if (open) {
      form.resetFields();
      const today = dayjs();
      form.setFieldsValue({ graduatedOn: today, startsOn: today, endsOn: today.add(3, 'year').subtract(1, 'day') });
    }
  }, [open, form]);

  const onFinish = (v: GraduateValues) => {
    if (!incubatee) return;
    graduate.mutate(
      {
        id: incubatee.id,
        version: incubatee.version,
        graduatedOn: v.graduatedOn.format('YYYY-MM-DD'),
        unitIds: v.unitIds,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn.format('YYYY-MM-DD'),
        monthlyRent: v.monthlyRent,
        ...(v.deposit != null ? { deposit: v.deposit } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('incubator.graduated'));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );
  };

  const required = { required: true, message: t('common.required') };
  const endsAfterStart = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, value: Dayjs | undefined) => {
      const start = getFieldValue('startsOn') as Dayjs | undefined;
      return !value || !start || !value.isBefore(start, 'day')
        ? Promise.resolve()
        : Promise.reject(new Error(t('leases.endsBeforeStart')));
    },
  });
  return (
    <Modal
      open={open}
      width={720}
      title={incubatee ? t('incubator.graduateTitle', { name: incubatee.enterprise.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('incubator.graduate')}
      confirmLoading={graduate.isPending}
      forceRender
    >
      <Alert type="info" showIcon message={t('incubator.graduateHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="incubatee-graduate-form">
        <BuildingUnitFields
          open={open}
          name="unitIds"
          label={t('incubator.ownUnits')}
          multiple
          vacantOnly
          required
          testId="graduate-units"
        />
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="graduatedOn" label={t('incubator.graduatedOn')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="startsOn" label={t('leases.startsOn')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} data-testid="graduate-starts-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="endsOn"
              label={t('leases.endsOn')}
              dependencies={['startsOn']}
              rules={[required, endsAfterStart]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="graduate-ends-on" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="monthlyRent" label={t('leases.monthlyRent')} rules={[required]}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="graduate-rent" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="deposit" label={t('leases.deposit')}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="graduate-deposit" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
