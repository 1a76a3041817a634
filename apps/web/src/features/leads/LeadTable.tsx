import { Table, type TableProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { leadPath } from '../../app/access';
import type { UrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { leadColumns } from './lead-columns';
import type { LeadSummary } from './lead-types';
import { apiFilters, useLeads, type LeadFilterKey } from './leads-api';

interface Props {
  filters: UrlFilters<LeadFilterKey>;
  /** The optional columns shown (the column chooser's choice). */
  visible: string[];
}

/** 列表: sortable columns one may choose, paged by number; the sort and page are in the URL. */
export function LeadTable({ filters, visible }: Props) {
  const i18n = useI18n();
  const navigate = useNavigate();
  const list = useLeads({ ...apiFilters(filters.values), page: filters.page, pageSize: filters.pageSize });
  const columns = leadColumns(i18n, filters.values.sort).filter(
    (column) => column.key === 'companyName' || visible.includes(String(column.key)),
  );

  const onChange: TableProps<LeadSummary>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'paginate') {
      filters.setPage(pagination.current ?? 1, pagination.pageSize ?? filters.pageSize);
      return;
    }
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.order ? String(one.columnKey) : '';
    filters.setFilters({ sort: key && (one?.order === 'descend' ? `-${key}` : key) });
  };

  return (
    <Table<LeadSummary>
      rowKey={(l) => String(l.id)}
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
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => i18n.t('common.total', { total }),
      }}
      onRow={(row) => ({ onClick: () => void navigate(leadPath(row.id)), style: { cursor: 'pointer' } })}
      data-testid="lead-table"
    />
  );
}
