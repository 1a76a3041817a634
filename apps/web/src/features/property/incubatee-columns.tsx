import { Button, Space, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { enterprisePath } from '../../app/access';
import type { I18n } from '../../i18n/I18nProvider';
import type { Incubatee } from './incubator-api';
import { INCUBATEE_STATUS_COLORS, incubateeStatusLabel, placeText, unitText } from './incubator-format';

/** The incubator table; the graduate and leave buttons only for who may write, on incubating rows. */
export function incubateeColumns(
  { t, locale }: Pick<I18n, 't' | 'locale'>,
  actions?: { onGraduate: (i: Incubatee) => void; onLeave: (i: Incubatee) => void },
): TableColumnsType<Incubatee> {
  const columns: TableColumnsType<Incubatee> = [
    {
      key: 'enterprise',
      title: t('incubator.enterprise'),
      render: (_, i) => <Link to={enterprisePath(i.enterprise.id)}>{i.enterprise.name}</Link>,
    },
    {
      key: 'status',
      title: t('incubator.status'),
      width: 100,
      render: (_, i) => (
        <Tag color={INCUBATEE_STATUS_COLORS[i.status] ?? 'default'} data-testid={`incubatee-status-${i.status}`}>
          {incubateeStatusLabel(i.status, locale)}
        </Tag>
      ),
    },
    { key: 'place', title: t('incubator.place'), render: (_, i) => placeText(i) },
    { key: 'entryDate', title: t('incubator.entryDate'), dataIndex: 'entryDate', width: 120 },
    {
      key: 'plannedExitDate',
      title: t('incubator.plannedExitDate'),
      width: 120,
      render: (_, i) => i.plannedExitDate ?? '—',
    },
    { key: 'mentor', title: t('incubator.mentor'), render: (_, i) => i.mentor ?? '—' },
    {
      key: 'outcome',
      title: t('incubator.outcome'),
      render: (_, i) => {
        if (i.status === 'graduated' && i.graduatedOn)
          return t('incubator.graduatedTo', { date: i.graduatedOn, unit: unitText(i.graduationUnit) });
        if (i.status === 'left' && i.leftOn)
          return t('incubator.leftOn', { date: i.leftOn, reason: i.leftReason ?? '' });
        return '—';
      },
    },
  ];
  if (actions) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, i) =>
        i.status === 'incubating' ? (
          <Space size="small">
            <Button
              size="small"
              type="primary"
              ghost
              onClick={() => actions.onGraduate(i)}
              data-testid={`incubatee-graduate-${i.id}`}
            >
              {t('incubator.graduate')}
            </Button>
            <Button size="small" danger onClick={() => actions.onLeave(i)} data-testid={`incubatee-leave-${i.id}`}>
              {t('incubator.leave')}
            </Button>
          </Space>
        ) : null,
    });
  }
  return columns;
}
