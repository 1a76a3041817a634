import { AppError } from '../../lib/app-error.js';
import { enterpriseImportKind } from '../enterprises/import/enterprise-import-kind.js';
import { leadImportKind } from '../leads/import/lead-import-kind.js';
import { parcelImportKind } from '../property/import/parcel-import-kind.js';
import { unitImportKind } from '../property/import/unit-import-kind.js';
import type { ImportKind } from './import-kind.js';

/** Every kind of record a spreadsheet can bring in; a module adds its own here. */
const KINDS: Record<string, ImportKind<any>> = {
  [enterpriseImportKind.kind]: enterpriseImportKind,
  [leadImportKind.kind]: leadImportKind,
  [unitImportKind.kind]: unitImportKind,
  [parcelImportKind.kind]: parcelImportKind,
};

export const IMPORT_KINDS = Object.keys(KINDS);

export function importKind(kind: string): ImportKind<any> {
  const k = KINDS[kind];
  if (!k)
    throw new AppError('validation', { errors: [{ field: 'kind', message: `unknown kind ${kind}`, code: 'invalid' }] });
  return k;
}
