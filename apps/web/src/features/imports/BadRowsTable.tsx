import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { download } from '../../api/client';
import { saveBlob } from '../../components/save-blob';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { importReportPath, useImportErrors } from './imports-api';
import type { ImportBadRow, ImportJob } from './import-types';

/** 问题行: every bad row with its row number in the user's file, the column and the reason; and the xlsx to fix them in. */
export function BadRowsTable({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const showProblem = useShowProblem();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const errors = useImportErrors(job.id, page, pageSize, true);
  const [saving, setSaving] = useState(false);

  const report = async () => {
    setSaving(true);
    try {
      const file = await download(importReportPath(job.id));
      saveBlob(file.blob, file.filename ?? 'import-errors.xlsx');
    } catch (error) {
      showProblem(error);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<ImportBadRow> = [
    { title: t('import.rowNumber'), dataIndex: 'rowNumber', width: 80 },
    {
      title: t('import.reason'),
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          {r.errors.map((e, i) => (
            <span key={i}>
              {e.column && <Tag>{e.column}</Tag>}
              <Typography.Text type={r.skippedExisting ? 'secondary' : 'danger'}>{e.message}</Typography.Text>
            </span>
          ))}
        </Space>
      ),
    },
  ];

  const total = errors.data?.total ?? 0;
  return (
    <div data-testid="import-bad-rows">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('import.badRows')}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} onClick={() => void report()} loading={saving} disabled={total === 0}>
          {t('import.downloadReport')}
        </Button>
      </Space>
      <Table<ImportBadRow>
        size="small"
        rowKey="rowNumber"
        loading={errors.isFetching}
        dataSource={errors.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('import.noBadRows') }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n.toLocaleString() }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </div>
  );
}
