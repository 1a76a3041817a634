import { checkPassword, PASSWORD_MIN_LENGTH } from '@kaimen/shared';
import type { FormRule } from 'antd';
import type { I18n } from '../i18n/I18nProvider';

/** The shared password policy (§6: 8+ characters from 3 classes), checked before the server does. */
export const passwordRules = (t: I18n['t']): FormRule[] => [
  { required: true, message: t('password.required') },
  {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      if (!checkPassword(value).ok) throw new Error(t('password.policy', { min: PASSWORD_MIN_LENGTH }));
    },
  },
];

/** "Repeat the new password": must equal the field `otherField`. */
export const confirmRules = (t: I18n['t'], otherField: string): FormRule[] => [
  { required: true, message: t('password.required') },
  ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (value && value !== getFieldValue(otherField)) throw new Error(t('password.mismatch'));
    },
  }),
];
