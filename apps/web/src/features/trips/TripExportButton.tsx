import { ExportButton } from '../../components/ExportButton';
import { useI18n } from '../../i18n/use-i18n';

/** 导出 Excel: the trips of the current filters and sort. */
export function TripExportButton({ filters }: { filters: Record<string, string | undefined> }) {
  const { t } = useI18n();
  return (
    <ExportButton
      path="/api/trips/export"
      filters={filters}
      fallbackName="trips.xlsx"
      label={t('trips.export')}
      testId="trip-export"
    />
  );
}
