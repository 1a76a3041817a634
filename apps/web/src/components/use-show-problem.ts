import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../api/client';
import { useI18n } from '../i18n/use-i18n';

/** `body.user.name` or `/user/name` → ['user', 'name'] (the form's field path). */
const fieldPath = (field: string): string[] =>
  field
    .replace(/^(body|query|params)[./]/, '')
    .split(/[./]/)
    .filter(Boolean);

/**
 * Shows an API error: per-field errors go onto the form's fields, and the
 * problem's `detail` (already in the user's language) goes into a message.
 */
export function useShowProblem(): (error: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  const { t } = useI18n();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!isApiError(error)) {
        void message.error(t('error.unexpected'));
        return;
      }
      const { problem } = error;
      const fieldErrors = problem.errors ?? [];
      const known = form ? Object.keys(form.getFieldsValue() as object) : [];
      const unplaced: string[] = [];
      for (const fieldError of fieldErrors) {
        const path = fieldPath(fieldError.field);
        if (form && path[0] !== undefined && known.includes(path[0])) {
          form.setFields([{ name: path, errors: [fieldError.message] }]);
        } else {
          unplaced.push(fieldError.field ? `${fieldError.field}: ${fieldError.message}` : fieldError.message);
        }
      }
      void message.error([problem.detail || problem.title, ...unplaced].join(' '));
    },
    [message, t],
  );
}
