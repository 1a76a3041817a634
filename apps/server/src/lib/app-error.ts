import { ERROR_STATUS, type ErrorCode, type Locale } from '@kaimen/shared';

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

/** The one error type services throw; the error handler turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly options: {
      params?: Record<string, string | number>;
      errors?: FieldError[];
      /** Extra members of the problem document (e.g. `retryAfterMinutes`). */
      extra?: Record<string, unknown>;
      /** Record the refusal in the audit log. */
      refused?: { entityType: string; entityId?: string | null; action: string };
      /** A more precise user-facing text than the code's default. */
      detail?: Record<Locale, string>;
      /** Internal note for logs only; never sent to the client. */
      internal?: string;
    } = {},
  ) {
    super(options.internal ?? code);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (entityType: string, entityId?: string, action = 'read') =>
  new AppError('not-found', { refused: { entityType, entityId, action } });

export const forbidden = (entityType: string, action: string, entityId?: string) =>
  new AppError('forbidden', { refused: { entityType, entityId, action } });

/** A zod result's issues as a 400 with one field error each; `prefix` names the part they are about (`options.`). */
export const invalidFields = (
  issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[],
  prefix = '',
) =>
  new AppError('validation', {
    errors: issues.map((i) => ({
      field: `${prefix}${i.path.map(String).join('.')}`,
      message: i.message,
      code: i.code,
    })),
  });
