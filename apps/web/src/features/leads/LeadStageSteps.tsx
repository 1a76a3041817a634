import { LEAD_PIPELINE_STAGES, type LeadStage } from '@kaimen/shared';
import { Alert, Steps } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { stageLabel } from './lead-format';
import { lastPipelineStage } from './lead-timeline';
import type { LeadDetail, TimelineEntry } from './lead-types';

/** The pipeline as steps, the lead's stage current; on hold or lost, the step where it stopped is marked. */
export function LeadStageSteps({ lead, timeline }: { lead: LeadDetail; timeline: readonly TimelineEntry[] }) {
  const { t, locale } = useI18n();
  const side = lead.stage === 'on_hold' || lead.stage === 'lost';
  const reached = lastPipelineStage(lead.stage, timeline);
  const current = reached ? LEAD_PIPELINE_STAGES.indexOf(reached as (typeof LEAD_PIPELINE_STAGES)[number]) : 0;
  return (
    <>
      <Steps
        size="small"
        current={current}
        status={lead.stage === 'lost' ? 'error' : side ? 'wait' : 'process'}
        items={LEAD_PIPELINE_STAGES.map((stage: LeadStage) => ({ title: stageLabel(stage, locale) }))}
        style={{ margin: '8px 0 16px' }}
        data-testid="lead-steps"
      />
      {side && (
        <Alert
          type={lead.stage === 'lost' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="lead-side-state"
          title={
            lead.stage === 'lost'
              ? t('leads.detail.lost', { reason: lead.lostReason ?? '—' })
              : t('leads.detail.onHold', { stage: stageLabel(reached, locale) })
          }
        />
      )}
    </>
  );
}
