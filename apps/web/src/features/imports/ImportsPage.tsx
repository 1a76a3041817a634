import { InboxOutlined } from '@ant-design/icons';
import { Card, Progress, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import { useShowProblem } from '../../components/use-show-problem';
import { useImportI18n } from './use-import-i18n';
import { importPath } from '../../app/access';
import { useImportMutations, useImports } from './imports-api';
import { ImportTarget, intoBuilding } from './ImportTarget';
import type { ImportJob } from './import-types';
import { ImportStatusTag } from './ImportStatusTag';

/** The server's default largest import (KAIMEN_MAX_IMPORT_MB); it refuses larger files with a clear message. */
const MAX_SIZE = '512 MB';

/** 导入企业 / 导入招商线索: drop a spreadsheet, then follow it on its own page; the recent imports stay listed to come back to. */
export function ImportsPage({ kind }: { kind: string }) {
  const { t } = useImportI18n(kind);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // 导入房源 on a building's page: the job page sends it with the options of the check and the run.
  const buildingId = (kind === 'units' && params.get('buildingId')) || undefined;
  const showProblem = useShowProblem();
  const imports = useImports(kind);
  const { upload } = useImportMutations();
  const [sent, setSent] = useState<number | null>(null);

  const columns: TableColumnsType<ImportJob> = [
    { title: t('import.fileName'), dataIndex: 'fileName', ellipsis: true },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('import.createdBy'), width: 140, render: (_, j) => j.createdBy.displayName },
    {
      title: t('import.summary.rows'),
      width: 100,
      align: 'right',
      render: (_, j) => j.summary?.rows.toLocaleString() ?? '—',
    },
    { title: '', width: 110, render: (_, j) => <ImportStatusTag status={j.status} /> },
  ];

  return (
    <Card title={t('import.title')}>
      <ImportTarget buildingId={buildingId} />
      <Upload.Dragger
        accept=".xlsx,.csv,.txt"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        data-testid="import-drop"
        customRequest={({ file }) => {
          setSent(0);
          upload.mutate(
            {
              kind,
              ...(buildingId ? { options: { buildingId } } : {}),
              file: file as File,
              onProgress: (done, total) => setSent(total ? Math.floor((done / total) * 100) : 0),
            },
            {
              onSuccess: (job) => void navigate(intoBuilding(importPath(job.id), buildingId)),
              onError: (error) => showProblem(error),
              onSettled: () => setSent(null),
            },
          );
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.dropHint', { max: MAX_SIZE })}</p>
        {sent !== null && (
          <Progress
            percent={sent}
            status="active"
            style={{ maxWidth: 400 }}
            format={(p) => t('import.uploading', { percent: p ?? 0 })}
          />
        )}
      </Upload.Dragger>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('import.recent')}
      </Typography.Title>
      <Table<ImportJob>
        rowKey="id"
        size="small"
        loading={imports.isPending}
        dataSource={imports.data?.items ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('import.none') }}
        onRow={(job) => ({ onClick: () => void navigate(importPath(job.id)), style: { cursor: 'pointer' } })}
      />
    </Card>
  );
}
