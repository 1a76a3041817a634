import { HeatmapChart, type HeatmapSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { use as registerChartParts, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { useChart } from '../lead-reports/use-chart';
import { localName, type NeedReports } from './need-reports-api';

registerChartParts([HeatmapChart, VisualMapComponent, GridComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

/** Needs submitted per category (rows, in the dictionary's order) and month (columns); an empty cell is none. */
export function NeedHeatmapChart({ heatmap }: { heatmap: NeedReports['heatmap'] }) {
  const { t, locale } = useI18n();
  const option = useMemo<Option>(() => {
    const names = heatmap.categories.map((c) => localName(c, locale));
    const row = new Map(heatmap.categories.map((c, i) => [c.code, i]));
    const column = new Map(heatmap.months.map((m, i) => [m, i]));
    const max = Math.max(1, ...heatmap.cells.map((c) => c.count));
    return {
      tooltip: {
        position: 'top',
        formatter: (p: unknown) => {
          const [x, y, count] = (p as { value: [number, number, number] }).value;
          return `${names[y] ?? ''}<br/>${heatmap.months[x] ?? ''}: ${count}`;
        },
      },
      grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: heatmap.months, splitArea: { show: true } },
      yAxis: { type: 'category', data: names, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#fbe3e7', '#c8102e'] },
      },
      series: [
        {
          name: t('needReports.count'),
          type: 'heatmap',
          data: heatmap.cells.map((c) => [column.get(c.month) ?? 0, row.get(c.category) ?? 0, c.count]),
          label: { show: true },
          emphasis: { itemStyle: { shadowBlur: 8, shadowColor: 'rgba(0, 0, 0, 0.3)' } },
        },
      ],
    };
  }, [heatmap, locale, t]);
  const ref = useChart(option);
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: Math.max(280, heatmap.categories.length * 30 + 110) }}
      role="img"
      aria-label={t('needReports.heatmapChart')}
      data-testid="need-report-heatmap"
    />
  );
}
