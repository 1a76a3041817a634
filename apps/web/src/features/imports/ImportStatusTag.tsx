import { Tag } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import type { ImportStatus } from './import-types';

const COLOURS: Record<ImportStatus, string> = {
  uploaded: 'default',
  checking: 'processing',
  checked: 'blue',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useI18n();
  return <Tag color={COLOURS[status]}>{t(`import.status.${status}`)}</Tag>;
}
