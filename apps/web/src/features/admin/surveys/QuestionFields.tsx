import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { label, NEED_LIMITS, SURVEY_QUESTION_TYPES } from '@kaimen/shared';
import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Tooltip } from 'antd';
import { useI18n } from '../../../i18n/use-i18n';
import { nextQuestionId, takesOptions, type QuestionFormRow } from './survey-form-values';

interface RowProps {
  name: number;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

function QuestionRow({ name, index, count, onMove, onRemove }: RowProps) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const type = Form.useWatch<string | undefined>(['questions', name, 'type'], form);
  const required = { required: true, message: t('common.required') };
  return (
    <Card
      size="small"
      title={t('surveys.question', { n: index + 1 })}
      style={{ marginBottom: 12 }}
      data-testid={`survey-question-${index}`}
      extra={
        <Space size={0}>
          <Tooltip title={t('surveys.moveUp')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
              aria-label={t('surveys.moveUp')}
            />
          </Tooltip>
          <Tooltip title={t('surveys.moveDown')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
              aria-label={t('surveys.moveDown')}
            />
          </Tooltip>
          <Tooltip title={t('surveys.removeQuestion')}>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              disabled={count === 1}
              onClick={onRemove}
              aria-label={t('surveys.removeQuestion')}
            />
          </Tooltip>
        </Space>
      }
    >
      <Form.Item name={[name, 'id']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'type']} label={t('surveys.questionType')} rules={[required]}>
            <Select options={SURVEY_QUESTION_TYPES.map((q) => ({ value: q.code, label: label(q, locale) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[name, 'label']} label={t('surveys.questionLabel')} rules={[required]}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      {takesOptions(type) && (
        <Form.Item
          name={[name, 'options']}
          label={t('surveys.options')}
          extra={t('surveys.optionsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('surveys.optionsNeeded') }]}
        >
          <Select
            mode="tags"
            suffixIcon={null}
            notFoundContent={null}
            tokenSeparators={[',', '，', '、']}
            maxCount={NEED_LIMITS.options}
          />
        </Form.Item>
      )}
      <Form.Item name={[name, 'required']} valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>{t('surveys.required')}</Checkbox>
      </Form.Item>
    </Card>
  );
}

/** The template's questions: add, remove and move them up or down; at least one. */
export function QuestionFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  return (
    <Form.List name="questions">
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((field, index) => (
            <QuestionRow
              key={field.key}
              name={field.name}
              index={index}
              count={fields.length}
              onMove={(to) => move(index, to)}
              onRemove={() => remove(field.name)}
            />
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= NEED_LIMITS.questions}
            onClick={() => {
              const rows = (form.getFieldValue('questions') as QuestionFormRow[] | undefined) ?? [];
              add({ id: nextQuestionId(rows.map((r) => r.id)), type: 'text', required: false });
            }}
            data-testid="survey-question-add"
          >
            {t('surveys.addQuestion')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
