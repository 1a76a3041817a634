import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { Empty } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { useChart } from '../lead-reports/use-chart';
import type { Rate } from './occupancy-api';
import { formatArea, formatPercent } from './property-format';

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface VacancyBar {
  name: string;
  rate: Rate;
  vacantArea: number;
  area: number;
}

/** Vacancy rate by area as horizontal bars (in %), one per building or unit type; one without units shows none. */
export function VacancyChart({ bars, label, testId }: { bars: VacancyBar[]; label: string; testId: string }) {
  const { t } = useI18n();
  const option = useMemo<Option>(
    () => ({
      color: ['#c8102e'],
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number } | undefined;
          const bar = first ? bars[first.dataIndex] : undefined;
          if (!bar) return '';
          return `${bar.name}<br/>${t('occupancy.rate')}：${formatPercent(bar.rate)}<br/>${formatArea(bar.vacantArea)} / ${formatArea(bar.area)}`;
        },
      },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name) },
      series: [
        {
          name: t('occupancy.rate'),
          type: 'bar',
          barMaxWidth: 20,
          label: { show: true, position: 'right', formatter: (p) => formatPercent(bars[p.dataIndex]?.rate ?? null) },
          data: bars.map((b) => (b.rate === null ? 0 : Math.round(b.rate * 1000) / 10)),
        },
      ],
    }),
    [bars, t],
  );
  const ref = useChart(option);
  if (bars.length === 0) return <Empty description={t('occupancy.noUnits')} data-testid={testId} />;
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: bars.length * 36 + 40 }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
