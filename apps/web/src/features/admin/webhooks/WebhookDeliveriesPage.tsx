import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { formatDateTimeSeconds } from '../../../components/format';
import { useShowProblem } from '../../../components/use-show-problem';
import { useUrlFilters } from '../../../components/use-url-filters';
import { departmentName } from '../../../i18n/labels';
import { useI18n } from '../../../i18n/use-i18n';
import { useDepartments } from '../departments/departments-api';
import {
  useRetryWebhook,
  useWebhookDeliveries,
  WEBHOOK_FILTER_KEYS,
  WEBHOOK_STATUSES,
  type WebhookDelivery,
  type WebhookStatus,
} from './webhooks-api';

const STATUS_COLOURS: Record<WebhookStatus, string> = { pending: 'blue', delivered: 'green', failed: 'red' };

/** 推送日志: what went to the departments' robots, what failed and why; a failed message can be sent again. */
export function WebhookDeliveriesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const filters = useUrlFilters(WEBHOOK_FILTER_KEYS, 50);
  const deliveries = useWebhookDeliveries({ ...filters.values, page: filters.page, pageSize: filters.pageSize });
  const departments = useDepartments();
  const retry = useRetryWebhook();

  const columns: TableColumnsType<WebhookDelivery> = [
    {
      title: t('webhooks.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTimeSeconds(v),
    },
    {
      title: t('webhooks.department'),
      dataIndex: 'departmentName',
      width: 160,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('webhooks.event'), dataIndex: 'event', width: 160 },
    {
      title: t('webhooks.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: WebhookStatus) => <Tag color={STATUS_COLOURS[s]}>{t(`webhooks.status.${s}`)}</Tag>,
    },
    { title: t('webhooks.attempts'), dataIndex: 'attempts', align: 'right', width: 90 },
    { title: t('webhooks.lastStatus'), dataIndex: 'lastStatus', width: 100, render: (v: number | null) => v ?? '—' },
    {
      title: t('webhooks.lastError'),
      dataIndex: 'lastError',
      width: 280,
      ellipsis: { showTitle: false },
      render: (v: string | null) =>
        v ? (
          <Tooltip title={v}>
            <Typography.Text type="danger">{v}</Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('webhooks.nextAttemptAt'),
      dataIndex: 'nextAttemptAt',
      width: 170,
      render: (v: string | null) => formatDateTimeSeconds(v),
    },
    {
      title: t('webhooks.deliveredAt'),
      dataIndex: 'deliveredAt',
      width: 170,
      render: (v: string | null) => formatDateTimeSeconds(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 110,
      render: (_, d) =>
        d.status === 'failed' && (
          <Popconfirm
            title={t('webhooks.retryConfirm')}
            okText={t('webhooks.retry')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              retry.mutateAsync(d.id).then(
                () => void message.success(t('webhooks.retried')),
                (error: unknown) => showProblem(error),
              )
            }
          >
            <Button type="link" size="small" data-testid={`webhook-retry-${d.id}`}>
              {t('webhooks.retry')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card title={t('webhooks.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('webhooks.hint')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('webhooks.allStatuses')}
          value={filters.values.status}
          onChange={(status?: string) => filters.setFilters({ status })}
          options={WEBHOOK_STATUSES.map((s) => ({ value: s, label: t(`webhooks.status.${s}`) }))}
          data-testid="webhook-status"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          placeholder={t('webhooks.allDepartments')}
          value={filters.values.departmentId}
          onChange={(departmentId?: string) => filters.setFilters({ departmentId })}
          options={(departments.data ?? []).map((d) => ({ value: String(d.id), label: departmentName(d, locale) }))}
          data-testid="webhook-department"
        />
      </Space>
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        loading={deliveries.isFetching}
        dataSource={deliveries.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('webhooks.none') }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: deliveries.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
          onChange: filters.setPage,
        }}
        data-testid="webhook-deliveries"
      />
    </Card>
  );
}
