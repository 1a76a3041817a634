import { Tag, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { leadPath } from '../../app/access';
import { formatDateTime } from '../../components/format';
import type { I18n } from '../../i18n/I18nProvider';
import { channelLabel, formatInvestment, overdueLabel, STAGE_COLORS, stageLabel, unitTypeLabel } from './lead-format';
import type { LeadSortKey, LeadSummary } from './lead-types';

/** Columns one may hide; the company always shows. */
export const OPTIONAL_LEAD_COLUMNS = [
  'stage',
  'sourceChannel',
  'chainNode',
  'owner',
  'plannedInvestment',
  'capitalArrived',
  'space',
  'expectedJobs',
  'expectedAnnualTax',
  'nextFollowUpOn',
  'uscc',
  'createdAt',
  'updatedAt',
] as const;
export type OptionalLeadColumn = (typeof OPTIONAL_LEAD_COLUMNS)[number];

export const DEFAULT_LEAD_COLUMNS: OptionalLeadColumn[] = [
  'stage',
  'sourceChannel',
  'chainNode',
  'owner',
  'plannedInvestment',
  'nextFollowUpOn',
  'updatedAt',
];

export const leadColumnTitle = (key: OptionalLeadColumn, t: I18n['t']): string => t(`leads.column.${key}`);

const orderOf = (sort: string | undefined, key: string): SortOrder =>
  sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null;

export function leadColumns(i18n: Pick<I18n, 't' | 'locale'>, sort: string | undefined) {
  const { t, locale } = i18n;
  const sorting = (key: LeadSortKey) => ({
    sorter: true,
    sortOrder: orderOf(sort, key),
    sortDirections: ['ascend', 'descend'] as SortOrder[],
  });
  const optional: Record<OptionalLeadColumn, TableColumnsType<LeadSummary>[number]> = {
    stage: {
      width: 110,
      render: (_, l) => <Tag color={STAGE_COLORS[l.stage]}>{stageLabel(l.stage, locale)}</Tag>,
    },
    sourceChannel: { width: 130, render: (_, l) => channelLabel(l.sourceChannel, locale) },
    chainNode: {
      width: 130,
      render: (_, l) =>
        l.chainNode ? (locale === 'en' ? l.chainNode.nameEn || l.chainNode.nameZh : l.chainNode.nameZh) : '—',
    },
    owner: { width: 100, render: (_, l) => l.owner?.displayName ?? '—' },
    plannedInvestment: {
      width: 130,
      align: 'right',
      ...sorting('plannedInvestment'),
      render: (_, l) => formatInvestment(l.plannedInvestment, i18n),
    },
    capitalArrived: { width: 130, align: 'right', render: (_, l) => formatInvestment(l.capitalArrived, i18n) },
    space: {
      width: 150,
      render: (_, l) =>
        l.spaceUnitType || l.spaceArea
          ? `${unitTypeLabel(l.spaceUnitType, locale)}${l.spaceArea ? ` ${l.spaceArea.toLocaleString(locale)} ㎡` : ''}`
          : '—',
    },
    expectedJobs: { width: 100, align: 'right', render: (_, l) => l.expectedJobs?.toLocaleString(locale) ?? '—' },
    expectedAnnualTax: {
      width: 130,
      align: 'right',
      render: (_, l) => formatInvestment(l.expectedAnnualTax, i18n),
    },
    nextFollowUpOn: {
      width: 170,
      ...sorting('nextFollowUpOn'),
      render: (_, l) => (
        <span style={{ color: l.overdueKind ? '#cf1322' : undefined }}>
          {l.nextFollowUpOn ?? '—'}
          {l.overdueKind && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {overdueLabel(l.overdueKind, t)}
            </Tag>
          )}
        </span>
      ),
    },
    uscc: { width: 190, render: (_, l) => l.uscc ?? '—' },
    createdAt: { width: 150, ...sorting('createdAt'), render: (_, l) => formatDateTime(l.createdAt) },
    updatedAt: { width: 150, ...sorting('updatedAt'), render: (_, l) => formatDateTime(l.updatedAt) },
  };
  const columns: TableColumnsType<LeadSummary> = [
    {
      key: 'companyName',
      title: t('leads.field.companyName'),
      ...sorting('companyName'),
      render: (_, l) => (
        <Link to={leadPath(l.id)} onClick={(event) => event.stopPropagation()}>
          {l.companyName}
        </Link>
      ),
    },
    ...OPTIONAL_LEAD_COLUMNS.map((key) => ({ key, title: leadColumnTitle(key, t), ...optional[key] })),
  ];
  return columns;
}
