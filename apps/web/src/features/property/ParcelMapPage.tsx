import { Alert, Card, Typography } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { usePropertyMap } from './occupancy-api';
import { ParcelMap } from './ParcelMap';

/** 地块地图: the office's parcels by status and the park's buildings, from their outlines. */
export function ParcelMapPage() {
  const { t } = useI18n();
  const map = usePropertyMap();
  return (
    <Card title={t('parcelMap.title')} loading={map.isPending}>
      <Typography.Paragraph type="secondary">{t('parcelMap.hint')}</Typography.Paragraph>
      {map.isError ? (
        <Alert type="error" showIcon title={t('error.unexpected')} />
      ) : (
        map.data && <ParcelMap map={map.data} />
      )}
    </Card>
  );
}
