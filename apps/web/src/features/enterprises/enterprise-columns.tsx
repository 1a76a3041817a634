import { Tag, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { enterprisePath } from '../../app/access';
import { formatDateTime } from '../../components/format';
import type { I18n } from '../../i18n/I18nProvider';
import type { ChainNodeRecord } from '../chain/chain-api';
import { chainNodeName } from '../chain/chain-tree';
import { formatAmount, qualificationLabel, sizeLabel } from './enterprise-format';
import type { EnterpriseSummary } from './enterprise-types';
import { industryLabel } from './industry-options';

/** Columns one may hide; the name always shows. */
export const OPTIONAL_COLUMNS = [
  'uscc',
  'industryCode',
  'park',
  'size',
  'registeredCapital',
  'foundedOn',
  'assignedOfficer',
  'qualifications',
  'chainNodes',
  'tags',
  'createdAt',
  'updatedAt',
] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

export const DEFAULT_COLUMNS: OptionalColumn[] = [
  'uscc',
  'industryCode',
  'park',
  'assignedOfficer',
  'qualifications',
  'updatedAt',
];

export const SORTABLE = ['name', 'createdAt', 'updatedAt'] as const;

const orderOf = (sort: string | undefined, key: string): SortOrder =>
  sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null;

const tags = (values: string[]) => (values.length === 0 ? '—' : values.map((v) => <Tag key={v}>{v}</Tag>));

export const columnTitle = (key: OptionalColumn, t: I18n['t']): string => t(`enterprise.${key}`);

export function enterpriseColumns(
  i18n: Pick<I18n, 't' | 'locale'>,
  chainNodes: readonly ChainNodeRecord[],
  /** The sort in force; `null` while searching, when results come ranked and columns do not sort. */
  sort: string | null | undefined,
): TableColumnsType<EnterpriseSummary> {
  const { t, locale } = i18n;
  const nodeByCode = new Map(chainNodes.map((n) => [n.code, n]));
  const sorting = (key: (typeof SORTABLE)[number]) => ({
    sorter: sort !== null,
    sortOrder: orderOf(sort ?? undefined, key),
    sortDirections: ['ascend', 'descend'] as SortOrder[],
  });
  const optional: Record<OptionalColumn, TableColumnsType<EnterpriseSummary>[number]> = {
    uscc: { dataIndex: 'uscc', width: 190 },
    industryCode: { render: (_, e) => industryLabel(e.industryCode, locale), ellipsis: true },
    park: { render: (_, e) => e.park ?? '—' },
    size: { width: 90, render: (_, e) => sizeLabel(e.size, locale) },
    registeredCapital: { width: 130, render: (_, e) => formatAmount(e.registeredCapital, i18n) },
    foundedOn: { width: 110, render: (_, e) => e.foundedOn ?? '—' },
    assignedOfficer: { width: 110, render: (_, e) => e.assignedOfficer?.displayName ?? '—' },
    qualifications: { render: (_, e) => tags(e.qualifications.map((code) => qualificationLabel(code, locale))) },
    chainNodes: {
      render: (_, e) =>
        tags(e.chainNodes.map((code) => (nodeByCode.has(code) ? chainNodeName(nodeByCode.get(code)!, locale) : code))),
    },
    tags: { render: (_, e) => tags(e.tags) },
    createdAt: { width: 150, ...sorting('createdAt'), render: (_, e) => formatDateTime(e.createdAt) },
    updatedAt: { width: 150, ...sorting('updatedAt'), render: (_, e) => formatDateTime(e.updatedAt) },
  };
  return [
    {
      key: 'name',
      title: t('enterprise.name'),
      ...sorting('name'),
      render: (_, e) => (
        <Link to={enterprisePath(e.id)} onClick={(event) => event.stopPropagation()}>
          {e.name}
        </Link>
      ),
    },
    ...OPTIONAL_COLUMNS.map((key) => ({ key, title: columnTitle(key, t), ...optional[key] })),
  ];
}
