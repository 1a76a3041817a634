import { Card, Empty, Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { departmentName } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useDictionaries } from '../admin/dictionaries/dictionaries-api';
import { categoryName, needPath, needStatusColor, needStatusLabel, URGENCY_COLORS, urgencyLabel } from './visit-format';
import type { VisitNeed } from './visit-types';

/** The needs the visit raised, each linking to its own page; overdue ones show red. */
export function VisitNeedsTable({ needs }: { needs: VisitNeed[] }) {
  const { t, locale } = useI18n();
  const categories = useDictionaries().data?.needCategories;
  const columns: TableColumnsType<VisitNeed> = [
    {
      key: 'reference',
      title: t('visits.need.reference'),
      width: 140,
      render: (_, n) => <Link to={needPath(n.id)}>{n.reference}</Link>,
    },
    { key: 'title', title: t('visits.need.title'), render: (_, n) => <Link to={needPath(n.id)}>{n.title}</Link> },
    {
      key: 'category',
      title: t('visits.need.category'),
      render: (_, n) => categoryName(n.categoryCode, categories, locale),
    },
    {
      key: 'leadDepartment',
      title: t('visits.need.leadDepartment'),
      render: (_, n) => (n.leadDepartment ? departmentName(n.leadDepartment, locale) : '—'),
    },
    {
      key: 'urgency',
      title: t('visits.need.urgency'),
      width: 90,
      render: (_, n) => <Tag color={URGENCY_COLORS[n.urgency]}>{urgencyLabel(n.urgency, locale)}</Tag>,
    },
    {
      key: 'status',
      title: t('visits.need.status'),
      width: 150,
      render: (_, n) => (
        <span data-testid={`visit-need-status-${n.reference}`}>
          <Tag color={needStatusColor(n.status, n.overdue)}>{needStatusLabel(n.status, locale)}</Tag>
          {n.overdue && <Tag color="red">{t('visits.need.overdue')}</Tag>}
        </span>
      ),
    },
    { key: 'dueOn', title: t('visits.need.dueOn'), width: 120, dataIndex: 'dueOn' },
  ];
  return (
    <Card title={t('visits.needsRaised', { count: needs.length })}>
      <Table<VisitNeed>
        rowKey="id"
        size="small"
        dataSource={needs}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.needsEmpty')} /> }}
        data-testid="visit-needs"
      />
    </Card>
  );
}
