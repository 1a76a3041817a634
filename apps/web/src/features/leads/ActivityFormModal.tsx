import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { LeadActivityKindCode } from '@kaimen/shared';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { activityKindOptions } from './lead-format';
import type { LeadDetail } from './lead-types';
import { useLeadMutations } from './leads-api';

interface Values {
  kind: LeadActivityKindCode;
  occurredOn: Dayjs;
  subject?: string;
  participants?: string[];
  notes?: string;
  nextFollowUpOn?: Dayjs | null;
}

/** 记录跟进: a call, meeting, site visit or e-mail; its next follow-up date becomes the lead's. */
export function ActivityFormModal({ lead, open, onClose }: { lead: LeadDetail; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [form] = Form.useForm<Values>();
  const { addActivity } = useLeadMutations();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ kind: 'call', occurredOn: dayjs() });
  }, [open, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    try {
      await addActivity.mutateAsync({
        id: lead.id,
        kind: v.kind,
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
        subject: v.subject?.trim() || null,
        participants: (v.participants ?? []).map((p) => p.trim()).filter(Boolean),
        notes: v.notes?.trim() || null,
        nextFollowUpOn: v.nextFollowUpOn ? v.nextFollowUpOn.format('YYYY-MM-DD') : null,
      });
      void message.success(t('leads.activity.saved'));
      onClose();
    } catch (error) {
      showProblem(error, form);
    }
  };

  return (
    <Modal
      open={open}
      title={t('leads.activity.title', { name: lead.companyName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={addActivity.isPending}
      onOk={() => void onOk()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" name="lead-activity">
        <Form.Item
          name="kind"
          label={t('leads.activity.kind')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={activityKindOptions(locale)} />
        </Form.Item>
        <Form.Item
          name="occurredOn"
          label={t('leads.activity.occurredOn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="subject" label={t('leads.activity.subject')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="participants"
          label={t('leads.activity.participants')}
          extra={t('leads.activity.participantsHint')}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item name="notes" label={t('leads.activity.notes')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="nextFollowUpOn" label={t('leads.activity.nextFollowUpOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
