import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { canEnterprise, canExportEnterprises, canPickOfficer, canSee, enterprisePath, PATHS } from '../../app/access';
import { ColumnChooser } from '../../components/ColumnChooser';
import { useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { useChainNodes } from '../chain/chain-api';
import { CursorPager, PAGE_SIZES } from './CursorPager';
import { columnTitle, DEFAULT_COLUMNS, enterpriseColumns, OPTIONAL_COLUMNS } from './enterprise-columns';
import { ENTERPRISE_SORTS, type EnterprisePage, type EnterpriseSort, type EnterpriseSummary } from './enterprise-types';
import { EnterpriseFilters } from './EnterpriseFilters';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { ExportButton } from './ExportButton';
import { ENTERPRISE_FILTER_KEYS, useEnterprises } from './enterprises-api';
import { useColumnChoice } from './use-column-choice';
import { useCursorPages } from './use-cursor-pages';

const asSort = (value: string | undefined): EnterpriseSort | undefined =>
  ENTERPRISE_SORTS.find((sort) => sort === value);

/** A search pages by number (its `nextCursor` is null): a next page exists while the count says more follow. */
const nextSearchPage = (data: EnterprisePage | undefined, pageNo: number): string | null =>
  data && data.items.length === data.pageSize && (data.totalCapped || pageNo * data.pageSize < data.total)
    ? `page:${pageNo + 1}`
    : null;

/** 企业库: search, filters in the URL, sortable columns one may choose, keyset paging. */
export function EnterprisesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useUser();
  const navigate = useNavigate();
  const filters = useUrlFilters(ENTERPRISE_FILTER_KEYS);
  const { sort, ...values } = filters.values;
  const pageSize = (PAGE_SIZES as readonly number[]).includes(filters.pageSize) ? filters.pageSize : PAGE_SIZES[0];
  const pages = useCursorPages(JSON.stringify([filters.values, pageSize]));
  // A search comes ranked (name hits first) and pages by number; the plain list pages by keyset cursor.
  const searching = Boolean(values.q);
  const list = useEnterprises(
    searching
      ? { ...values, page: pages.pageNo, pageSize }
      : { ...values, sort: asSort(sort), cursor: pages.cursor, pageSize },
  );
  const next = searching ? nextSearchPage(list.data, pages.pageNo) : list.data?.nextCursor;
  const chain = useChainNodes();
  const [visible, setVisible] = useColumnChoice('kaimen.enterprises.columns', OPTIONAL_COLUMNS, DEFAULT_COLUMNS);
  const [creating, setCreating] = useState(false);

  const columns = enterpriseColumns(i18n, chain.data ?? [], searching ? null : sort).filter(
    (column) => column.key === 'name' || visible.includes(String(column.key)),
  );

  const onChange: TableProps<EnterpriseSummary>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.order ? String(one.columnKey) : '';
    filters.setFilters({ sort: key && (one?.order === 'descend' ? `-${key}` : key) });
  };

  return (
    <Card
      title={t('nav.enterprises')}
      extra={
        <Space>
          <ColumnChooser
            columns={OPTIONAL_COLUMNS}
            title={(key) => columnTitle(key, t)}
            label={t('enterprise.columns')}
            visible={visible}
            onChange={setVisible}
          />
          {canExportEnterprises(user.role) && <ExportButton filters={filters.values} />}
          {canSee('enterpriseImport', user.role) && (
            <Button icon={<UploadOutlined />} onClick={() => void navigate(PATHS.enterpriseImport)}>
              {t('import.button')}
            </Button>
          )}
          {canEnterprise(user, 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('enterprise.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Input.Search
        key={values.q ?? ''}
        size="large"
        allowClear
        enterButton={t('common.search')}
        defaultValue={values.q}
        placeholder={t('enterprise.searchPlaceholder')}
        aria-label={t('enterprise.searchPlaceholder')}
        onSearch={(q) => filters.setFilters({ q: q.trim() })}
        style={{ marginBottom: 16, maxWidth: 640 }}
        data-testid="enterprise-search"
      />
      <EnterpriseFilters filters={filters} officerFilter={canPickOfficer(user.role)} />
      <Table<EnterpriseSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onClick: () => void navigate(enterprisePath(row.id)), style: { cursor: 'pointer' } })}
      />
      <CursorPager
        pages={pages}
        nextCursor={next}
        total={list.data?.total}
        totalCapped={list.data?.totalCapped}
        pageSize={pageSize}
        onPageSize={(size) => filters.setPage(1, size)}
        loading={list.isFetching}
      />
      <EnterpriseFormDrawer
        target={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(saved) => void navigate(enterprisePath(saved.id))}
      />
    </Card>
  );
}
