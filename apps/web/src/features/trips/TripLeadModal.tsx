import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import type { TripDetail, TripMeeting } from './trip-types';
import { useTripMutations } from './trips-api';

interface Props {
  trip: TripDetail;
  /** The meeting the lead comes from; `null`: closed. */
  meeting: TripMeeting | null;
  onClose: () => void;
}

interface FormValues {
  companyName: string;
  uscc?: string;
  contactName?: string;
  contactMobile?: string;
  plannedInvestment?: string;
  notes?: string;
}

/** "生成线索": the few fields one writes down after a meeting; the rest is filled in on the lead's own page. */
export function TripLeadModal({ trip, meeting, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const showProblem = useShowProblem();
  const { createLead } = useTripMutations();

  useEffect(() => {
    if (!meeting) return;
    form.resetFields();
    form.setFieldsValue({ notes: meeting.notes ?? undefined });
  }, [meeting, form]);

  // The server names a contact's fields contacts.0.name / contacts.0.mobile.
  const formWithContact = {
    ...form,
    getFieldsValue: () => ({ ...form.getFieldsValue(), contacts: null }),
    setFields: (fields: Parameters<typeof form.setFields>[0]) =>
      form.setFields(
        fields.map((f) => {
          const path = Array.isArray(f.name) ? f.name.map(String) : [String(f.name)];
          if (path[0] !== 'contacts') return f;
          return { ...f, name: path[2] === 'mobile' ? 'contactMobile' : 'contactName' };
        }),
      ),
  } as typeof form;

  const onFinish = (values: FormValues) => {
    if (!meeting) return;
    const contactName = values.contactName?.trim();
    createLead.mutate(
      {
        tripId: trip.id,
        meetingId: meeting.id,
        companyName: values.companyName,
        uscc: values.uscc || null,
        plannedInvestment: values.plannedInvestment || null,
        notes: values.notes || null,
        ...(contactName ? { contacts: [{ name: contactName, mobile: values.contactMobile || null }] } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('trips.leadCreated', { name: values.companyName }));
          onClose();
        },
        onError: (error: unknown) => showProblem(error, formWithContact),
      },
    );
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      open={meeting !== null}
      title={meeting ? t('trips.leadCreateTitle', { organisation: meeting.organisation }) : ''}
      okText={t('trips.leadCreate')}
      cancelText={t('common.cancel')}
      confirmLoading={createLead.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" name="trip-lead-form" onFinish={onFinish}>
        <Form.Item name="companyName" label={t('trips.leadCompany')} rules={[required]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="uscc" label={t('trips.leadUscc')}>
          <Input autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="contactName"
          label={t('trips.leadContact')}
          dependencies={['contactMobile']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                getFieldValue('contactMobile') && !value?.trim()
                  ? Promise.reject(new Error(t('common.required')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="contactMobile" label={t('trips.leadMobile')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="plannedInvestment" label={t('trips.leadInvestment')} extra={t('trips.leadInvestmentHint')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="notes" label={t('trips.leadNotes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
