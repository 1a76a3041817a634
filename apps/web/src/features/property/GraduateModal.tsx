import { Alert, App, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { BuildingUnitFields } from './BuildingUnitFields';
import { useIncubatorMutations, type Incubatee } from './incubator-api';
import { LeaseTermsFields, leaseTermsBody, type LeaseTermsValues } from './LeaseTermsFields';

interface GraduateValues extends LeaseTermsValues {
  graduatedOn: Dayjs;
  buildingId?: string;
  unitIds: string[];
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
        ...leaseTermsBody(v),
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
      <Form
        form={form}
        name="incubatee_graduate"
        layout="vertical"
        onFinish={onFinish}
        data-testid="incubatee-graduate-form"
      >
        <BuildingUnitFields
          open={open}
          name="unitIds"
          label={t('incubator.ownUnits')}
          multiple
          vacantOnly
          required
          testId="graduate-units"
        />
        <Form.Item name="graduatedOn" label={t('incubator.graduatedOn')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <LeaseTermsFields testId="graduate" />
      </Form>
    </Modal>
  );
}
