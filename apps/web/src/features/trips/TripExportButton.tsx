import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { download } from '../../api/client';
import { saveBlob } from '../../components/save-blob';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';

/** 导出 Excel: the trips of the current filters and sort (fetched, so a refusal shows as a message). */
export function TripExportButton({ filters }: { filters: Record<string, string | undefined> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = await download('/api/trips/export', filters);
      const filename = file.filename ?? 'trips.xlsx';
      saveBlob(file.blob, filename);
      void message.success(t('export.done', { filename }));
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="trip-export">
      {t('trips.export')}
    </Button>
  );
}
