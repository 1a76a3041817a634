import { Alert } from 'antd';
import { useBuildings } from '../property/property-api';
import { useImportI18n } from './use-import-i18n';

/** A path with the building a units import goes into (导入房源 from a building's page), when there is one. */
export const intoBuilding = (path: string, buildingId: string | undefined) =>
  buildingId ? `${path}?buildingId=${encodeURIComponent(buildingId)}` : path;

/** 导入到：the building a units import goes into, with what that means for its rows. */
export function ImportTarget({ buildingId }: { buildingId: string | undefined }) {
  const { t } = useImportI18n('units');
  // The office's buildings (a short list, shared with the property pages), not the building with all its units.
  const buildings = useBuildings();
  if (!buildingId) return null;
  const building = buildings.data?.find((b) => String(b.id) === buildingId);
  const unknown = buildings.isError || (buildings.isSuccess && !building);
  return (
    <Alert
      type={unknown ? 'error' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="import-target"
      message={t('unitImport.into', { name: building?.name ?? (unknown ? buildingId : '…') })}
      description={t('unitImport.intoHint')}
    />
  );
}
