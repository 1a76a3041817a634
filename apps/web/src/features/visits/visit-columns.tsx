import { Tag, Tooltip, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { enterprisePath } from '../../app/access';
import type { I18n } from '../../i18n/I18nProvider';
import { departmentName } from '../../i18n/labels';
import { excerpt, KIND_COLORS, kindLabel, visitPath } from './visit-format';
import type { VisitSummary } from './visit-types';

/** Columns one may hide; the date and the company always show. */
export const OPTIONAL_VISIT_COLUMNS = ['kind', 'visitors', 'departments', 'needCount', 'notes', 'createdBy'] as const;
export type OptionalVisitColumn = (typeof OPTIONAL_VISIT_COLUMNS)[number];
export const DEFAULT_VISIT_COLUMNS: OptionalVisitColumn[] = ['kind', 'visitors', 'departments', 'needCount', 'notes'];

export const visitColumnTitle = (key: OptionalVisitColumn, t: I18n['t']): string => t(`visits.column.${key}`);

export function visitColumns(
  { t, locale }: Pick<I18n, 't' | 'locale'>,
  sortOrder: SortOrder,
  visible: readonly string[],
): TableColumnsType<VisitSummary> {
  const optional: Record<OptionalVisitColumn, TableColumnsType<VisitSummary>[number]> = {
    kind: {
      width: 100,
      render: (_, v) => <Tag color={KIND_COLORS[v.kind]}>{kindLabel(v.kind, locale)}</Tag>,
    },
    visitors: { render: (_, v) => v.visitors.map((u) => <Tag key={String(u.id)}>{u.name}</Tag>) },
    departments: {
      render: (_, v) => (v.departments.length ? v.departments.map((d) => departmentName(d, locale)).join('、') : '—'),
    },
    needCount: {
      align: 'right',
      width: 80,
      render: (_, v) => (v.needCount > 0 ? <Tag color="volcano">{v.needCount}</Tag> : '0'),
    },
    notes: {
      render: (_, v) =>
        v.notes ? (
          <Tooltip title={v.notes}>
            <span>{excerpt(v.notes)}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    createdBy: { width: 110, render: (_, v) => v.createdBy?.name ?? '—' },
  };
  return [
    {
      key: 'visitedOn',
      title: t('visits.visitedOn'),
      width: 120,
      sorter: true,
      sortOrder,
      sortDirections: ['descend', 'ascend'],
      render: (_, v) => <Link to={visitPath(v.id)}>{v.visitedOn}</Link>,
    },
    {
      key: 'enterprise',
      title: t('visits.enterprise'),
      render: (_, v) => <Link to={enterprisePath(v.enterprise.id)}>{v.enterprise.name}</Link>,
    },
    ...OPTIONAL_VISIT_COLUMNS.filter((key) => visible.includes(key)).map((key) => ({
      key,
      title: visitColumnTitle(key, t),
      ...optional[key],
    })),
  ];
}
