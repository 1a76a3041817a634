import { App, Form, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { FormDrawer, markIssues } from '../../components/FormDrawer';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { ContactsFields } from '../enterprises/EnterpriseListFields';
import { DuplicateWarning } from './DuplicateWarning';
import { toBody, toFormValues, validateLead, type LeadFormValues } from './lead-form-values';
import { CapitalFields, LeadBasicFields } from './LeadFormFields';
import type { LeadDetail } from './lead-types';
import { useLeadMutations } from './leads-api';

interface Props {
  /** `null`: closed; `'new'`: add a lead; a record: edit it. */
  target: LeadDetail | 'new' | null;
  onClose: () => void;
  onSaved?: (saved: LeadDetail) => void;
}

/** The server names list fields 'contacts.0.mobile'; the form numbers list rows, so '0' must become 0. */
const withNumberedPaths = (form: FormInstance): FormInstance => ({
  ...form,
  setFields: (fields) =>
    form.setFields(
      fields.map((f) => ({
        ...f,
        name: Array.isArray(f.name)
          ? f.name.map((p: unknown) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p))
          : f.name,
      })),
    ),
});

/** 新建线索 / 编辑: every field of ZLeadInput, contacts and capital arrived, and the duplicate warning as one types. */
export function LeadFormDrawer({ target, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeadFormValues>();
  const showProblem = useShowProblem();
  const { create, update } = useLeadMutations();
  const editing = target !== null && target !== 'new' ? target : null;
  const masked = editing?.personalDataMasked ?? false;
  const companyName = Form.useWatch('companyName', form) ?? '';
  const uscc = Form.useWatch('uscc', form) ?? '';

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target !== 'new') form.setFieldsValue(toFormValues(target, locale));
  }, [target, form, locale]);

  const onFinish = (values: LeadFormValues) => {
    const body = toBody(values, { clearWith: editing ? null : undefined, includeContacts: !masked });
    const issues = validateLead(body, locale);
    if (markIssues(form, issues)) return;
    const done = {
      onSuccess: (saved: LeadDetail) => {
        void message.success(t('common.saved'));
        onClose();
        onSaved?.(saved);
      },
      onError: (error: unknown) => showProblem(error, withNumberedPaths(form)),
    };
    if (editing) update.mutate({ id: editing.id, version: editing.version, ...body }, done);
    else create.mutate(body, done);
  };

  return (
    <FormDrawer
      open={target !== null}
      title={editing ? t('leads.edit', { name: editing.companyName }) : t('leads.create')}
      onClose={onClose}
      form={form}
      saving={create.isPending || update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        name="lead-form"
        onFinish={onFinish}
        scrollToFirstError
        data-testid="lead-form"
      >
        {target !== null && (
          <DuplicateWarning companyName={companyName} uscc={uscc} {...(editing ? { excludeId: editing.id } : {})} />
        )}
        <LeadBasicFields />
        <ContactsFields masked={masked} />
        <CapitalFields />
      </Form>
    </FormDrawer>
  );
}
