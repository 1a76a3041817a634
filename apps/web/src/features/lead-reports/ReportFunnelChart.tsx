import { findEntry, label, LEAD_STAGES } from '@kaimen/shared';
import type { FunnelSeriesOption } from 'echarts/charts';
import type { LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import type { LeadReports } from './lead-reports-api';
import { useChart } from './use-chart';

type Option = ComposeOption<FunnelSeriesOption | LegendComponentOption | TooltipComponentOption>;

const PALETTE = ['#f3c1c8', '#eb9aa6', '#e07385', '#d44c63', '#c8102e', '#9e0c24', '#73081a'];

/** The pipeline stages, widest at 线索: how many leads ever reached each one (the tooltip adds how many are there now). */
export function ReportFunnelChart({ funnel }: { funnel: LeadReports['funnel'] }) {
  const { t, locale } = useI18n();
  const option = useMemo<Option>(() => {
    const stageName = (code: string) => {
      const e = findEntry(LEAD_STAGES, code);
      return e ? label(e, locale) : code;
    };
    const current = new Map(funnel.stages.map((s) => [stageName(s.stage), s.current]));
    return {
      color: PALETTE,
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { name, value } = p as { name: string; value: number };
          return `${name}<br/>${t('reports.reached')}: ${value}<br/>${t('reports.current')}: ${current.get(name) ?? 0}`;
        },
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '8%',
          width: '84%',
          top: 8,
          bottom: 8,
          minSize: '8%',
          gap: 2,
          label: { show: true, position: 'inside', formatter: '{b}  {c}', color: '#fff' },
          data: funnel.stages.map((s) => ({ name: stageName(s.stage), value: s.reached })),
        },
      ],
    };
  }, [funnel, locale, t]);
  const ref = useChart(option);
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: 320 }}
      role="img"
      aria-label={t('reports.funnelChart')}
      data-testid="report-funnel-chart"
    />
  );
}
