import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { download } from '../../api/client';
import { saveBlob } from '../../components/save-blob';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { apiFilters, type LeadFilters } from './leads-api';

/** Set by the server when more leads matched than an export takes; its value is how many it took. */
const TRUNCATED_HEADER = 'x-kaimen-export-truncated';

/**
 * 导出 Excel: the leads of the current filters and sort. Fetched rather than linked, so a refusal or an ended session
 * shows as a message instead of a downloaded error page.
 */
export function LeadExportButton({ filters }: { filters: LeadFilters }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const file = await download('/api/leads/export', apiFilters(filters));
      const filename = file.filename ?? 'leads.xlsx';
      saveBlob(file.blob, filename);
      const cap = file.headers.get(TRUNCATED_HEADER);
      if (cap) void message.warning(t('leads.export.truncated', { max: Number(cap).toLocaleString() }), 8);
      else void message.success(t('export.done', { filename }));
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Tooltip title={t('leads.export.hint')}>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="lead-export">
        {t('leads.export.button')}
      </Button>
    </Tooltip>
  );
}
