import { App, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import type { Id } from '../../api/types';
import { FormDrawer, markIssues } from '../../components/FormDrawer';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { useServiceOfficers } from '../enterprises/enterprises-api';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { SurveyFields } from './SurveyFields';
import { useNeedRouting } from './use-need-routing';
import { kindOptions } from './visit-format';
import {
  formNameOf,
  takesDepartments,
  toCreateBody,
  toFormValues,
  toPatchBody,
  visitIssues,
  type VisitFormValues,
} from './visit-form-values';
import type { Ref, VisitDetail } from './visit-types';
import { VisitNeedsFields } from './VisitNeedsFields';
import { useSurveyTemplates, useVisitMutations } from './visits-api';

export type VisitFormTarget = { mode: 'new'; enterprise?: Ref } | { mode: 'edit'; visit: VisitDetail };

interface Props {
  /** `null`: closed. */
  target: VisitFormTarget | null;
  onClose: () => void;
  onSaved?: (saved: VisitDetail) => void;
}

/**
 * The server names need fields 'needs.0.title' and answers 'surveyAnswers.q1': formNameOf finds their inputs, and the
 * long drawer scrolls to the first one.
 */
function withFormNames(form: FormInstance): FormInstance {
  let scrolled = false;
  return {
    ...form,
    setFields: (fields) => {
      const named = fields.map((f) => ({
        ...f,
        name: Array.isArray(f.name) ? formNameOf(f.name.map(String)) : f.name,
      }));
      form.setFields(named);
      if (!scrolled && named[0]) form.scrollToField(named[0].name);
      scrolled = true;
    },
  };
}

/** 新建走访 / 编辑走访: the visit, its survey and (when new) the needs raised, saved in one request. */
export function VisitFormDrawer({ target, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitFormValues>();
  const showProblem = useShowProblem();
  const { create, update } = useVisitMutations();
  const open = target !== null;
  const editing = target?.mode === 'edit' ? target.visit : null;
  const templates = useSurveyTemplates(open);
  const officers = useServiceOfficers(open && user.role === 'admin');
  const routing = useNeedRouting(open);
  const kind = Form.useWatch('kind', form);
  const templateId = Form.useWatch('surveyTemplateId', form);
  const template = editing ? editing.surveyTemplate : (templates.data ?? []).find((s) => String(s.id) === templateId);
  const questions = template?.questions ?? [];

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target.mode === 'edit') form.setFieldsValue(toFormValues(target.visit));
    else
      form.setFieldsValue({
        enterpriseId: target.enterprise ? String(target.enterprise.id) : undefined,
        visitedOn: dayjs(),
        kind: 'visit',
        visitorIds: [String(user.id)],
        needs: [],
      });
  }, [target, form, user.id]);

  // Who may be picked: an admin lists the service officers; an officer (who may not list users) only themself.
  const visitorOptions = new Map<string, string>([[String(user.id), user.displayName]]);
  for (const v of editing?.visitors ?? []) visitorOptions.set(String(v.id), v.name);
  for (const o of officers.data ?? []) visitorOptions.set(String(o.id), o.displayName);

  const done = (saved: VisitDetail, text: string) => {
    void message.success(text);
    onClose();
    onSaved?.(saved);
  };
  const onError = (error: unknown) => showProblem(error, withFormNames(form));

  const onFinish = (values: VisitFormValues) => {
    const body = toCreateBody(values, questions);
    if (markIssues(form, visitIssues(body, questions, locale))) return;
    if (editing) {
      const patch = toPatchBody(values, editing);
      update.mutate(
        { id: editing.id, version: editing.version, ...patch },
        { onSuccess: (saved) => done(saved, t('common.saved')), onError },
      );
      return;
    }
    create.mutate(body, {
      onSuccess: (saved) =>
        done(saved, saved.needs.length ? t('visits.savedWithNeeds', { count: saved.needs.length }) : t('visits.saved')),
      onError,
    });
  };

  const required = { required: true, message: t('common.required') };
  const inactive = (id: Id) => !(templates.data ?? []).some((s) => s.id === id && s.active);
  return (
    <FormDrawer
      open={open}
      title={editing ? t('visits.edit', { name: editing.enterprise.name }) : t('visits.create')}
      onClose={onClose}
      form={form}
      saving={create.isPending || update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        name="visit-form"
        onFinish={onFinish}
        scrollToFirstError
        data-testid="visit-form"
      >
        <Form.Item
          name="enterpriseId"
          label={t('visits.enterprise')}
          rules={[required]}
          extra={!editing && user.role === 'service' ? t('visits.enterpriseHint') : undefined}
        >
          <EnterpriseSelect
            testId="visit-enterprise"
            active={open}
            disabled={editing !== null}
            initial={editing ? editing.enterprise : target?.mode === 'new' ? target.enterprise : undefined}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="visitedOn" label={t('visits.visitedOn')} rules={[required]}>
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                data-testid="visit-date"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="kind" label={t('visits.kind')} rules={[required]}>
              <Radio.Group
                optionType="button"
                disabled={editing !== null}
                options={kindOptions(locale)}
                data-testid="visit-kind"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="visitorIds"
          label={t('visits.visitors')}
          extra={user.role === 'service' ? t('visits.visitorsSelfHint') : t('visits.visitorsHint')}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={officers.isFetching}
            options={[...visitorOptions].map(([value, label]) => ({ value, label }))}
            data-testid="visit-visitors"
          />
        </Form.Item>
        {takesDepartments(kind) && (
          <Form.Item name="departmentIds" label={t('visits.departments')} extra={t('visits.departmentsHint')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={routing.loading}
              options={routing.departmentOptions(locale)}
              data-testid="visit-departments"
            />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('visits.notes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder={t('visits.notesPlaceholder')} />
        </Form.Item>

        <Divider titlePlacement="start">{t('visits.survey')}</Divider>
        <Form.Item name="surveyTemplateId" label={t('visits.surveyTemplate')} extra={t('visits.surveyHint')}>
          <Select
            allowClear
            disabled={editing !== null}
            placeholder={t('visits.surveyNone')}
            loading={templates.isPending}
            onChange={() => form.setFieldValue('surveyAnswers', {})}
            options={(templates.data ?? [])
              .filter((s) => s.active || String(s.id) === templateId)
              .map((s) => ({
                value: String(s.id),
                label: inactive(s.id) ? `${s.name}${t('visits.surveyInactive')}` : s.name,
              }))}
            data-testid="visit-survey"
          />
        </Form.Item>
        <SurveyFields questions={questions} />

        {!editing && (
          <>
            <Divider titlePlacement="start">{t('visits.needs')}</Divider>
            <VisitNeedsFields routing={routing} />
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
