import { ClockCircleOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Typography } from 'antd';
import type { DragEvent } from 'react';
import { Link } from 'react-router-dom';
import { leadPath } from '../../app/access';
import { useI18n } from '../../i18n/use-i18n';
import { formatInvestment, overdueLabel, stageLabel } from './lead-format';
import type { LeadSummary } from './lead-types';

/** The drag payload's type: the lead's id travels in it (a drop from elsewhere carries none). */
export const LEAD_DRAG_TYPE = 'application/x-kaimen-lead';

interface Props {
  lead: LeadSummary;
  draggable: boolean;
}

/** One card of the board: company, planned investment, owner, next follow-up (red and tagged when overdue). */
export function LeadCard({ lead, draggable }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const onDragStart = (event: DragEvent<HTMLDivElement>) => {
    event.dataTransfer.setData(LEAD_DRAG_TYPE, String(lead.id));
    event.dataTransfer.setData('text/plain', String(lead.id));
    event.dataTransfer.effectAllowed = 'move';
  };
  const overdue = lead.overdueKind !== null;
  return (
    <div draggable={draggable} onDragStart={onDragStart} data-testid="lead-card" data-lead-id={String(lead.id)}>
      <Card size="small" hoverable style={{ marginBottom: 8, cursor: draggable ? 'grab' : 'default' }}>
        <Link to={leadPath(lead.id)} draggable={false} style={{ fontWeight: 500 }}>
          {lead.companyName}
        </Link>
        <Space orientation="vertical" size={2} style={{ display: 'flex', marginTop: 4, fontSize: 12 }}>
          <Typography.Text strong>{formatInvestment(lead.plannedInvestment, i18n)}</Typography.Text>
          <Typography.Text type="secondary">
            <UserOutlined /> {lead.owner?.displayName ?? '—'}
          </Typography.Text>
          <Typography.Text type={overdue ? 'danger' : 'secondary'} data-testid="lead-card-follow-up">
            <ClockCircleOutlined /> {lead.nextFollowUpOn ?? t('leads.card.noFollowUp')}
            {lead.overdueKind && (
              <Tag color="red" style={{ marginLeft: 6 }}>
                {overdueLabel(lead.overdueKind, t)}
              </Tag>
            )}
          </Typography.Text>
          {lead.pendingApproval && (
            <Tag color="orange" style={{ alignSelf: 'flex-start' }}>
              {t('leads.card.awaitingApproval', { stage: stageLabel(lead.pendingApproval.toStage, locale) })}
            </Tag>
          )}
        </Space>
      </Card>
    </div>
  );
}
