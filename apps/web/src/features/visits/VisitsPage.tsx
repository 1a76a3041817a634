import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ColumnChooser } from '../../components/ColumnChooser';
import { useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { useColumnChoice } from '../enterprises/use-column-choice';
import { DEFAULT_VISIT_COLUMNS, OPTIONAL_VISIT_COLUMNS, visitColumns, visitColumnTitle } from './visit-columns';
import { canRecordVisits, visitPath } from './visit-format';
import type { VisitSummary } from './visit-types';
import { VisitFilters } from './VisitFilters';
import { VisitFormDrawer, type VisitFormTarget } from './VisitFormDrawer';
import { useVisits, VISIT_FILTER_KEYS } from './visits-api';

/** 走访记录: the visits the user may see, latest first; filters, sort and page in the URL. */
export function VisitsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useUser();
  const navigate = useNavigate();
  const filters = useUrlFilters(VISIT_FILTER_KEYS);
  const { sort, mine, ...values } = filters.values;
  const ascending = sort === 'visitedOn';
  const list = useVisits({
    ...values,
    ...(mine === '1' ? { userId: String(user.id) } : {}),
    ...(ascending ? { sort: 'visitedOn' as const } : {}),
    page: filters.page,
    pageSize: filters.pageSize,
  });
  const [visible, setVisible] = useColumnChoice('kaimen.visits.columns', OPTIONAL_VISIT_COLUMNS, DEFAULT_VISIT_COLUMNS);
  // One object per opening: the drawer resets its form when the target changes.
  const [target, setTarget] = useState<VisitFormTarget | null>(null);

  const onChange: TableProps<VisitSummary>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'paginate') {
      filters.setPage(pagination.current ?? 1, pagination.pageSize ?? filters.pageSize);
      return;
    }
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    // Latest first is the default, so only the ascending order goes into the URL.
    filters.setFilters({ sort: one?.order === 'ascend' ? 'visitedOn' : '' });
  };

  return (
    <Card
      title={t('nav.visitList')}
      extra={
        <Space wrap>
          <ColumnChooser
            columns={OPTIONAL_VISIT_COLUMNS}
            title={(key) => visitColumnTitle(key, t)}
            label={t('visits.columns')}
            visible={visible}
            onChange={setVisible}
            testId="visit-column-chooser"
          />
          {canRecordVisits(user.role) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ mode: 'new' })}
              data-testid="visit-create"
            >
              {t('visits.create')}
            </Button>
          )}
        </Space>
      }
    >
      <VisitFilters filters={filters} />
      <Table<VisitSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={visitColumns(i18n, ascending ? 'ascend' : 'descend', visible)}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        data-testid="visits-table"
      />
      <VisitFormDrawer
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(saved) => void navigate(visitPath(saved.id))}
      />
    </Card>
  );
}
