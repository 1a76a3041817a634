import { BulbOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { MeetingFormModal } from './MeetingFormModal';
import type { TripDetail, TripMeeting } from './trip-types';
import { TripLeadModal } from './TripLeadModal';
import { useTripMutations } from './trips-api';

/** The trip's meetings in the order they happened; writers add, edit and delete them and create leads from them. */
export function MeetingsTimeline({ trip, writer }: { trip: TripDetail; writer: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showProblem = useShowProblem();
  const { removeMeeting } = useTripMutations();
  const [editing, setEditing] = useState<TripMeeting | 'new' | null>(null);
  const [leadFrom, setLeadFrom] = useState<TripMeeting | null>(null);

  const leadsOf = (meeting: TripMeeting) => trip.leads.filter((l) => String(l.tripMeetingId) === String(meeting.id));

  const confirmDelete = (meeting: TripMeeting) =>
    modal.confirm({
      title: t('trips.meetingDeleteConfirm', { organisation: meeting.organisation }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        removeMeeting.mutateAsync({ tripId: trip.id, meetingId: meeting.id }).then(
          () => void message.success(t('common.deleted')),
          (error: unknown) => showProblem(error),
        ),
    });

  const items = trip.meetings.map((meeting) => {
    const leads = leadsOf(meeting);
    return {
      key: String(meeting.id),
      color: leads.length ? 'green' : 'blue',
      content: (
        <div data-testid="trip-meeting">
          <Space wrap align="center">
            <Typography.Text type="secondary">{meeting.metOn}</Typography.Text>
            <Typography.Text strong>{meeting.organisation}</Typography.Text>
            {leads.length > 0 && <Tag color="green">{t('trips.meetingLeads', { count: leads.length })}</Tag>}
            {writer && (
              <>
                <Button size="small" icon={<BulbOutlined />} onClick={() => setLeadFrom(meeting)}>
                  {t('trips.leadCreate')}
                </Button>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit')}
                  onClick={() => setEditing(meeting)}
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => confirmDelete(meeting)}
                />
              </>
            )}
          </Space>
          {meeting.people && (
            <Space size={8}>
              <Typography.Text type="secondary">{t('trips.people')}</Typography.Text>
              <span>{meeting.people}</span>
            </Space>
          )}
          {meeting.notes && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {meeting.notes}
            </Typography.Paragraph>
          )}
        </div>
      ),
    };
  });

  return (
    <Card
      title={t('trips.meetings')}
      extra={
        writer && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('trips.meetingAdd')}
          </Button>
        )
      }
    >
      {items.length ? <Timeline items={items} /> : <Empty description={t('trips.meetingEmpty')} />}
      <MeetingFormModal trip={trip} target={editing} onClose={() => setEditing(null)} />
      <TripLeadModal trip={trip} meeting={leadFrom} onClose={() => setLeadFrom(null)} />
    </Card>
  );
}
