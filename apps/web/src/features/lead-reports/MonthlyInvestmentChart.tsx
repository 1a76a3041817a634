import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import type { LeadReports } from './lead-reports-api';
import { inUnit, moneyUnit } from './report-format';
import { useChart } from './use-chart';

type Option = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Investment signed (bars) and capital arrived (line) per month, in 万元 or 亿元 as the amounts call for. */
export function MonthlyInvestmentChart({ months }: { months: LeadReports['byMonth'] }) {
  const { t } = useI18n();
  const option = useMemo<Option>(() => {
    const unit = moneyUnit(Math.max(0, ...months.flatMap((m) => [m.signedInvestment, m.arrivedCapital])));
    const unitName = t(unit.unit === 'yi' ? 'reports.unit.yi' : 'reports.unit.wan');
    const signed = t('reports.signedInvestment');
    const arrived = t('reports.arrivedCapital');
    return {
      color: ['#c8102e', '#1f4e79'],
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)} ${unitName}` },
      legend: { top: 0, data: [signed, arrived] },
      grid: { left: 64, right: 24, top: 56, bottom: 32 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', name: unitName },
      series: [
        {
          name: signed,
          type: 'bar',
          barMaxWidth: 28,
          data: months.map((m) => inUnit(m.signedInvestment, unit)),
        },
        {
          name: arrived,
          type: 'line',
          data: months.map((m) => inUnit(m.arrivedCapital, unit)),
        },
      ],
    };
  }, [months, t]);
  const ref = useChart(option);
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: 320 }}
      role="img"
      aria-label={t('reports.monthlyChart')}
      data-testid="report-monthly-chart"
    />
  );
}
