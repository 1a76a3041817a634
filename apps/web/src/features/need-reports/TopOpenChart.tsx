import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { Empty } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { useChart } from '../lead-reports/use-chart';

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface TopOpenRow {
  /** The park or chain node. */
  place: string;
  category: string;
  count: number;
}

/** The largest groups of open needs as horizontal bars, the largest on top. */
export function TopOpenChart({ rows, label, testId }: { rows: TopOpenRow[]; label: string; testId: string }) {
  const { t } = useI18n();
  const option = useMemo<Option>(
    () => ({
      color: ['#c8102e'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => `${r.place} · ${r.category}`) },
      series: [
        {
          name: t('needReports.count'),
          type: 'bar',
          barMaxWidth: 20,
          label: { show: true, position: 'right' },
          data: rows.map((r) => r.count),
        },
      ],
    }),
    [rows, t],
  );
  const ref = useChart(option);
  if (rows.length === 0) return <Empty description={t('needReports.noOpen')} data-testid={testId} />;
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: rows.length * 32 + 40 }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
