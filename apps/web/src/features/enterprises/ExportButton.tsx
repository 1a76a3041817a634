import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Tooltip, type MenuProps } from 'antd';
import { useState } from 'react';
import { download } from '../../api/client';
import { saveBlob } from '../../components/save-blob';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import type { EnterpriseFilterKey } from './enterprises-api';

const FORMATS = ['xlsx', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** Set by the server when a search had more hits than an export takes; its value is how many it took. */
const TRUNCATED_HEADER = 'x-kaimen-export-truncated';

interface Props {
  /** The list's filters, search and sort as in the URL: the file holds the same rows in the same order. */
  filters: Partial<Record<EnterpriseFilterKey, string>>;
}

/**
 * 导出: the filtered list as xlsx or csv. Fetched rather than linked, so a refusal or an ended session shows as a
 * message (problem+json) instead of a downloaded error page.
 */
export function ExportButton({ filters }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [busy, setBusy] = useState(false);

  const run = async (format: Format) => {
    setBusy(true);
    try {
      const file = await download('/api/enterprises/export', { ...filters, format });
      const filename = file.filename ?? `enterprises.${format}`;
      saveBlob(file.blob, filename);
      const cap = file.headers.get(TRUNCATED_HEADER);
      if (cap) void message.warning(t('export.truncated', { max: Number(cap).toLocaleString() }), 8);
      else void message.success(t('export.done', { filename }));
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const items: MenuProps['items'] = FORMATS.map((format) => ({
    key: format,
    label: t(format === 'xlsx' ? 'export.xlsx' : 'export.csv'),
    'data-testid': `enterprise-export-${format}`,
  }));

  return (
    <Tooltip title={t('export.hint')} placement="top">
      <Dropdown menu={{ items, onClick: ({ key }) => void run(key as Format) }} trigger={['click']} disabled={busy}>
        <Button icon={<DownloadOutlined />} loading={busy} data-testid="enterprise-export">
          {t('export.button')} <DownOutlined />
        </Button>
      </Dropdown>
    </Tooltip>
  );
}
