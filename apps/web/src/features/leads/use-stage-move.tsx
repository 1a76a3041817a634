import type { LeadStage } from '@kaimen/shared';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { isApiError } from '../../api/client';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { stageLabel, stageOptions } from './lead-format';
import type { LeadSummary } from './lead-types';
import { useLeadMutations } from './leads-api';

type Outcome = 'moved' | 'approval-requested' | 'refused' | 'cancelled';
type MovingLead = Pick<LeadSummary, 'id' | 'companyName' | 'stage' | 'version'>;

interface AskState {
  lead: MovingLead;
  /** Fixed by a drop on a column; chosen in the dialog otherwise. */
  to: LeadStage | null;
}
interface ApprovalState {
  lead: MovingLead;
  to: LeadStage;
  detail: string;
}
interface MoveValues {
  to?: LeadStage;
  comment?: string;
  lostReason?: string;
}

/**
 * One stage move, by the API's rules, wherever it starts (a drop on the board, 变更阶段 on the lead's page): a move to
 * 流失 asks for the reason first; a 409 approval-required shows the server's message with 提交审批; every other refusal
 * is shown. `start` settles once the move is done, requested for approval, refused or cancelled.
 */
export function useStageMove(): {
  start: (lead: MovingLead, to?: LeadStage, onAnswer?: (moved: boolean) => void) => Promise<Outcome>;
  dialogs: ReactNode;
} {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const { move, requestApproval } = useLeadMutations();
  const [ask, setAsk] = useState<AskState | null>(null);
  const [approval, setApproval] = useState<ApprovalState | null>(null);
  const [form] = Form.useForm<MoveValues>();
  const [approvalForm] = Form.useForm<{ comment?: string }>();
  const settle = useRef<((outcome: Outcome) => void) | null>(null);
  // Told as soon as the server has answered the move (the board puts a refused card back at once).
  const answered = useRef<((moved: boolean) => void) | null>(null);

  const finish = useCallback((outcome: Outcome) => {
    settle.current?.(outcome);
    settle.current = null;
  }, []);

  const run = useCallback(
    async (lead: MovingLead, to: LeadStage, values: MoveValues): Promise<Outcome | 'retry'> => {
      try {
        await move.mutateAsync({
          id: lead.id,
          to,
          version: lead.version,
          ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
          ...(values.lostReason?.trim() ? { lostReason: values.lostReason.trim() } : {}),
        });
        answered.current?.(true);
        void message.success(t('leads.move.done', { name: lead.companyName, stage: stageLabel(to, locale) }));
        return 'moved';
      } catch (error) {
        answered.current?.(false);
        if (isApiError(error, 'approval-required')) {
          approvalForm.resetFields();
          setApproval({ lead, to, detail: error.problem.detail });
          return 'retry';
        }
        const lostReason = isApiError(error, 'validation')
          ? error.problem.errors?.find((e) => e.field.endsWith('lostReason'))
          : undefined;
        if (lostReason) {
          // The dialog shows the server's word on the reason, and stays open for it.
          setAsk({ lead, to });
          form.setFields([{ name: 'lostReason', errors: [t('leads.move.lostReasonRequired')] }]);
          return 'retry';
        }
        showProblem(error);
        return 'refused';
      }
    },
    [move, message, t, locale, approvalForm, form, showProblem],
  );

  const start = useCallback(
    (lead: MovingLead, to?: LeadStage, onAnswer?: (moved: boolean) => void) =>
      new Promise<Outcome>((resolve) => {
        settle.current?.('cancelled');
        settle.current = resolve;
        answered.current = onAnswer ?? null;
        if (to === lead.stage) return finish('cancelled');
        if (to === undefined || to === 'lost') {
          form.resetFields();
          form.setFieldsValue({ to });
          setAsk({ lead, to: to ?? null });
          return;
        }
        void run(lead, to, {}).then((outcome) => outcome !== 'retry' && finish(outcome));
      }),
    [finish, form, run],
  );

  const submitAsk = async () => {
    if (!ask) return;
    const values = await form.validateFields();
    const to = ask.to ?? values.to!;
    const outcome = await run(ask.lead, to, values);
    if (outcome === 'retry' && form.getFieldError('lostReason').length > 0) return;
    setAsk(null);
    if (outcome !== 'retry') finish(outcome);
  };

  const submitApproval = async () => {
    if (!approval) return;
    const { comment } = approvalForm.getFieldsValue();
    try {
      await requestApproval.mutateAsync({
        id: approval.lead.id,
        to: approval.to,
        ...(comment?.trim() ? { comment: comment.trim() } : {}),
      });
      void message.success(t('leads.approval.requested'));
      setApproval(null);
      finish('approval-requested');
    } catch (error) {
      showProblem(error);
    }
  };

  const chosen = Form.useWatch('to', form);
  const target = ask?.to ?? chosen;
  const dialogs = (
    <>
      <Modal
        open={ask !== null}
        title={
          ask?.to
            ? t('leads.move.titleTo', { name: ask.lead.companyName, stage: stageLabel(ask.to, locale) })
            : t('leads.move.title', { name: ask?.lead.companyName ?? '' })
        }
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={move.isPending}
        onOk={() => void submitAsk()}
        onCancel={() => {
          setAsk(null);
          finish('cancelled');
        }}
        forceRender
      >
        <Form form={form} layout="vertical" name="stage-move" data-testid="stage-move-form">
          {ask?.to === null && (
            <Form.Item name="to" label={t('leads.move.to')} rules={[{ required: true, message: t('common.required') }]}>
              <Select
                options={stageOptions(locale).filter((o) => o.value !== ask.lead.stage)}
                data-testid="stage-move-to"
              />
            </Form.Item>
          )}
          {target === 'lost' && (
            <Form.Item
              name="lostReason"
              label={t('leads.move.lostReason')}
              rules={[{ required: true, whitespace: true, message: t('leads.move.lostReasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          )}
          <Form.Item name="comment" label={t('leads.move.comment')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={approval !== null}
        title={t('leads.approval.needed')}
        okText={t('leads.approval.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={requestApproval.isPending}
        onOk={() => void submitApproval()}
        onCancel={() => {
          setApproval(null);
          finish('refused');
        }}
        forceRender
      >
        <Typography.Paragraph data-testid="approval-required-detail">{approval?.detail}</Typography.Paragraph>
        <Form form={approvalForm} layout="vertical" name="approval-request">
          <Form.Item name="comment" label={t('leads.approval.comment')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
  return { start, dialogs };
}
