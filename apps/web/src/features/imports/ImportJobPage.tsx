import { App, Alert, Button, Card, Descriptions, Progress, Result, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { importsPathOf, listPathOf, useImportI18n } from './use-import-i18n';
import { BadRowsTable } from './BadRowsTable';
import { useImport, useImportMutations } from './imports-api';
import { isWorking, type ImportJob, type ImportOptions } from './import-types';
import { ImportStatusTag } from './ImportStatusTag';
import { ImportSummary } from './ImportSummary';
import { MappingStep } from './MappingStep';
import { ImportTarget, intoBuilding } from './ImportTarget';
import { buildingPath } from '../property/property-format';

const formatSize = (bytes: number) =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Which step of upload → map → check → import → done the job is at. */
function stepOf(job: ImportJob, editing: boolean): number {
  if (job.status === 'done') return 4;
  if (job.status === 'running') return 3;
  if (job.status === 'checking') return 2;
  return editing || !job.summary ? 1 : 3;
}

/** Progress of a check or a run: the file read so far, then the index being built. */
function Working({ job, onCancel, cancelling }: { job: ImportJob; onCancel: () => void; cancelling: boolean }) {
  const { t } = useI18n();
  const p = job.progress;
  const indexing = p !== null && p.stage !== 'rows';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-progress">
      <Progress percent={Math.floor(p?.percent ?? 0)} status="active" />
      <Typography.Text>
        {indexing ? t('import.indexing') : t('import.progress', { rows: (p?.rows ?? 0).toLocaleString() })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {job.status === 'running' ? t('import.runningHint') : t('import.checkingHint')}
      </Typography.Text>
      <Button danger onClick={onCancel} loading={cancelling}>
        {t('import.cancel')}
      </Button>
    </Space>
  );
}

/**
 * One import, from the mapping of its columns to its result. The page follows the job on the server, so it can be
 * left and opened again (from the recent imports) at any step.
 */
export function ImportJobPage() {
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const showProblem = useShowProblem();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const query = useImport(id);
  const { start, cancel } = useImportMutations();
  const [editing, setEditing] = useState(false);
  const job = query.data;
  const { t } = useImportI18n(job?.kind);
  if (!job)
    return (
      <Card loading={query.isPending}>{query.error ? <Alert type="error" message={String(query.error)} /> : null}</Card>
    );

  // A units import into one building: kept in the job's options once checked, from the upload page's link before.
  const into = job.kind === 'units' ? job.options.buildingId || params.get('buildingId') || undefined : undefined;
  // What the mapping step sets goes over the job's options, so the building (and anything else set) is kept.
  const begin = (phase: 'check' | 'run', options: ImportOptions) =>
    start.mutate(
      { job, phase, options: { ...job.options, ...(into ? { buildingId: into } : {}), ...options } },
      { onSuccess: () => setEditing(false), onError: (error) => showProblem(error) },
    );
  const counts = job.summary;
  const willImport = counts ? counts.new + (job.options.existing === 'update' ? counts.existing : 0) : 0;
  const confirmRun = () =>
    modal.confirm({
      title: t('import.runConfirm'),
      content: counts?.invalid
        ? t('import.runConfirmBad', { invalid: counts.invalid.toLocaleString(), count: willImport.toLocaleString() })
        : t('import.runConfirmAll', { count: willImport.toLocaleString() }),
      okText: t('import.run', { count: willImport.toLocaleString() }),
      cancelText: t('common.cancel'),
      onOk: () => begin('run', job.options),
    });

  const mapping = editing || job.status === 'uploaded' || (job.status === 'failed' && !counts);
  return (
    <Card
      title={
        <Space>
          {t('import.title')}
          <ImportStatusTag status={job.status} />
        </Space>
      }
      extra={<Link to={importsPathOf(job?.kind)}>{t('import.recent')}</Link>}
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('import.fileName')}>{job.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('import.createdBy')}>{job.createdBy.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('common.createdAt')}>
          {formatDateTime(job.createdAt)} · {formatSize(job.fileSize)}
        </Descriptions.Item>
      </Descriptions>
      <ImportTarget buildingId={into} />
      <Steps
        current={stepOf(job, editing)}
        style={{ marginBottom: 24 }}
        items={(['upload', 'map', 'check', 'run', 'done'] as const).map((s) => ({ title: t(`import.step.${s}`) }))}
      />
      {job.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('import.status.failed')}
          description={job.error.message}
        />
      )}
      {isWorking(job.status) ? (
        <Working
          job={job}
          cancelling={cancel.isPending}
          onCancel={() => cancel.mutate(job, { onError: (error) => showProblem(error) })}
        />
      ) : mapping ? (
        <MappingStep job={job} busy={start.isPending} onCheck={(options) => begin('check', options)} />
      ) : job.status === 'done' && counts ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Result
            status="success"
            title={t('import.done', {
              created: counts.created.toLocaleString(),
              updated: counts.updated.toLocaleString(),
            })}
            subTitle={t('import.doneDetail', {
              invalid: counts.invalid.toLocaleString(),
              skipped: (counts.existing - counts.updated).toLocaleString(),
            })}
            extra={[
              <Button
                key="list"
                type="primary"
                onClick={() => void navigate(into ? buildingPath(into) : listPathOf(job.kind))}
              >
                {into ? t('unitImport.toBuilding') : t('import.toList')}
              </Button>,
              <Button key="again" onClick={() => void navigate(intoBuilding(importsPathOf(job.kind), into))}>
                {t('import.again')}
              </Button>,
            ]}
          />
          <ImportSummary counts={counts} ran kind={job.kind} />
          <BadRowsTable job={job} />
        </Space>
      ) : counts ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <ImportSummary counts={counts} ran={false} kind={job.kind} />
          <Space>
            <Button
              type="primary"
              size="large"
              disabled={willImport === 0}
              onClick={confirmRun}
              data-testid="import-run"
            >
              {t('import.run', { count: willImport.toLocaleString() })}
            </Button>
            <Button size="large" onClick={() => setEditing(true)}>
              {t('import.changeSettings')}
            </Button>
          </Space>
          <BadRowsTable job={job} />
        </Space>
      ) : null}
    </Card>
  );
}
