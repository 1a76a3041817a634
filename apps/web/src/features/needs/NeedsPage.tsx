import { PlusOutlined } from '@ant-design/icons';
import { NEED_STATUSES } from '@kaimen/shared';
import { Button, Card, Checkbox, Input, Segmented, Select, Space, Table, Tag, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ColumnChooser } from '../../components/ColumnChooser';
import { ExportButton } from '../../components/ExportButton';
import { useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { departmentName } from '../../i18n/labels';
import { useDepartments } from '../admin/departments/departments-api';
import { useUser } from '../auth/session';
import { useColumnChoice } from '../enterprises/use-column-choice';
import { STATUS_COLOR, URGENCY_COLOR } from './need-format';
import { useNeedLabels } from './need-labels';
import type { NeedSummary } from './need-types';
import { NeedFormDrawer } from './NeedFormDrawer';
import { NEED_FILTER_KEYS, needPath, needQuery, useNeeds } from './needs-api';

/** Columns one may hide; reference, title and status always show. */
const OPTIONAL_COLUMNS = [
  'enterprise',
  'category',
  'leadDepartment',
  'dueOn',
  'submittedAt',
  'officer',
  'source',
] as const;
type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
const DEFAULT_COLUMNS: OptionalColumn[] = ['enterprise', 'category', 'leadDepartment', 'dueOn', 'submittedAt'];
/** Who may download the list (the server's needs policy, export). */
const canExport = (role: string) => ['admin', 'leader', 'service', 'department'].includes(role);

/** Who raises needs here: the company itself, its service officer, an admin (a hotline entry). */
export const canRaiseNeeds = (role: string) => ['admin', 'service', 'enterprise'].includes(role);

/** 诉求: what waits for me (my department's queue, my companies', my own), or every need I may see. */
export function NeedsPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const labels = useNeedLabels();
  const departments = useDepartments();
  const filters = useUrlFilters(NEED_FILTER_KEYS);
  const { values, setFilters } = filters;
  const view = values.view === 'all' ? 'all' : 'mine';
  const list = useNeeds({ ...values, page: filters.page, pageSize: filters.pageSize });
  const [creating, setCreating] = useState(false);
  const [visible, setVisible] = useColumnChoice('kaimen.needs.columns', OPTIONAL_COLUMNS, DEFAULT_COLUMNS);

  const columns: TableProps<NeedSummary>['columns'] = [
    {
      key: 'reference',
      title: t('needs.reference'),
      width: 140,
      render: (_, n) => <Link to={needPath(n.id)}>{n.reference}</Link>,
    },
    {
      key: 'title',
      title: t('needs.title'),
      render: (_, n) => (
        <Space size={4} wrap>
          <Link to={needPath(n.id)} data-testid="need-title">
            {n.title}
          </Link>
          {n.urgency !== 'normal' && <Tag color={URGENCY_COLOR[n.urgency]}>{labels.urgency(n.urgency)}</Tag>}
          {n.escalatedAt && ['submitted', 'accepted', 'in_progress'].includes(n.status) && (
            <Tag color="red">{t('needs.escalated')}</Tag>
          )}
        </Space>
      ),
    },
    { key: 'enterprise', title: t('needs.enterprise'), render: (_, n) => n.enterprise?.name },
    { key: 'category', title: t('needs.category'), render: (_, n) => labels.category(n.categoryCode) },
    {
      key: 'leadDepartment',
      title: t('needs.leadDepartment'),
      render: (_, n) => (n.leadDepartment ? departmentName(n.leadDepartment, locale) : ''),
    },
    {
      key: 'status',
      title: t('needs.status'),
      render: (_, n) => <Tag color={STATUS_COLOR[n.status]}>{labels.status(n.status)}</Tag>,
    },
    {
      key: 'dueOn',
      title: t('needs.dueOn'),
      render: (_, n) =>
        n.overdue ? (
          <Tag color="red" data-testid="need-overdue">
            {n.dueOn} · {t('needs.overdue')}
          </Tag>
        ) : (
          n.dueOn
        ),
    },
    {
      key: 'submittedAt',
      title: t('needs.submittedAt'),
      render: (_, n) => dayjs(n.submittedAt).format('YYYY-MM-DD HH:mm'),
    },
    { key: 'officer', title: t('needs.officer'), render: (_, n) => n.officer?.name },
    { key: 'source', title: t('needs.source'), render: (_, n) => labels.source(n.source) },
  ];
  const shown = columns.filter(
    (c) => !OPTIONAL_COLUMNS.includes(c.key as OptionalColumn) || visible.includes(String(c.key)),
  );
  const columnTitle = (key: OptionalColumn) => String(columns.find((c) => c.key === key)?.title ?? key);

  return (
    <Card
      title={t('nav.needs')}
      extra={
        <Space>
          <ColumnChooser
            columns={OPTIONAL_COLUMNS}
            title={columnTitle}
            label={t('needs.columns')}
            visible={visible}
            onChange={setVisible}
            testId="need-columns"
          />
          {canExport(user.role) && (
            <ExportButton
              path="/api/needs/export"
              filters={needQuery(values)}
              fallbackName="needs.xlsx"
              label={t('needs.export')}
              testId="need-export"
            />
          )}
          {canRaiseNeeds(user.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="need-create">
              {t('needs.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={view}
          onChange={(v) => setFilters({ view: v === 'all' ? 'all' : '' })}
          options={[
            { value: 'mine', label: t('needs.viewMine') },
            { value: 'all', label: t('needs.viewAll') },
          ]}
          data-testid="need-view"
        />
        <Input.Search
          key={values.q ?? ''}
          allowClear
          defaultValue={values.q}
          placeholder={t('needs.searchPlaceholder')}
          aria-label={t('needs.searchPlaceholder')}
          onSearch={(q) => setFilters({ q: q.trim() })}
          style={{ width: 280 }}
        />
        <Select
          allowClear
          mode="multiple"
          placeholder={t('needs.status')}
          value={values.status ? values.status.split(',') : []}
          onChange={(v: string[]) => setFilters({ status: v.join(',') })}
          options={NEED_STATUSES.map((s) => ({ value: s.code, label: labels.status(s.code) }))}
          style={{ minWidth: 160 }}
        />
        <Select
          allowClear
          placeholder={t('needs.category')}
          value={values.category}
          onChange={(category?: string) => setFilters({ category })}
          options={labels.categories.map((c) => ({ value: c.code, label: labels.category(c.code) }))}
          style={{ width: 150 }}
        />
        {user.role !== 'department' && user.role !== 'enterprise' && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('needs.leadDepartment')}
            value={values.departmentId}
            onChange={(departmentId?: string) => setFilters({ departmentId })}
            options={(departments.data ?? []).map((d) => ({ value: String(d.id), label: departmentName(d, locale) }))}
            style={{ width: 180 }}
          />
        )}
        <Checkbox
          checked={values.overdue === '1'}
          onChange={(e) => setFilters({ overdue: e.target.checked ? '1' : '' })}
        >
          {t('needs.onlyOverdue')}
        </Checkbox>
      </Space>
      <Table
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={shown}
        dataSource={list.data?.items ?? []}
        rowClassName={(n) => (n.overdue ? 'row-overdue' : '')}
        locale={{ emptyText: view === 'mine' ? t('needs.emptyMine') : t('needs.empty') }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => filters.setPage(page, pageSize),
        }}
        data-testid="needs-table"
      />
      {creating && (
        <NeedFormDrawer
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(needPath(id));
          }}
        />
      )}
    </Card>
  );
}
