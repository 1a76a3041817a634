import { Progress, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { formatDays, formatRate } from '../lead-reports/report-format';
import { localName, type NeedDepartmentFigures, type Rate } from './need-reports-api';

/** A share as a bar with its figure; a dash when there is nothing to rate. */
function RateBar({ rate }: { rate: Rate }) {
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Progress percent={Math.round(rate * 1000) / 10} size="small" status="normal" format={() => formatRate(rate)} />
  );
}

/** Each lead department: the period's needs and how they were answered, and what it holds open now. */
export function DepartmentTable({ rows }: { rows: NeedDepartmentFigures[] }) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<NeedDepartmentFigures> = [
    {
      title: t('needReports.department'),
      key: 'name',
      fixed: 'left',
      width: 180,
      render: (_, d) => localName(d, locale),
    },
    { title: t('needReports.total'), dataIndex: 'total', align: 'right', width: 80 },
    { title: t('needReports.resolved'), dataIndex: 'resolved', align: 'right', width: 80 },
    {
      title: t('needReports.onTimeRate'),
      dataIndex: 'onTimeRate',
      width: 180,
      render: (rate: Rate) => <RateBar rate={rate} />,
    },
    {
      title: <Tooltip title={t('needReports.medianDaysHint')}>{t('needReports.medianDays')}</Tooltip>,
      dataIndex: 'medianDays',
      align: 'right',
      width: 120,
      render: (days: number | null) => formatDays(days),
    },
    {
      title: t('needReports.satisfaction'),
      dataIndex: 'satisfactionRate',
      width: 180,
      render: (rate: Rate, d) => (
        <Tooltip title={t('needReports.satisfactionCounts', d.satisfaction)}>
          <div>
            <RateBar rate={rate} />
          </div>
        </Tooltip>
      ),
    },
    { title: t('needReports.open'), dataIndex: 'open', align: 'right', width: 100 },
    {
      title: t('needReports.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      width: 100,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
  ];
  return (
    <Table<NeedDepartmentFigures>
      data-testid="need-report-departments"
      size="small"
      rowKey="departmentId"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={rows}
    />
  );
}
