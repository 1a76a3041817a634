import { Spin, Table, type TableColumnsType } from 'antd';
import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { formatAmount, formatCount } from './enterprise-format';
import type { YearFigures } from './enterprise-types';

// ECharts is large: it loads when a record's figures are first shown, not with the record.
const FiguresChart = lazy(() => import('./FiguresChart').then((m) => ({ default: m.FiguresChart })));

/** Yearly figures: a table newest first, and revenue and employees over the years. */
export function FiguresTab({ figures }: { figures: YearFigures[] }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const amount = (key: 'revenue' | 'rndSpend' | 'taxPaid') => ({
    title: t(`figure.${key}`),
    dataIndex: key,
    align: 'right' as const,
    render: (_: unknown, f: YearFigures) => formatAmount(f[key], i18n),
  });
  const columns: TableColumnsType<YearFigures> = [
    { title: t('figure.year'), dataIndex: 'year', width: 90 },
    {
      title: t('figure.employees'),
      dataIndex: 'employees',
      align: 'right',
      render: (_, f) => formatCount(f.employees, locale),
    },
    amount('revenue'),
    amount('rndSpend'),
    amount('taxPaid'),
  ];
  const newestFirst = [...figures].sort((a, b) => b.year - a.year);
  return (
    <>
      {figures.length > 0 && (
        <Suspense fallback={<Spin style={{ display: 'block', margin: '32px auto' }} />}>
          <FiguresChart figures={figures} />
        </Suspense>
      )}
      <Table<YearFigures>
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={newestFirst}
        columns={columns}
        data-testid="figures-table"
      />
    </>
  );
}
