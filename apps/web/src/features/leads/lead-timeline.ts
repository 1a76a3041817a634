import { LEAD_PIPELINE_STAGES, type LeadStage } from '@kaimen/shared';
import type { TimelineEntry } from './lead-types';

const inPipeline = (stage: LeadStage | null | undefined): stage is (typeof LEAD_PIPELINE_STAGES)[number] =>
  !!stage && (LEAD_PIPELINE_STAGES as readonly string[]).includes(stage);

/**
 * The pipeline stage a lead had reached before it went on hold or was lost, from its timeline (newest first):
 * the steps then show where it stopped.
 */
export function lastPipelineStage(stage: LeadStage, timeline: readonly TimelineEntry[]): LeadStage | null {
  if (inPipeline(stage)) return stage;
  for (const entry of timeline) {
    if (entry.type === 'stage' && inPipeline(entry.fromStage)) return entry.fromStage;
  }
  return null;
}
