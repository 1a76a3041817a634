import { Alert, App, Button, Descriptions, Drawer, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatDateTime } from '../../components/format';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { formatArea, formatMoney, statusColors, unitStatusLabel, unitTypeLabel } from './property-format';
import { NOTICE_STATUS_COLORS, noticeStatusLabel } from './rental-notice-format';
import { RentalNoticePhotos } from './RentalNoticePhotos';
import { useRentalNotice, useRentalNoticeMutations, type NoticeUnit, type RentalNotice } from './rental-notices-api';

/** A notice's record: its text, units as they are today, photos, and the publish / withdraw / delete steps. */
export function RentalNoticePanel({
  noticeId,
  writable,
  onClose,
  onEdit,
  onWithdraw,
}: {
  noticeId: string | null;
  writable: boolean;
  onClose: () => void;
  onEdit: (notice: RentalNotice) => void;
  onWithdraw: (notice: RentalNotice) => void;
}) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const showProblem = useShowProblem();
  const record = useRentalNotice(noticeId);
  const { publish, remove } = useRentalNoticeMutations();
  const n = noticeId !== null ? record.data : undefined;

  const confirmPublish = (notice: RentalNotice) =>
    modal.confirm({
      title: t('notices.publishConfirm', { title: notice.title }),
      okText: t('notices.publish'),
      cancelText: t('common.cancel'),
      onOk: () =>
        publish.mutateAsync({ id: notice.id, version: notice.version }).then(
          () => void message.success(t('notices.publishedOk')),
          (error: unknown) => showProblem(error),
        ),
    });
  const confirmDelete = (notice: RentalNotice) =>
    modal.confirm({
      title: t('notices.deleteConfirm', { title: notice.title }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(notice.id).then(
          () => {
            void message.success(t('common.deleted'));
            onClose();
          },
          (error: unknown) => showProblem(error),
        ),
    });

  const yes = (v: boolean, text: string) => (v ? <Tag key={text}>{text}</Tag> : null);
  const columns: TableColumnsType<NoticeUnit> = [
    { title: t('notices.units'), render: (_, u) => `${u.building.name} ${u.code}` },
    {
      title: t('property.floorNumber'),
      render: (_, u) => u.floor.label ?? t('notices.floor', { floor: u.floor.number }),
    },
    { title: t('property.type'), render: (_, u) => unitTypeLabel(u.type, locale) },
    { title: t('property.area'), align: 'right', render: (_, u) => formatArea(u.area) },
    {
      title: t('property.rent'),
      align: 'right',
      render: (_, u) => (u.monthlyRentPerSqm === null ? '—' : formatMoney(u.monthlyRentPerSqm)),
    },
    {
      title: t('property.status'),
      render: (_, u) => (
        <Space size={4}>
          <Tag color={statusColors(u.status).tag}>{unitStatusLabel(u.status, locale)}</Tag>
          {!u.available && <Tag color="red">{t('notices.unitTaken')}</Tag>}
        </Space>
      ),
    },
    {
      title: '',
      render: (_, u) => [
        yes(u.labWater, t('property.labWater')),
        yes(u.exhaust, t('property.exhaust')),
        yes(u.gmpReady, t('property.gmpReady')),
        yes(u.envPermit, t('property.envPermit')),
        u.cleanRoomGrade ? <Tag key="clean">{u.cleanRoomGrade}</Tag> : null,
      ],
    },
  ];

  const actions = n && writable && (
    <Space>
      {n.status !== 'withdrawn' && (
        <Button onClick={() => onEdit(n)} data-testid="notice-edit">
          {t('common.edit')}
        </Button>
      )}
      {n.status === 'draft' && (
        <>
          <Button danger onClick={() => confirmDelete(n)} data-testid="notice-delete">
            {t('notices.delete')}
          </Button>
          <Button type="primary" onClick={() => confirmPublish(n)} data-testid="notice-publish">
            {t('notices.publish')}
          </Button>
        </>
      )}
      {n.status === 'published' && (
        <Button danger onClick={() => onWithdraw(n)} data-testid="notice-withdraw">
          {t('notices.withdraw')}
        </Button>
      )}
    </Space>
  );

  return (
    <Drawer
      open={noticeId !== null}
      title={n?.title ?? ''}
      size={880}
      onClose={onClose}
      extra={actions}
      loading={record.isPending}
      data-testid="notice-panel"
    >
      {n && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {n.status === 'published' && !n.available && (
            <Alert type="warning" showIcon title={t('notices.unavailable')} />
          )}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('notices.status')}>
              <Tag color={NOTICE_STATUS_COLORS[n.status] ?? 'default'} data-testid="notice-status">
                {noticeStatusLabel(n.status, locale)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.totalArea')}>{formatArea(n.totalArea)}</Descriptions.Item>
            <Descriptions.Item label={t('notices.rent')}>
              {n.askingRentPerSqm === null
                ? t('notices.unitRent')
                : t('notices.rentValue', { rent: n.askingRentPerSqm })}
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.contact')}>
              {[n.contactName, n.contactPhone].filter(Boolean).join(' · ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.publishedAt')}>{formatDateTime(n.publishedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(n.createdAt)}</Descriptions.Item>
            {n.status === 'withdrawn' && (
              <>
                <Descriptions.Item label={t('notices.withdrawnAt')}>{formatDateTime(n.withdrawnAt)}</Descriptions.Item>
                <Descriptions.Item label={t('notices.withdrawnReason')}>{n.withdrawnReason}</Descriptions.Item>
              </>
            )}
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-body-text">
            {n.body}
          </Typography.Paragraph>
          <Table<NoticeUnit>
            rowKey={(u) => String(u.id)}
            size="small"
            pagination={false}
            dataSource={n.units}
            columns={columns}
            scroll={{ x: 'max-content' }}
          />
          <Typography.Title level={5}>{t('notices.photos')}</Typography.Title>
          <RentalNoticePhotos notice={n} writable={writable} />
        </Space>
      )}
    </Drawer>
  );
}
