import { Card, Descriptions, Empty, Rate, Space } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { answerText } from './visit-format';
import type { VisitDetail } from './visit-types';

/** The survey filled in during the visit: each question of its template with the answer given. */
export function SurveyAnswers({ visit }: { visit: VisitDetail }) {
  const { t, locale } = useI18n();
  const template = visit.surveyTemplate;
  if (!template) return null;
  const answers = visit.surveyAnswers ?? {};
  return (
    <Card title={t('visits.surveyAnswers', { name: template.name })} data-testid="visit-survey-answers">
      {template.questions.length === 0 ? (
        <Empty />
      ) : (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={template.questions.map((q, i) => {
            const value = answers[q.id];
            return {
              key: q.id,
              label: `${i + 1}. ${q.label}`,
              children:
                q.type === 'rating' && typeof value === 'number' ? (
                  <Space>
                    <Rate disabled count={5} value={value} />
                    {answerText(q, value, locale)}
                  </Space>
                ) : (
                  <span style={{ whiteSpace: 'pre-wrap' }}>{answerText(q, value, locale)}</span>
                ),
            };
          })}
        />
      )}
    </Card>
  );
}
