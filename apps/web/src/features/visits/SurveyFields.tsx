import { Checkbox, Form, Input, InputNumber, Radio, Rate, Select } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { surveyAnswersOf } from './visit-form-values';
import type { SurveyQuestion } from './visit-types';

/** Radio buttons read well up to a handful of options; longer lists become a dropdown. */
const RADIO_MAX = 5;

// A function, not a component: Form.Item hands value and onChange to its direct child, the input itself.
function answerInput(question: SurveyQuestion) {
  const options = (question.options ?? []).map((o) => ({ value: o, label: o }));
  switch (question.type) {
    case 'number':
      return <InputNumber style={{ width: 200 }} />;
    case 'rating':
      return <Rate count={5} />;
    case 'single':
      return options.length > RADIO_MAX ? <Select allowClear options={options} /> : <Radio.Group options={options} />;
    case 'multi':
      return <Checkbox.Group options={options} />;
    default:
      return <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />;
  }
}

// A blank text, a rating of 0 or no option ticked is no answer, as the body leaves it out.
const answered = (q: SurveyQuestion, value: unknown, message: string) =>
  q.id in surveyAnswersOf([q], { [q.id]: value }) ? Promise.resolve() : Promise.reject(new Error(message));

/** One input per question of the chosen template, under `surveyAnswers.<question id>` (the server's field names). */
export function SurveyFields({ questions }: { questions: readonly SurveyQuestion[] }) {
  const { t } = useI18n();
  return (
    <div data-testid="visit-survey-questions">
      {questions.map((q, i) => (
        <Form.Item
          key={q.id}
          name={['surveyAnswers', q.id]}
          label={`${i + 1}. ${q.label}`}
          required={q.required}
          rules={q.required ? [{ validator: (_, value: unknown) => answered(q, value, t('common.required')) }] : []}
        >
          {answerInput(q)}
        </Form.Item>
      ))}
    </div>
  );
}
