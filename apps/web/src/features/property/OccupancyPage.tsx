import { Alert, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { enterprisePath, PATHS } from '../../app/access';
import { useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useOccupancy, type EndingLease, type Occupancy } from './occupancy-api';
import { useParks } from './property-api';
import { formatArea, formatPercent, unitTypeLabel } from './property-format';
import { VacancyChart } from './VacancyChart';

const FILTER_KEYS = ['parkId'] as const;

/** 出租率看板: vacancy by building and unit type, idle land and the leases ending soon; the park in the URL. */
export function OccupancyPage() {
  const { t, locale } = useI18n();
  const filters = useUrlFilters(FILTER_KEYS);
  const parks = useParks();
  const report = useOccupancy(filters.values.parkId);
  const data = report.data;
  const areaOf = (r: Occupancy, status: string) => r.parcels.byStatus.find((s) => s.status === status)?.area ?? 0;

  const kpis: {
    key: string;
    title: string;
    value: (r: Occupancy) => string | number;
    hint: (r: Occupancy) => string;
  }[] = [
    {
      key: 'vacancy',
      title: t('occupancy.vacancyRate'),
      value: (r) => formatPercent(r.total.vacancyRate.byArea),
      hint: (r) => t('occupancy.vacancyByCount', { rate: formatPercent(r.total.vacancyRate.byCount) }),
    },
    {
      key: 'vacant-area',
      title: t('occupancy.vacantArea'),
      value: (r) => formatArea(r.total.vacantArea),
      hint: (r) => t('occupancy.vacantUnits', { count: r.total.vacantUnits, reserved: r.total.reservedUnits }),
    },
    {
      key: 'idle-land',
      title: t('occupancy.idleLand'),
      value: (r) => formatArea(r.parcels.idleArea),
      hint: (r) =>
        t('occupancy.idleLandHint', {
          idle: formatArea(areaOf(r, 'idle')),
          inefficient: formatArea(areaOf(r, 'inefficient')),
        }),
    },
    {
      key: 'ending',
      title: t('occupancy.ending90'),
      value: (r) => r.leasesEnding.within90,
      hint: (r) => t('occupancy.endingHint', { d30: r.leasesEnding.within30, d60: r.leasesEnding.within60 }),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('occupancy.title')} extra={data && t('occupancy.asOf', { date: data.date })}>
        <Space wrap size="middle">
          <span>{t('occupancy.park')}</span>
          <Select
            allowClear
            placeholder={t('occupancy.allParks')}
            aria-label={t('occupancy.park')}
            value={filters.values.parkId}
            onChange={(parkId?: string) => filters.setFilters({ parkId })}
            options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            style={{ width: 260 }}
            data-testid="occupancy-park"
          />
        </Space>
        <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('occupancy.scopeHint')} />
      </Card>

      {report.isError ? (
        <Alert type="error" showIcon title={t('error.unexpected')} />
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="occupancy-kpis">
            {kpis.map((k) => (
              <Col key={k.key} xs={24} sm={12} xl={6}>
                <Card loading={!data} data-testid={`occupancy-kpi-${k.key}`}>
                  {data && (
                    <>
                      <Statistic title={k.title} value={k.value(data)} />
                      <Typography.Text type="secondary">{k.hint(data)}</Typography.Text>
                    </>
                  )}
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={t('occupancy.byBuilding')} loading={!data}>
                {data && (
                  <VacancyChart
                    bars={data.buildings.map((b) => ({ ...b, rate: b.vacancyRate.byArea }))}
                    label={t('occupancy.byBuildingChart')}
                    testId="occupancy-by-building"
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('occupancy.byType')} loading={!data}>
                {data && (
                  <VacancyChart
                    bars={data.unitTypes.map((u) => ({
                      ...u,
                      name: unitTypeLabel(u.type, locale),
                      rate: u.vacancyRate.byArea,
                    }))}
                    label={t('occupancy.byTypeChart')}
                    testId="occupancy-by-type"
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Card
            title={t('occupancy.ending')}
            loading={!data}
            extra={<Link to={`${PATHS.leases}?status=active`}>{t('occupancy.allLeases')}</Link>}
          >
            <Table<EndingLease>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={data?.leasesEnding.next ?? []}
              locale={{ emptyText: t('occupancy.noneEnding') }}
              columns={[
                {
                  key: 'company',
                  title: t('occupancy.company'),
                  render: (_, l) => <Link to={enterprisePath(l.enterprise.id)}>{l.enterprise.name}</Link>,
                },
                {
                  key: 'units',
                  title: t('occupancy.units'),
                  render: (_, l) => l.units.map((u) => `${u.buildingName} ${u.code}`).join('、'),
                },
                { key: 'endsOn', title: t('occupancy.endsOn'), dataIndex: 'endsOn' },
                {
                  key: 'daysLeft',
                  title: t('occupancy.daysLeft'),
                  render: (_, l) => (
                    <Tag color={l.daysLeft <= 30 ? 'red' : l.daysLeft <= 60 ? 'orange' : 'gold'}>
                      {t('occupancy.days', { days: l.daysLeft })}
                    </Tag>
                  ),
                },
              ]}
              data-testid="occupancy-ending"
            />
          </Card>
        </>
      )}
    </Space>
  );
}
