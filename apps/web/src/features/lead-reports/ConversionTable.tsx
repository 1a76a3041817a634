import { findEntry, label, LEAD_PIPELINE_STAGES, LEAD_STAGES } from '@kaimen/shared';
import { Button, Table, Tooltip, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import type { Conversion } from './lead-reports-api';
import { formatDays, formatRate } from './report-format';

export type ConversionRow = Conversion & { key: string; name: string };

interface Props {
  rows: ConversionRow[];
  overall: Conversion;
  nameTitle: string;
  /** Narrows the whole report to a row (its channel or owner). */
  onPick?: (key: string) => void;
  testId: string;
}

/** Counts, rates and median days per stage of each group, with the whole range's figures as the last row. */
export function ConversionTable({ rows, overall, nameTitle, onPick, testId }: Props) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<ConversionRow> = [
    {
      title: nameTitle,
      dataIndex: 'name',
      fixed: 'left',
      width: 160,
      render: (name: string, row) =>
        onPick && row.key !== '' ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(row.key)}>
            {name}
          </Button>
        ) : (
          <strong>{name}</strong>
        ),
    },
    { title: t('reports.leads'), dataIndex: 'leads', align: 'right', width: 80 },
    { title: t('reports.reachedSigned'), dataIndex: 'reachedSigned', align: 'right', width: 80 },
    { title: t('reports.reachedRegistered'), dataIndex: 'reachedRegistered', align: 'right', width: 80 },
    { title: t('reports.lost'), dataIndex: 'lost', align: 'right', width: 70 },
    {
      title: t('reports.signedRate'),
      dataIndex: 'signedRate',
      align: 'right',
      width: 100,
      render: (v: number) => formatRate(v),
    },
    {
      title: t('reports.registeredRate'),
      dataIndex: 'registeredRate',
      align: 'right',
      width: 100,
      render: (v: number) => formatRate(v),
    },
    {
      title: <Tooltip title={t('reports.medianDaysHint')}>{t('reports.medianDays')}</Tooltip>,
      children: LEAD_PIPELINE_STAGES.map((stage) => ({
        title: label(findEntry(LEAD_STAGES, stage)!, locale),
        key: stage,
        align: 'right' as const,
        width: 90,
        render: (_: unknown, row: ConversionRow) => formatDays(row.medianDays[stage]),
      })),
    },
  ];
  return (
    <Table<ConversionRow>
      data-testid={testId}
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={[...rows, { ...overall, key: '', name: t('reports.overall') }]}
    />
  );
}
