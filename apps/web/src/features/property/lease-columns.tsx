import { Button, Space, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { enterprisePath } from '../../app/access';
import type { I18n } from '../../i18n/I18nProvider';
import { formatMoney, LEASE_STATUS_COLORS, leaseStatusLabel } from './property-format';
import type { Lease } from './property-types';

/** Columns one may hide; the company, status, units, term and rent always show. */
export const OPTIONAL_LEASE_COLUMNS = ['deposit', 'rentFreeMonths', 'escalation', 'terminatedOn', 'notes'] as const;
export type OptionalLeaseColumn = (typeof OPTIONAL_LEASE_COLUMNS)[number];
export const DEFAULT_LEASE_COLUMNS: OptionalLeaseColumn[] = ['deposit', 'rentFreeMonths', 'terminatedOn'];

const TITLES = {
  deposit: 'leases.deposit',
  rentFreeMonths: 'leases.rentFreeMonths',
  escalation: 'leases.escalation',
  terminatedOn: 'leases.terminatedOn',
  notes: 'leases.notes',
} as const;
export const leaseColumnTitle = (key: OptionalLeaseColumn, t: I18n['t']): string => t(TITLES[key]);

export function leaseColumns(
  { t, locale }: Pick<I18n, 't' | 'locale'>,
  visible: readonly string[],
  /** Absent: the user may not change leases. */
  actions?: { edit: (lease: Lease) => void; terminate: (lease: Lease) => void },
): TableColumnsType<Lease> {
  const optional: Record<OptionalLeaseColumn, TableColumnsType<Lease>[number]> = {
    deposit: { align: 'right', render: (_, l) => formatMoney(l.deposit) },
    rentFreeMonths: { align: 'right', dataIndex: 'rentFreeMonths' },
    escalation: { align: 'right', render: (_, l) => `${l.escalationPercent}%` },
    terminatedOn: { render: (_, l) => l.terminatedOn ?? '—' },
    notes: { ellipsis: true, render: (_, l) => l.notes ?? '—' },
  };
  const columns: TableColumnsType<Lease> = [
    {
      key: 'enterprise',
      title: t('leases.enterprise'),
      render: (_, l) => <Link to={enterprisePath(l.enterprise.id)}>{l.enterprise.name}</Link>,
    },
    {
      key: 'status',
      title: t('leases.status'),
      width: 100,
      render: (_, l) => (
        <Tag color={LEASE_STATUS_COLORS[l.status] ?? 'default'} data-testid={`lease-status-${l.status}`}>
          {leaseStatusLabel(l.status, locale)}
        </Tag>
      ),
    },
    {
      key: 'units',
      title: t('leases.units'),
      render: (_, l) =>
        l.units.map((u) => (
          <Tag key={String(u.id)}>
            {u.buildingName} {u.code}
          </Tag>
        )),
    },
    { key: 'period', title: t('leases.period'), render: (_, l) => `${l.startsOn} ~ ${l.endsOn}` },
    {
      key: 'monthlyRent',
      title: t('leases.monthlyRent'),
      align: 'right',
      render: (_, l) => formatMoney(l.monthlyRent),
    },
    ...OPTIONAL_LEASE_COLUMNS.filter((key) => visible.includes(key)).map((key) => ({
      key,
      title: leaseColumnTitle(key, t),
      ...optional[key],
    })),
  ];
  if (actions) {
    // A lease that has ended early is history: neither changed nor ended again.
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, l) =>
        l.terminatedOn === null && (
          <Space size="small">
            <Button size="small" onClick={() => actions.edit(l)} data-testid={`lease-edit-${l.id}`}>
              {t('common.edit')}
            </Button>
            {(l.status === 'active' || l.status === 'upcoming') && (
              <Button size="small" danger onClick={() => actions.terminate(l)} data-testid={`lease-terminate-${l.id}`}>
                {t('leases.terminate')}
              </Button>
            )}
          </Space>
        ),
    });
  }
  return columns;
}
