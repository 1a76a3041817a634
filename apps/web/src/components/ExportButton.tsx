import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { download, type Query } from '../api/client';
import { useI18n } from '../i18n/use-i18n';
import { saveBlob } from './save-blob';
import { useShowProblem } from './use-show-problem';

/** 导出 Excel: the list of the current filters as the server writes it (fetched, so a refusal shows as a message). */
export function ExportButton({
  path,
  filters,
  fallbackName,
  label,
  testId,
}: {
  path: string;
  filters: Query;
  /** The file's name when the server names none. */
  fallbackName: string;
  label: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = await download(path, filters);
      const filename = file.filename ?? fallbackName;
      saveBlob(file.blob, filename);
      void message.success(t('export.done', { filename }));
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid={testId}>
      {label}
    </Button>
  );
}
