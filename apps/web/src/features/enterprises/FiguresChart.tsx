import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerChartParts, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import type { YearFigures } from './enterprise-types';

// Only the parts this chart draws, so the bundle carries no more of ECharts than that.
registerChartParts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Revenue (bars, 万元) and employees (line) by year. */
export function FiguresChart({ figures }: { figures: YearFigures[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element);
    const years = [...figures].sort((a, b) => a.year - b.year);
    const revenueName = t('figure.revenueChart');
    const employeesName = t('figure.employees');
    const option: Option = {
      color: ['#c8102e', '#1f4e79'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [revenueName, employeesName] },
      grid: { left: 56, right: 56, top: 64, bottom: 32 },
      xAxis: { type: 'category', data: years.map((f) => String(f.year)) },
      yAxis: [
        { type: 'value', name: revenueName },
        { type: 'value', name: employeesName, splitLine: { show: false } },
      ],
      series: [
        {
          name: revenueName,
          type: 'bar',
          barMaxWidth: 32,
          data: years.map((f) => (f.revenue === null ? null : Math.round(f.revenue / 100) / 100)),
        },
        {
          name: employeesName,
          type: 'line',
          yAxisIndex: 1,
          data: years.map((f) => f.employees),
        },
      ],
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [figures, t]);

  return <div ref={ref} style={{ width: '100%', height: 280 }} role="img" aria-label={t('figure.chartLabel')} />;
}
