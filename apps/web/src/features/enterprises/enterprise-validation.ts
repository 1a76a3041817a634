import { enterpriseIssues, label, ZEnterpriseInput, type Locale } from '@kaimen/shared';
import type { EnterpriseBody } from './enterprises-api';

export interface FieldIssue {
  /** The form's name path: ['contacts', 0, 'mobile']. */
  path: (string | number)[];
  message: string;
}

/**
 * Checks the body with the shared ZEnterpriseInput, the schema the API and the
 * import use, so the form refuses exactly what the server would; each issue
 * comes back on the form field it concerns, in the user's language.
 */
export function validateEnterprise(body: EnterpriseBody, locale: Locale): FieldIssue[] {
  const parsed = ZEnterpriseInput.safeParse(body);
  if (parsed.success) return [];
  return enterpriseIssues(parsed.error).map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: label(issue.message, locale),
  }));
}
