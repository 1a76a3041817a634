import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';
import { markKindFor, type HolidayMark } from './holiday-calendar';
import { useHolidayMutations } from './holidays-api';

interface Props {
  /** 'YYYY-MM-DD', or null when closed. */
  date: string | null;
  mark: HolidayMark | undefined;
  onClose: () => void;
}

/** Marks one date (the kind follows from the day of the week) with a name, or removes its mark. */
export function HolidayModal({ date, mark, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [form] = Form.useForm<{ name?: string }>();
  const { put, remove } = useHolidayMutations();
  const kind = date ? markKindFor(date) : 'holiday';

  useEffect(() => {
    if (date === null) return;
    form.resetFields();
    form.setFieldsValue({ name: mark?.name ?? undefined });
  }, [date, mark, form]);

  if (date === null) return null;
  const weekday = dayjs(date).format('dddd');
  const onFinish = ({ name }: { name?: string }) =>
    put.mutate(
      { date, kind, name: name?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('calendar.saved'));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );
  const unmark = () =>
    remove.mutate(date, {
      onSuccess: () => {
        void message.success(t('calendar.removed'));
        onClose();
      },
      onError: (error) => showProblem(error),
    });

  return (
    <Modal
      open
      title={kind === 'holiday' ? t('calendar.markHoliday') : t('calendar.markWorkday')}
      onCancel={onClose}
      footer={
        <Space>
          {mark && (
            <Button danger loading={remove.isPending} onClick={unmark} data-testid="holiday-unmark">
              {t('calendar.unmark')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={put.isPending} onClick={() => form.submit()} data-testid="holiday-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        {kind === 'holiday'
          ? t('calendar.weekdayHint', { date, weekday })
          : t('calendar.weekendHint', { date, weekday })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="holiday-form" onFinish={onFinish} data-testid="holiday-form">
        <Form.Item name="name" label={t('calendar.name')}>
          <Input
            maxLength={50}
            autoComplete="off"
            placeholder={kind === 'holiday' ? t('calendar.holidayPlaceholder') : t('calendar.workdayPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
