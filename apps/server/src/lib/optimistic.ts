import { AppError, notFound } from './app-error.js';

/**
 * An update matched no row: either the record is gone (404) or its version moved on (409).
 * `exists` says which.
 */
export function staleOrMissing(exists: boolean, entityType: string, id: string): AppError {
  return exists ? new AppError('stale-version') : notFound(entityType, id, 'update');
}
