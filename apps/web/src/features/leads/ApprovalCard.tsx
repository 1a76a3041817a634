import { App, Button, Card, Descriptions, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../components/format';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { canDecideApprovals, canWorkLeads, formatInvestment, stageLabel } from './lead-format';
import type { Approval, LeadDetail } from './lead-types';
import { useLeadApprovals, useLeadMutations } from './leads-api';

type Decision = 'approved' | 'rejected';

/** 待审批: the lead's pending request; a leader approves (the lead moves at once) or rejects it, whoever asked may withdraw. */
export function ApprovalCard({ lead }: { lead: LeadDetail }) {
  const { t, locale } = useI18n();
  const i18n = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const approvals = useLeadApprovals(lead.id);
  const { decide, withdraw } = useLeadMutations();
  const [deciding, setDeciding] = useState<{ approval: Approval; decision: Decision } | null>(null);
  const [form] = Form.useForm<{ comment?: string }>();
  const pending = approvals.data?.[0];
  if (!pending) return null;

  const onDecide = async () => {
    if (!deciding) return;
    const { comment } = form.getFieldsValue();
    try {
      await decide.mutateAsync({
        approvalId: deciding.approval.id,
        decision: deciding.decision,
        version: deciding.approval.version,
        ...(comment?.trim() ? { comment: comment.trim() } : {}),
      });
      void message.success(
        t(deciding.decision === 'approved' ? 'leads.approval.approvedDone' : 'leads.approval.rejectedDone'),
      );
      setDeciding(null);
    } catch (error) {
      showProblem(error);
    }
  };
  const open = (decision: Decision) => {
    form.resetFields();
    setDeciding({ approval: pending, decision });
  };

  return (
    <Card
      size="small"
      title={t('leads.approval.pendingTitle')}
      style={{ marginBottom: 16, borderColor: '#ffd591', background: '#fff7e6' }}
      data-testid="approval-card"
      extra={
        <Space>
          {canDecideApprovals(user.role) && (
            <>
              <Button type="primary" onClick={() => open('approved')}>
                {t('leads.approval.approve')}
              </Button>
              <Button danger onClick={() => open('rejected')}>
                {t('leads.approval.reject')}
              </Button>
            </>
          )}
          {canWorkLeads(user.role) && (
            <Button
              loading={withdraw.isPending}
              onClick={() =>
                withdraw.mutateAsync(pending.id).then(
                  () => void message.success(t('leads.approval.withdrawn')),
                  (error: unknown) => showProblem(error),
                )
              }
            >
              {t('leads.approval.withdraw')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'move',
            label: t('leads.approval.move'),
            children: `${stageLabel(pending.fromStage, locale)} → ${stageLabel(pending.toStage, locale)}`,
          },
          {
            key: 'investment',
            label: t('leads.field.plannedInvestment'),
            children: formatInvestment(lead.plannedInvestment, i18n),
          },
          { key: 'by', label: t('leads.approval.requestedBy'), children: pending.requestedBy?.displayName ?? '—' },
          { key: 'at', label: t('leads.approval.requestedAt'), children: formatDateTime(pending.requestedAt) },
          ...(pending.comment
            ? [{ key: 'comment', label: t('leads.approval.comment'), children: pending.comment }]
            : []),
        ]}
      />
      <Modal
        open={deciding !== null}
        title={t(deciding?.decision === 'rejected' ? 'leads.approval.rejectTitle' : 'leads.approval.approveTitle', {
          name: lead.companyName,
          stage: stageLabel(pending.toStage, locale),
        })}
        okText={t(deciding?.decision === 'rejected' ? 'leads.approval.reject' : 'leads.approval.approve')}
        okButtonProps={{ danger: deciding?.decision === 'rejected' }}
        cancelText={t('common.cancel')}
        confirmLoading={decide.isPending}
        onOk={() => void onDecide()}
        onCancel={() => setDeciding(null)}
        forceRender
      >
        <Form form={form} layout="vertical" name="approval-decision">
          <Form.Item name="comment" label={t('leads.approval.decisionComment')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
