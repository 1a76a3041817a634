import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Result, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/client';
import type { Id } from '../../api/types';
import { enterprisePath, PATHS } from '../../app/access';
import { formatDateTime } from '../../components/format';
import { useShowProblem } from '../../components/use-show-problem';
import { departmentName } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { SurveyAnswers } from './SurveyAnswers';
import { canDeleteVisit, canEditVisit, KIND_COLORS, kindLabel, needPath } from './visit-format';
import { VisitFormDrawer, type VisitFormTarget } from './VisitFormDrawer';
import { VisitNeedsTable } from './VisitNeedsTable';
import { useVisit, useVisitMutations } from './visits-api';

/** One visit: who went where and when, the notes, the survey answers and the needs it raised. */
export function VisitRecord({ id }: { id: Id }) {
  const { t, locale } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const showProblem = useShowProblem();
  const record = useVisit(id);
  const { remove } = useVisitMutations();
  const [editing, setEditing] = useState<VisitFormTarget | null>(null);

  if (record.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (record.isError) {
    const notFound = isApiError(record.error) && record.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '404' : t('error.unexpected')}
        subTitle={isApiError(record.error) ? record.error.problem.detail : undefined}
      />
    );
  }
  const visit = record.data;

  const back = () => {
    const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    void (index > 0 ? navigate(-1) : navigate(PATHS.visits));
  };
  const confirmDelete = () =>
    modal.confirm({
      title: t('visits.deleteConfirm', { date: visit.visitedOn, name: visit.enterprise.name }),
      content: t('visits.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(visit.id).then(
          () => {
            void message.success(t('common.deleted'));
            void navigate(PATHS.visits, { replace: true });
          },
          (error: unknown) => showProblem(error),
        ),
    });

  const history = [
    {
      key: 'created',
      content: t('visits.timeline.created', {
        name: visit.createdBy?.name || '—',
        at: formatDateTime(visit.createdAt),
      }),
    },
    ...visit.needs.map((n) => ({
      key: String(n.id),
      color: n.overdue ? 'red' : 'blue',
      content: (
        <>
          {formatDateTime(n.submittedAt)} <Link to={needPath(n.id)}>{n.reference}</Link> {n.title}
        </>
      ),
    })),
    ...(visit.updatedAt !== visit.createdAt
      ? [
          {
            key: 'updated',
            color: 'gray',
            content: t('visits.timeline.updated', { at: formatDateTime(visit.updatedAt) }),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="visit-title">
              <Link to={enterprisePath(visit.enterprise.id)}>{visit.enterprise.name}</Link>
            </Typography.Title>
            <Tag color={KIND_COLORS[visit.kind]}>{kindLabel(visit.kind, locale)}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={back}>
              {t('common.back')}
            </Button>
            {canEditVisit(user, visit) && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setEditing({ mode: 'edit', visit })}
                data-testid="visit-edit"
              >
                {t('common.edit')}
              </Button>
            )}
            {canDeleteVisit(user.role, visit) && (
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
                {t('common.delete')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: 'visitedOn',
              label: t('visits.visitedOn'),
              children: <span data-testid="visit-date-value">{visit.visitedOn}</span>,
            },
            { key: 'kind', label: t('visits.kind'), children: kindLabel(visit.kind, locale) },
            { key: 'createdBy', label: t('visits.column.createdBy'), children: visit.createdBy?.name || '—' },
            {
              key: 'visitors',
              label: t('visits.visitors'),
              span: 'filled',
              children: (
                <span data-testid="visit-visitors-value">
                  {visit.visitors.length ? visit.visitors.map((v) => <Tag key={String(v.id)}>{v.name}</Tag>) : '—'}
                </span>
              ),
            },
            ...(visit.departments.length
              ? [
                  {
                    key: 'departments',
                    label: t('visits.departments'),
                    span: 'filled' as const,
                    children: visit.departments.map((d) => <Tag key={String(d.id)}>{departmentName(d, locale)}</Tag>),
                  },
                ]
              : []),
            {
              key: 'notes',
              label: t('visits.notes'),
              span: 'filled',
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{visit.notes || '—'}</span>,
            },
          ]}
        />
      </Card>
      <SurveyAnswers visit={visit} />
      <VisitNeedsTable needs={visit.needs} />
      <Card title={t('visits.timeline')}>
        <Timeline items={history} />
      </Card>
      <VisitFormDrawer target={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
