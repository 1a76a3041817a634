import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import type { TripDetail, TripMeeting } from './trip-types';
import { useTripMutations } from './trips-api';

interface Props {
  trip: TripDetail;
  /** `null`: closed; `'new'`: record a meeting; a meeting: edit it. */
  target: TripMeeting | 'new' | null;
  onClose: () => void;
}

interface FormValues {
  metOn: Dayjs;
  organisation: string;
  people?: string;
  notes?: string;
}

/** A meeting of the trip; its date must fall within the trip's (the picker offers only those days). */
export function MeetingFormModal({ trip, target, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const showProblem = useShowProblem();
  const { addMeeting, updateMeeting } = useTripMutations();
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target === 'new') form.setFieldsValue({ metOn: dayjs(trip.startsOn) });
    else
      form.setFieldsValue({
        metOn: dayjs(target.metOn),
        organisation: target.organisation,
        people: target.people ?? undefined,
        notes: target.notes ?? undefined,
      });
  }, [target, form, trip.startsOn]);

  const onFinish = (values: FormValues) => {
    const body = {
      metOn: values.metOn.format('YYYY-MM-DD'),
      organisation: values.organisation,
      people: values.people ?? null,
      notes: values.notes ?? null,
    };
    const done = { onSuccess: onClose, onError: (error: unknown) => showProblem(error, form) };
    if (editing) updateMeeting.mutate({ tripId: trip.id, meetingId: editing.id, version: trip.version, ...body }, done);
    else addMeeting.mutate({ tripId: trip.id, ...body }, done);
  };

  const outside = (day: Dayjs) => day.isBefore(dayjs(trip.startsOn), 'day') || day.isAfter(dayjs(trip.endsOn), 'day');
  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      open={target !== null}
      title={editing ? t('trips.meetingEdit') : t('trips.meetingAdd')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={addMeeting.isPending || updateMeeting.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" name="meeting-form" onFinish={onFinish}>
        <Form.Item name="metOn" label={t('trips.metOn')} rules={[required]}>
          <DatePicker disabledDate={outside} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="organisation" label={t('trips.organisation')} rules={[required]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="people" label={t('trips.people')}>
          <Input />
        </Form.Item>
        <Form.Item name="notes" label={t('trips.meetingNotes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
