import { App, Button, Descriptions, Drawer, Popconfirm, Space, Tag } from 'antd';
import { canSee } from '../../app/access';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { useShowProblem } from '../../components/use-show-problem';
import { useLeases, usePropertyMutations } from './property-api';
import {
  canEditProperty,
  formatArea,
  formatMoney,
  LEASE_STATUS_COLORS,
  leaseStatusLabel,
  statusColors,
  unitStatusLabel,
  unitTypeLabel,
} from './property-format';
import type { Lease, Unit } from './property-types';
import { floorName } from './RentControlTable';

const leaseText = (lease: Lease | undefined) =>
  lease ? `${lease.enterprise.name} · ${lease.startsOn} ~ ${lease.endsOn} · ${formatMoney(lease.monthlyRent)}` : null;

/** A unit of the rent-control table: all its attributes, and the lease that covers it now and the next one. */
export function UnitDrawer({
  unit,
  onClose,
  onEdit,
  onOffer,
}: {
  unit: Unit | null;
  onClose: () => void;
  onEdit: () => void;
  /** Offers the vacant unit in a new rental notice (absent: the user may not write notices). */
  onOffer?: () => void;
}) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const mutations = usePropertyMutations();
  const mayReadLeases = canSee('leases', user.role);
  const leases = useLeases(
    { unitId: unit ? String(unit.id) : undefined, sort: 'startsOn', page: 1, pageSize: 50 },
    unit !== null && mayReadLeases,
  );
  const items = leases.data?.items ?? [];
  const current = items.find((l) => l.status === 'active');
  const next = items.find((l) => l.status === 'upcoming');
  const yes = (v: boolean) => (v ? t('common.yes') : t('common.no'));

  return (
    <Drawer
      open={unit !== null}
      title={unit ? `${unit.building.name} · ${unit.code}` : ''}
      size={560}
      onClose={onClose}
      extra={
        unit &&
        canEditProperty(user.role) && (
          <Space>
            <Popconfirm
              title={t('property.deleteUnitConfirm')}
              okText={t('common.delete')}
              okButtonProps={{ danger: true, loading: mutations.deleteUnit.isPending }}
              onConfirm={() =>
                mutations.deleteUnit.mutateAsync({ id: unit.id, version: unit.version }).then(() => {
                  message.success(t('property.unitDeleted'));
                  onClose();
                }, showProblem)
              }
            >
              <Button danger data-testid="unit-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
            {onOffer && unit.status === 'vacant' && (
              <Button onClick={onOffer} data-testid="unit-offer">
                {t('notices.create')}
              </Button>
            )}
            <Button type="primary" onClick={onEdit} data-testid="unit-edit">
              {t('common.edit')}
            </Button>
          </Space>
        )
      }
      data-testid="unit-drawer"
    >
      {unit && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('property.status')}>
            <Tag color={statusColors(unit.status).tag} data-testid="unit-drawer-status">
              {unitStatusLabel(unit.status, locale)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('property.floorNumber')}>{floorName(unit.floor, t)}</Descriptions.Item>
          <Descriptions.Item label={t('property.type')}>{unitTypeLabel(unit.type, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('property.area')}>{formatArea(unit.area)}</Descriptions.Item>
          <Descriptions.Item label={t('property.rent')}>
            {unit.monthlyRentPerSqm === null ? '—' : formatMoney(unit.monthlyRentPerSqm)}
          </Descriptions.Item>
          <Descriptions.Item label={t('property.floorLoad')}>{unit.floorLoadKn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('property.labWater')}>{yes(unit.labWater)}</Descriptions.Item>
          <Descriptions.Item label={t('property.exhaust')}>{yes(unit.exhaust)}</Descriptions.Item>
          <Descriptions.Item label={t('property.cleanRoom')}>{unit.cleanRoomGrade ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('property.gmpReady')}>{yes(unit.gmpReady)}</Descriptions.Item>
          <Descriptions.Item label={t('property.envPermit')}>{yes(unit.envPermit)}</Descriptions.Item>
          <Descriptions.Item label={t('property.notes')}>{unit.notes ?? '—'}</Descriptions.Item>
          {mayReadLeases && (
            <>
              <Descriptions.Item label={t('property.currentLease')}>
                <span data-testid="unit-current-lease">{leaseText(current) ?? t('property.noLease')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('property.nextLease')}>
                {leaseText(next) ?? t('property.noLease')}
              </Descriptions.Item>
              <Descriptions.Item label={t('property.leaseHistory')}>
                {items.length === 0
                  ? t('property.noLease')
                  : items.map((l) => (
                      <div key={l.id}>
                        <Tag color={LEASE_STATUS_COLORS[l.status] ?? 'default'}>
                          {leaseStatusLabel(l.status, locale)}
                        </Tag>
                        {leaseText(l)}
                      </div>
                    ))}
              </Descriptions.Item>
            </>
          )}
        </Descriptions>
      )}
    </Drawer>
  );
}
