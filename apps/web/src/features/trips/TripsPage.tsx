import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { tripPath } from '../../app/access';
import { useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { canWriteTrips, tripDates } from './trip-format';
import { TRIP_SORTS, type TripSort, type TripSummary } from './trip-types';
import { TripExportButton } from './TripExportButton';
import { TripFilters } from './TripFilters';
import { TripFormDrawer } from './TripFormDrawer';
import { TRIP_FILTER_KEYS, useTrips } from './trips-api';

const asSort = (value: string | undefined): TripSort | undefined => TRIP_SORTS.find((sort) => sort === value);

/** 考察: the office's investigation trips, latest first; filters and page in the URL. */
export function TripsPage() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const filters = useUrlFilters(TRIP_FILTER_KEYS);
  const { sort, ...values } = filters.values;
  const list = useTrips({ ...values, sort: asSort(sort), page: filters.page, pageSize: filters.pageSize });
  const [creating, setCreating] = useState(false);
  const current = asSort(sort) ?? '-startsOn';
  const order = (key: string) =>
    current === key ? ('ascend' as const) : current === `-${key}` ? ('descend' as const) : null;

  const columns: TableProps<TripSummary>['columns'] = [
    {
      key: 'title',
      title: t('trips.title'),
      sorter: true,
      sortOrder: order('title'),
      render: (_, trip) => <Link to={tripPath(trip.id)}>{trip.title}</Link>,
    },
    { key: 'destination', title: t('trips.destination'), dataIndex: 'destination' },
    {
      key: 'startsOn',
      title: t('trips.dates'),
      sorter: true,
      sortOrder: order('startsOn'),
      render: (_, trip) => tripDates(trip, t),
    },
    {
      key: 'members',
      title: t('trips.members'),
      render: (_, trip) => trip.members.map((m) => <Tag key={String(m.id)}>{m.displayName}</Tag>),
    },
    { key: 'meetingCount', title: t('trips.meetingCount'), dataIndex: 'meetingCount', align: 'right' },
    { key: 'leadCount', title: t('trips.leadCount'), dataIndex: 'leadCount', align: 'right' },
  ];

  const onChange: TableProps<TripSummary>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'paginate') {
      filters.setPage(pagination.current ?? 1, pagination.pageSize ?? filters.pageSize);
      return;
    }
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.order ? String(one.columnKey) : '';
    filters.setFilters({ sort: key && (one?.order === 'descend' ? `-${key}` : key) });
  };

  return (
    <Card
      title={t('nav.trips')}
      extra={
        <Space>
          <TripExportButton filters={filters.values} />
          {canWriteTrips(user.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('trips.create')}
            </Button>
          )}
        </Space>
      }
    >
      <TripFilters filters={filters} />
      <Table<TripSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        data-testid="trips-table"
      />
      <TripFormDrawer
        target={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(saved) => void navigate(tripPath(saved.id))}
      />
    </Card>
  );
}
