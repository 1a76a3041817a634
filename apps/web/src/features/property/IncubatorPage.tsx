import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { urlTablePaging, useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { GraduateModal } from './GraduateModal';
import { incubateeColumns } from './incubatee-columns';
import { IncubateeFormDrawer } from './IncubateeFormDrawer';
import { INCUBATOR_FILTER_KEYS, useIncubatees, type Incubatee } from './incubator-api';
import { incubateeStatusOptions } from './incubator-format';
import { LeaveIncubatorModal } from './LeaveIncubatorModal';
import { canEditProperty } from './property-format';

/** 孵化器: the incubatees the user may see (a company its own), latest entry first; filters and page in the URL. */
export function IncubatorPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const user = useUser();
  const filters = useUrlFilters(INCUBATOR_FILTER_KEYS);
  const list = useIncubatees({ ...filters.values, page: filters.page, pageSize: filters.pageSize });
  const [creating, setCreating] = useState(false);
  const [graduating, setGraduating] = useState<Incubatee | null>(null);
  const [leaving, setLeaving] = useState<Incubatee | null>(null);
  const editable = canEditProperty(user.role);

  return (
    <Card
      title={t('incubator.title')}
      extra={
        editable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="incubatee-create"
          >
            {t('incubator.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={filters.values.q ?? ''}
          allowClear
          enterButton={t('common.search')}
          defaultValue={filters.values.q}
          placeholder={t('common.searchCompany')}
          aria-label={t('common.searchCompany')}
          onSearch={(q) => filters.setFilters({ q: q.trim() })}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          placeholder={t('incubator.allStatuses')}
          aria-label={t('incubator.status')}
          value={filters.values.status}
          onChange={(status?: string) => filters.setFilters({ status })}
          options={incubateeStatusOptions(locale)}
          style={{ width: 160 }}
          data-testid="incubatee-filter-status"
        />
      </Space>
      <Table<Incubatee>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={incubateeColumns(i18n, editable ? { onGraduate: setGraduating, onLeave: setLeaving } : undefined)}
        scroll={{ x: 'max-content' }}
        {...urlTablePaging(filters, list.data?.total ?? 0, t)}
        data-testid="incubatees-table"
      />
      <IncubateeFormDrawer open={creating} onClose={() => setCreating(false)} />
      <GraduateModal incubatee={graduating} onClose={() => setGraduating(null)} />
      <LeaveIncubatorModal incubatee={leaving} onClose={() => setLeaving(null)} />
    </Card>
  );
}
