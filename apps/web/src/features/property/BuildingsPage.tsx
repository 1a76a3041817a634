import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { canSee, PATHS } from '../../app/access';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { CreateParkModal, type CreateTarget } from './CreateParkModal';
import { useBuildings, useParks, usePropertyMutations } from './property-api';
import { buildingPath, canEditProperty } from './property-format';
import type { Building } from './property-types';

/** 楼宇与租控: each park with its buildings; a building opens its rent-control table. */
export function BuildingsPage() {
  const { t } = useI18n();
  const user = useUser();
  const parks = useParks();
  const buildings = useBuildings();
  const navigate = useNavigate();
  const [target, setTarget] = useState<CreateTarget | null>(null);
  const editable = canEditProperty(user.role);
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const { deletePark, deleteBuilding } = usePropertyMutations();
  const deleted = () => void message.success(t('property.deleted'));
  /** 编辑 and 删除 of a park or a building; the server refuses deleting what still has buildings or units. */
  const recordActions = (edit: () => void, confirm: string, remove: () => Promise<unknown>, testId: string) => (
    <Space size="small">
      <Button size="small" onClick={edit} data-testid={`${testId}-edit`}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={confirm}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        onConfirm={() => remove().then(deleted, showProblem)}
      >
        <Button size="small" danger data-testid={`${testId}-delete`}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );

  const columns = [
    {
      key: 'name',
      title: t('property.buildingName'),
      render: (_: unknown, b: Building) => <Link to={buildingPath(b.id)}>{b.name}</Link>,
    },
    { key: 'floorCount', dataIndex: 'floorCount', title: t('property.floorCount'), width: 120 },
    {
      key: 'open',
      title: t('common.actions'),
      width: 120,
      render: (_: unknown, b: Building) => <Link to={buildingPath(b.id)}>{t('property.openRentControl')}</Link>,
    },
    ...(editable
      ? [
          {
            key: 'edit',
            title: '',
            width: 150,
            render: (_: unknown, b: Building) =>
              recordActions(
                () => setTarget({ kind: 'building', building: b }),
                t('property.deleteBuildingConfirm', { name: b.name }),
                () => deleteBuilding.mutateAsync({ id: b.id, version: b.version }),
                `building-${b.id}`,
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('property.parks')}
      loading={parks.isPending}
      extra={
        editable && (
          <Space>
            {canSee('unitImport', user.role) && (
              <Button
                icon={<UploadOutlined />}
                onClick={() => void navigate(PATHS.unitImport)}
                data-testid="unit-import"
              >
                {t('property.importUnits')}
              </Button>
            )}
            {canSee('parcelImport', user.role) && (
              <Button
                icon={<UploadOutlined />}
                onClick={() => void navigate(PATHS.parcelImport)}
                data-testid="parcel-import"
              >
                {t('property.importParcels')}
              </Button>
            )}
            <Button onClick={() => setTarget({ kind: 'park' })} data-testid="park-create">
              {t('property.createPark')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={(parks.data ?? []).length === 0}
              onClick={() => setTarget({ kind: 'building' })}
              data-testid="building-create"
            >
              {t('property.createBuilding')}
            </Button>
          </Space>
        )
      }
    >
      {(parks.data ?? []).length === 0 && <Empty description={t('property.noParks')} />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {(parks.data ?? []).map((park) => (
          <Card
            key={park.id}
            type="inner"
            title={park.name}
            extra={
              <Space>
                {park.address && <Typography.Text type="secondary">{park.address}</Typography.Text>}
                {editable && (
                  <Button size="small" onClick={() => setTarget({ kind: 'building', parkId: String(park.id) })}>
                    {t('property.createBuilding')}
                  </Button>
                )}
                {editable &&
                  recordActions(
                    () => setTarget({ kind: 'park', park }),
                    t('property.deleteParkConfirm', { name: park.name }),
                    () => deletePark.mutateAsync({ id: park.id, version: park.version }),
                    `park-${park.id}`,
                  )}
              </Space>
            }
            data-testid={`park-${park.id}`}
          >
            <Table<Building>
              rowKey="id"
              size="small"
              pagination={false}
              loading={buildings.isFetching}
              dataSource={(buildings.data ?? []).filter((b) => String(b.parkId) === String(park.id))}
              columns={columns}
              locale={{ emptyText: t('property.noBuildings') }}
            />
          </Card>
        ))}
      </Space>
      <CreateParkModal target={target} parks={parks.data ?? []} onClose={() => setTarget(null)} />
    </Card>
  );
}
