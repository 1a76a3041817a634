import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import type { Conversion } from './lead-reports-api';
import { useChart } from './use-chart';

type Option = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type NamedConversion = Conversion & { name: string };

/** Leads, signed and registered per group (bars) and the signed rate (line, right axis). */
export function ConversionChart({ rows, testId }: { rows: NamedConversion[]; testId: string }) {
  const { t } = useI18n();
  const option = useMemo<Option>(() => {
    const leads = t('reports.leads');
    const signed = t('reports.reachedSigned');
    const registered = t('reports.reachedRegistered');
    const rate = t('reports.signedRate');
    const bar = (name: string, values: number[]): BarSeriesOption => ({
      name,
      type: 'bar',
      barMaxWidth: 20,
      data: values,
    });
    return {
      color: ['#9fb7cf', '#c8102e', '#1f4e79', '#e6a23c'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [leads, signed, registered, rate] },
      grid: { left: 48, right: 56, top: 48, bottom: 56 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: [
        { type: 'value', name: leads, minInterval: 1 },
        { type: 'value', name: rate, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        bar(
          leads,
          rows.map((r) => r.leads),
        ),
        bar(
          signed,
          rows.map((r) => r.reachedSigned),
        ),
        bar(
          registered,
          rows.map((r) => r.reachedRegistered),
        ),
        {
          name: rate,
          type: 'line',
          yAxisIndex: 1,
          tooltip: { valueFormatter: (v) => `${String(v)}%` },
          data: rows.map((r) => Math.round(r.signedRate * 1000) / 10),
        },
      ],
    };
  }, [rows, t]);
  const ref = useChart(option);
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: 300 }}
      role="img"
      aria-label={t('reports.conversionChart')}
      data-testid={testId}
    />
  );
}
