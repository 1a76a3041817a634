import { Card, Flex, Table, Tag, type TableColumnsType } from 'antd';
import type { AuditEvent, AuditOutcome } from '../../../api/types';
import { formatDateTimeSeconds } from '../../../components/format';
import { JsonBlock } from '../../../components/JsonBlock';
import { useUrlFilters } from '../../../components/use-url-filters';
import { roleLabel } from '../../../i18n/labels';
import { useI18n } from '../../../i18n/use-i18n';
import { AUDIT_FILTER_KEYS, useAuditEvents } from './audit-api';
import { AuditFilters } from './AuditFilters';

const OUTCOME_COLOURS: Record<AuditOutcome, string> = { ok: 'green', refused: 'orange', failed: 'red' };

const text = (value: unknown): string =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

export function AuditPage() {
  const { t, locale } = useI18n();
  const filters = useUrlFilters(AUDIT_FILTER_KEYS, 50);
  const events = useAuditEvents({ ...filters.values, page: filters.page, pageSize: filters.pageSize });

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (_, e) => formatDateTimeSeconds(e.at) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUsername',
      render: (_, e) => (
        <>
          {e.actorUsername ?? '—'}
          {e.actorRole && <Tag style={{ marginLeft: 6 }}>{roleLabel(e.actorRole, locale)}</Tag>}
        </>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (_, e) => e.ip ?? '—' },
    { title: t('audit.action'), dataIndex: 'action' },
    { title: t('audit.entityType'), dataIndex: 'entityType' },
    { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true, render: (_, e) => text(e.entityId) },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 100,
      render: (_, e) => <Tag color={OUTCOME_COLOURS[e.outcome]}>{t(`audit.outcome.${e.outcome}`)}</Tag>,
    },
    { title: t('audit.detail'), dataIndex: 'detail', ellipsis: true, render: (_, e) => text(e.detail) },
  ];

  return (
    <Card title={t('nav.audit')}>
      <AuditFilters filters={filters} />
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={events.isFetching}
        dataSource={events.data?.items ?? []}
        columns={columns}
        expandable={{
          rowExpandable: (e) => e.before != null || e.after != null,
          expandedRowRender: (e) => (
            <Flex gap={16}>
              <JsonBlock title={t('audit.before')} value={e.before} />
              <JsonBlock title={t('audit.after')} value={e.after} />
            </Flex>
          ),
        }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: events.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) =>
            events.data?.totalCapped
              ? t('common.totalCapped', { total: total.toLocaleString() })
              : t('common.total', { total }),
          onChange: filters.setPage,
        }}
      />
    </Card>
  );
}
