import { Alert, App, Form, Input, Switch, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { FormDrawer, markIssues } from '../../../components/FormDrawer';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';
import type { SurveyTemplate } from '../../visits/visit-types';
import { QuestionFields } from './QuestionFields';
import {
  numberedPath,
  templateIssues,
  toSurveyFormValues,
  toTemplateBody,
  type SurveyFormValues,
} from './survey-form-values';
import { useSurveyTemplateMutations } from './surveys-api';

interface Props {
  /** `null`: closed; `'new'`: add a template; a template: edit it. */
  target: SurveyTemplate | 'new' | null;
  onClose: () => void;
}

const withNumberedPaths = (form: FormInstance): FormInstance => ({
  ...form,
  setFields: (fields) =>
    form.setFields(
      fields.map((f) => ({ ...f, name: Array.isArray(f.name) ? numberedPath(f.name.map(String)) : f.name })),
    ),
});

/** 新建问卷 / 编辑问卷: the name, whether visits may pick it, and its questions. */
export function SurveyFormDrawer({ target, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SurveyFormValues>();
  const showProblem = useShowProblem();
  const { create, update } = useSurveyTemplateMutations();
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    form.setFieldsValue(
      target === 'new'
        ? { active: true, questions: [{ id: 'q1', type: 'text', required: false }] }
        : toSurveyFormValues(target),
    );
  }, [target, form]);

  const onFinish = (values: SurveyFormValues) => {
    const body = toTemplateBody(values);
    if (markIssues(form, templateIssues(body, locale, t('surveys.optionsNeeded')))) return;
    const done = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (error: unknown) => showProblem(error, withNumberedPaths(form)),
    };
    if (editing) update.mutate({ id: editing.id, version: editing.version, ...body }, done);
    else create.mutate(body, done);
  };

  return (
    <FormDrawer
      open={target !== null}
      title={editing ? t('surveys.edit', { name: editing.name }) : t('surveys.create')}
      onClose={onClose}
      form={form}
      saving={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" name="survey-form" onFinish={onFinish} data-testid="survey-form">
        {editing && <Alert type="info" showIcon title={t('surveys.editHint')} style={{ marginBottom: 16 }} />}
        <Form.Item name="name" label={t('surveys.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="active" label={t('surveys.active')} valuePropName="checked" extra={t('surveys.activeHint')}>
          <Switch />
        </Form.Item>
        <QuestionFields />
      </Form>
    </FormDrawer>
  );
}
