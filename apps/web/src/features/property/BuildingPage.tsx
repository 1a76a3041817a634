import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row, Space, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { canSee, PATHS } from '../../app/access';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { AddFloorModal } from './AddFloorModal';
import { useBuilding } from './property-api';
import { canEditProperty, formatArea, formatPercent } from './property-format';
import type { Unit } from './property-types';
import { RentalNoticeDrawer, type NoticeFormTarget } from './RentalNoticeDrawer';
import { RentControlTable, StatusLegend } from './RentControlTable';
import { rentControl } from './rent-control';
import { UnitDrawer } from './UnitDrawer';
import { UnitFormDrawer, type UnitFormTarget } from './UnitFormDrawer';
import { intoBuilding } from '../imports/ImportTarget';

/** A building's page: its vacancy, the legend with counts and the rent-control table. */
export function BuildingPage() {
  const { t } = useI18n();
  const user = useUser();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const building = useBuilding(id);
  const [openUnitId, setOpenUnitId] = useState<string | null>(null);
  const [formTarget, setFormTarget] = useState<UnitFormTarget | null>(null);
  const [addingFloor, setAddingFloor] = useState(false);
  const [noticeTarget, setNoticeTarget] = useState<NoticeFormTarget | null>(null);
  const editable = canEditProperty(user.role);
  const data = building.data;
  const table = useMemo(() => (data ? rentControl(data.floors, data.units) : null), [data]);

  if (building.isError) {
    const notFound = isApiError(building.error, 'not-found');
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '404' : t('error.unexpected')}
        subTitle={notFound ? t('error.notFoundPage') : undefined}
      />
    );
  }
  // The drawer follows the refreshed building, so an edit or a new lease shows at once.
  const openUnit: Unit | null = data?.units.find((u) => String(u.id) === openUnitId) ?? null;

  return (
    <Card
      loading={building.isPending}
      title={
        <Space>
          <Link to={PATHS.buildings}>
            <ArrowLeftOutlined />
          </Link>
          {data?.name}
        </Space>
      }
      extra={
        data && (
          <Space>
            {canSee('unitImport', user.role) && (
              <Button
                icon={<UploadOutlined />}
                onClick={() => void navigate(intoBuilding(PATHS.unitImport, String(data.id)))}
                data-testid="building-unit-import"
              >
                {t('property.importUnits')}
              </Button>
            )}
            {editable && (
              <Button onClick={() => setAddingFloor(true)} data-testid="floor-create">
                {t('property.addFloor')}
              </Button>
            )}
            {editable && (
              <Button
                onClick={() => setNoticeTarget({ mode: 'new', buildingId: String(data.id) })}
                data-testid="notice-from-building"
              >
                {t('notices.create')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {data && table && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic
                title={t('property.vacancyRate')}
                value={formatPercent(table.vacancyRate)}
                data-testid="vacancy-rate"
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('property.unitCount')} value={data.units.length} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('property.totalArea')} value={formatArea(table.totalArea)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('property.vacantArea')} value={formatArea(table.vacantArea)} />
            </Col>
          </Row>
          <StatusLegend counts={table.counts} />
          <RentControlTable
            table={table}
            onOpen={(unit) => setOpenUnitId(String(unit.id))}
            {...(editable ? { onAdd: (floor) => setFormTarget({ mode: 'new', floor }) } : {})}
          />
          <AddFloorModal building={data} open={addingFloor} onClose={() => setAddingFloor(false)} />
        </Space>
      )}
      <UnitDrawer
        unit={openUnit}
        onClose={() => setOpenUnitId(null)}
        onEdit={() => openUnit && setFormTarget({ mode: 'edit', unit: openUnit })}
        {...(editable && openUnit
          ? {
              // The unit's drawer gives way to the notice's form.
              onOffer: () => {
                setOpenUnitId(null);
                setNoticeTarget({
                  mode: 'new',
                  buildingId: String(openUnit.building.id),
                  unitIds: [String(openUnit.id)],
                });
              },
            }
          : {})}
      />
      <UnitFormDrawer target={formTarget} onClose={() => setFormTarget(null)} />
      <RentalNoticeDrawer
        target={noticeTarget}
        onClose={() => setNoticeTarget(null)}
        onSaved={() => void navigate(PATHS.rentalNotices)}
      />
    </Card>
  );
}
