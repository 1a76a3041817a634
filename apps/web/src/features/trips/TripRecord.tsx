import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/client';
import type { Id } from '../../api/types';
import { PATHS } from '../../app/access';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { MeetingsTimeline } from './MeetingsTimeline';
import { canWriteTrips, tripDates } from './trip-format';
import { TripFormDrawer } from './TripFormDrawer';
import { TripLeadsTable } from './TripLeadsTable';
import { useTrip, useTripMutations } from './trips-api';

/** One trip: header (dates, destination, members), its meetings as a timeline, and the leads it produced. */
export function TripRecord({ id }: { id: Id }) {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const showProblem = useShowProblem();
  const record = useTrip(id);
  const { remove } = useTripMutations();
  const [editing, setEditing] = useState(false);

  if (record.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (record.isError) {
    const notFound = isApiError(record.error) && record.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '404' : t('error.unexpected')}
        subTitle={isApiError(record.error) ? record.error.problem.detail : undefined}
      />
    );
  }
  const trip = record.data;
  const writer = canWriteTrips(user.role);

  const back = () => {
    const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    void (index > 0 ? navigate(-1) : navigate(PATHS.trips));
  };
  const confirmDelete = () =>
    modal.confirm({
      title: t('trips.deleteConfirm', { title: trip.title }),
      content: t('trips.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(trip.id).then(
          () => {
            void message.success(t('common.deleted'));
            void navigate(PATHS.trips, { replace: true });
          },
          (error: unknown) => showProblem(error),
        ),
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="trip-title">
            {trip.title}
          </Typography.Title>
        }
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={back}>
              {t('common.back')}
            </Button>
            {writer && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            {writer && (
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
                {t('common.delete')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'destination', label: t('trips.destination'), children: trip.destination },
            {
              key: 'dates',
              label: t('trips.dates'),
              children: <span data-testid="trip-dates">{tripDates(trip, t)}</span>,
            },
            { key: 'createdBy', label: t('trips.createdBy'), children: trip.createdBy?.displayName ?? '—' },
            {
              key: 'members',
              label: t('trips.members'),
              span: 'filled',
              children: (
                <span data-testid="trip-members">
                  {trip.members.length ? trip.members.map((m) => <Tag key={String(m.id)}>{m.displayName}</Tag>) : '—'}
                </span>
              ),
            },
            { key: 'purpose', label: t('trips.purpose'), span: 'filled', children: trip.purpose ?? '—' },
            ...(trip.notes
              ? [{ key: 'notes', label: t('trips.notes'), span: 'filled' as const, children: trip.notes }]
              : []),
          ]}
        />
      </Card>
      <MeetingsTimeline trip={trip} writer={writer} />
      <TripLeadsTable trip={trip} />
      <TripFormDrawer target={editing ? trip : null} onClose={() => setEditing(false)} />
    </Space>
  );
}
