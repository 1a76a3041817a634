import { Button, Drawer, Space, type FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/use-i18n';

/** A record's create/edit drawer: the form inside, Cancel and Save at the top (Save submits the form). */
export function FormDrawer({
  open,
  title,
  onClose,
  form,
  saving,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  form: FormInstance;
  saving: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Drawer
      open={open}
      title={title}
      size={880}
      onClose={onClose}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}

/**
 * Puts a shared schema's issues on the form's fields (their paths are the body's, which the field names mirror) and
 * scrolls to the first; false when there were none.
 */
export function markIssues(form: FormInstance, issues: readonly { path: (string | number)[]; message: string }[]) {
  if (issues.length === 0) return false;
  const fields = issues.map((issue) => ({ name: issue.path as NamePath, errors: [issue.message] }));
  form.setFields(fields as Parameters<typeof form.setFields>[0]);
  form.scrollToField(issues[0]!.path);
  return true;
}
