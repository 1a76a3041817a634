import { Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { enterprisePath } from '../../app/access';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { CompanyTargetButton } from './CompanyTargetButton';
import { canRecordVisits } from './visit-format';
import type { BehindCompany, Coverage, Ref } from './visit-types';

/** The companies below their yearly target, never visited first (as the server orders them). */
export function BehindTable({ coverage, onRecord }: { coverage: Coverage; onRecord: (enterprise: Ref) => void }) {
  const { t } = useI18n();
  const user = useUser();
  const acts = canRecordVisits(user.role) || user.role === 'admin';
  const columns: TableColumnsType<BehindCompany> = [
    {
      key: 'name',
      title: t('visits.enterprise'),
      render: (_, c) => <Link to={enterprisePath(c.id)}>{c.name}</Link>,
    },
    { key: 'park', title: t('coverage.park'), render: (_, c) => c.park ?? '—' },
    { key: 'officer', title: t('coverage.officer'), render: (_, c) => c.officer?.name ?? t('coverage.noOfficer') },
    {
      key: 'progress',
      title: t('coverage.progress'),
      align: 'right',
      render: (_, c) => (
        <span data-testid={`behind-progress-${c.id}`}>
          {c.visits} / {c.target}
        </span>
      ),
    },
    {
      key: 'lastVisitedOn',
      title: t('coverage.lastVisit'),
      render: (_, c) => c.lastVisitedOn ?? <Tag color="red">{t('coverage.neverVisited')}</Tag>,
    },
  ];
  if (acts)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) => (
        <Space size={0}>
          {canRecordVisits(user.role) && (
            <Button type="link" size="small" onClick={() => onRecord({ id: c.id, name: c.name })}>
              {t('coverage.record')}
            </Button>
          )}
          {user.role === 'admin' && <CompanyTargetButton company={c} />}
        </Space>
      ),
    });
  return (
    <Card
      title={t('coverage.behind')}
      extra={<Typography.Text type="secondary">{t('coverage.behindHint')}</Typography.Text>}
    >
      {coverage.behindTotal > coverage.behind.length && (
        <Typography.Paragraph type="secondary">
          {t('coverage.behindMore', { total: coverage.behindTotal, shown: coverage.behind.length })}
        </Typography.Paragraph>
      )}
      <Table<BehindCompany>
        rowKey="id"
        size="small"
        dataSource={coverage.behind}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: t('coverage.allMet') }}
        data-testid="coverage-behind"
      />
    </Card>
  );
}
