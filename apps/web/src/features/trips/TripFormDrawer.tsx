import { BIOTECH_PARKS } from '@kaimen/shared';
import { App, AutoComplete, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import type { TripBody, TripDetail } from './trip-types';
import { useMemberOptions, useTripMutations } from './trips-api';

interface Props {
  /** `null`: closed; `'new'`: plan a trip; a trip: edit it. */
  target: TripDetail | 'new' | null;
  onClose: () => void;
  onSaved?: (saved: TripDetail) => void;
}

interface FormValues {
  title: string;
  destination: string;
  dates: [Dayjs, Dayjs];
  memberIds: string[];
  purpose?: string;
  notes?: string;
}

const PARK_OPTIONS = BIOTECH_PARKS.map((park) => ({ value: park }));

/** The trip's own fields; the server's field errors (endsOn, memberIds …) land on the matching inputs. */
export function TripFormDrawer({ target, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const showProblem = useShowProblem();
  const members = useMemberOptions();
  const { create, update } = useTripMutations();
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target === 'new') form.setFieldsValue({ memberIds: [String(user.id)] });
    else
      form.setFieldsValue({
        title: target.title,
        destination: target.destination,
        dates: [dayjs(target.startsOn), dayjs(target.endsOn)],
        memberIds: target.members.map((m) => String(m.id)),
        purpose: target.purpose ?? undefined,
        notes: target.notes ?? undefined,
      });
  }, [target, form, user.id]);

  // The form has one range field where the server has two dates: their errors go onto it.
  const formWithDates = {
    ...form,
    getFieldsValue: () => ({ ...form.getFieldsValue(), startsOn: null, endsOn: null }),
    setFields: (fields: Parameters<typeof form.setFields>[0]) =>
      form.setFields(
        fields.map((f) => ({ ...f, name: ['startsOn', 'endsOn'].includes(String(f.name)) ? 'dates' : f.name })),
      ),
  } as typeof form;

  const onFinish = (values: FormValues) => {
    const body: TripBody = {
      title: values.title,
      destination: values.destination,
      startsOn: values.dates[0].format('YYYY-MM-DD'),
      endsOn: values.dates[1].format('YYYY-MM-DD'),
      memberIds: values.memberIds ?? [],
      purpose: values.purpose ?? null,
      notes: values.notes ?? null,
    };
    const done = {
      onSuccess: (saved: TripDetail) => {
        void message.success(t('common.saved'));
        onClose();
        onSaved?.(saved);
      },
      onError: (error: unknown) => showProblem(error, formWithDates),
    };
    if (editing) update.mutate({ id: editing.id, version: editing.version, ...body }, done);
    else create.mutate(body, done);
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Drawer
      open={target !== null}
      title={editing ? t('trips.edit') : t('trips.create')}
      size={640}
      onClose={onClose}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" name="trip-form" onFinish={onFinish} data-testid="trip-form">
        <Form.Item name="title" label={t('trips.title')} rules={[required]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="destination"
          label={t('trips.destination')}
          rules={[required]}
          extra={t('trips.destinationHint')}
        >
          <AutoComplete
            options={PARK_OPTIONS}
            filterOption={(input, option) =>
              String(option?.value ?? '')
                .toLowerCase()
                .includes(input.toLowerCase())
            }
          />
        </Form.Item>
        <Form.Item name="dates" label={t('trips.dates')} rules={[required]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="memberIds" label={t('trips.members')} extra={t('trips.membersHint')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            loading={members.isPending}
            options={(members.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('trips.purpose')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="notes" label={t('trips.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
