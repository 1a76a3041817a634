import { App, Form, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { canPickOfficer } from '../../app/access';
import { FormDrawer, markIssues } from '../../components/FormDrawer';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { BasicFields } from './BasicFields';
import { toBody, toFormValues, type EnterpriseFormValues } from './enterprise-form-values';
import type { EnterpriseDetail } from './enterprise-types';
import { validateEnterprise } from './enterprise-validation';
import { ContactsFields, FiguresFields, FormerNamesFields, QualificationsFields } from './EnterpriseListFields';
import { useEnterpriseMutations } from './enterprises-api';

interface Props {
  /** `null`: closed; `'new'`: register a company; a record: edit it. */
  target: EnterpriseDetail | 'new' | null;
  onClose: () => void;
  onSaved?: (saved: EnterpriseDetail) => void;
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

export function EnterpriseFormDrawer({ target, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const showProblem = useShowProblem();
  const { create, update } = useEnterpriseMutations();
  const editing = target !== null && target !== 'new' ? target : null;
  const officerPicker = canPickOfficer(user.role);
  const masked = editing?.personalDataMasked ?? false;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target !== 'new') form.setFieldsValue(toFormValues(target));
  }, [target, form]);

  const officerOf = (values: EnterpriseFormValues) => {
    if (officerPicker) return values.assignedOfficerId ?? (editing ? null : undefined);
    // A service officer sees only the companies assigned to them: theirs is the one they register.
    return !editing && user.role === 'service' ? String(user.id) : undefined;
  };

  const onFinish = (values: EnterpriseFormValues) => {
    const body = toBody(values, {
      clearWith: editing ? null : undefined,
      includeContacts: !masked,
      assignedOfficerId: officerOf(values),
    });
    const issues = validateEnterprise(body, locale);
    if (markIssues(form, issues)) return;
    const done = {
      onSuccess: (saved: EnterpriseDetail) => {
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
      title={editing ? t('enterprise.edit', { name: editing.name }) : t('enterprise.create')}
      onClose={onClose}
      form={form}
      saving={create.isPending || update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        name="enterprise-form"
        onFinish={onFinish}
        scrollToFirstError
        data-testid="enterprise-form"
      >
        <BasicFields officerPicker={officerPicker} />
        <FormerNamesFields />
        <ContactsFields masked={masked} />
        <QualificationsFields />
        <FiguresFields />
      </Form>
    </FormDrawer>
  );
}
