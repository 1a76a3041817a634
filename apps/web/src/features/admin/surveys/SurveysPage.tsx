import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../components/format';
import { useI18n } from '../../../i18n/use-i18n';
import type { SurveyTemplate } from '../../visits/visit-types';
import { useSurveyTemplates } from '../../visits/visits-api';
import { SurveyFormDrawer } from './SurveyFormDrawer';

/** 调研问卷: the survey templates officers fill in during visits. */
export function SurveysPage() {
  const { t } = useI18n();
  const templates = useSurveyTemplates();
  const [target, setTarget] = useState<SurveyTemplate | 'new' | null>(null);

  const columns: TableColumnsType<SurveyTemplate> = [
    {
      key: 'name',
      title: t('surveys.name'),
      render: (_, s) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setTarget(s)}>
          {s.name}
        </Button>
      ),
    },
    { key: 'questions', title: t('surveys.questionCount'), align: 'right', render: (_, s) => s.questions.length },
    {
      key: 'active',
      title: t('surveys.status'),
      render: (_, s) =>
        s.active ? <Tag color="green">{t('surveys.statusActive')}</Tag> : <Tag>{t('surveys.statusInactive')}</Tag>,
    },
    { key: 'updatedAt', title: t('surveys.updatedAt'), render: (_, s) => formatDateTime(s.updatedAt) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, s) => (
        <Button type="link" size="small" onClick={() => setTarget(s)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t('nav.surveys')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="survey-create">
          {t('surveys.create')}
        </Button>
      }
    >
      <Table<SurveyTemplate>
        rowKey="id"
        size="middle"
        loading={templates.isPending}
        dataSource={templates.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('surveys.empty') }}
        data-testid="survey-templates"
      />
      <SurveyFormDrawer target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
