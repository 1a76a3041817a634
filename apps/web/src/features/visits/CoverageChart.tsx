import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { useChart } from '../lead-reports/use-chart';
import type { CoverageGroup } from './visit-types';

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

interface Props {
  groups: CoverageGroup[];
  /** The group's name on the axis (an officer, a park, or "none"). */
  nameOf: (group: CoverageGroup) => string;
  label: string;
  testId: string;
}

const ROW_HEIGHT = 32;
const LABEL_SHARE = 0.06;

/** Companies visited at least once and not yet visited, stacked, one bar per group (the least covered on top). */
export function CoverageChart({ groups, nameOf, label, testId }: Props) {
  const { t } = useI18n();
  const option = useMemo<Option>(() => {
    const visited = t('coverage.seriesVisited');
    const notVisited = t('coverage.seriesNotVisited');
    // ECharts draws a category axis from the bottom up: reversed, the list's first group is the top bar.
    const rows = [...groups].reverse();
    // A count is printed inside its segment only when the segment is wide enough to hold it.
    const widest = Math.max(1, ...groups.map((g) => g.companies));
    const bar = (name: string, values: number[]): BarSeriesOption => ({
      name,
      type: 'bar',
      stack: 'companies',
      barMaxWidth: 22,
      label: { show: true, formatter: (p) => (Number(p.value) / widest >= LABEL_SHARE ? String(p.value) : '') },
      data: values,
    });
    return {
      color: ['#1f4e79', '#e0e6ed'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [visited, notVisited] },
      grid: { left: 8, right: 24, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(nameOf), axisLabel: { width: 180, overflow: 'truncate' } },
      series: [
        bar(
          visited,
          rows.map((g) => g.visited),
        ),
        bar(
          notVisited,
          rows.map((g) => g.companies - g.visited),
        ),
      ],
    };
  }, [groups, nameOf, t]);
  const ref = useChart(option);
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: Math.max(160, groups.length * ROW_HEIGHT + 56) }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
