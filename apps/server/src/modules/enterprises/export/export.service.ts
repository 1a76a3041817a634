import fs from 'node:fs';
import { XLSX_TYPE, officeDayStamp } from '../../../lib/content-disposition.js';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import type { Locale } from '@kaimen/shared';
import type { Database } from '../../../db/database.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { tenantForOperator } from '../../tenants/tenants.service.js';
import { openExportRows } from './export-rows.js';
import { EXPORT_FORMATS, type ExportFormat, type TExportEnterprisesRequest } from './export.schemas.js';
import { writeExport, type ExportSummary } from './write-export.js';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: XLSX_TYPE,
  csv: 'text/csv; charset=utf-8',
};

/** `企业名录-20260302.xlsx` (`enterprises-…` in English), dated in China time, where the offices are. */
export function exportFilename(locale: Locale, now: Date, format: ExportFormat): string {
  const day = officeDayStamp(now);
  return `${locale === 'en' ? 'enterprises' : '企业名录'}-${day}.${format}`;
}

export interface ExportFile {
  filename: string;
  /** The same in English, for clients that cannot read `filename*`. */
  asciiFilename: string;
  contentType: string;
  /** A search with more hits than SEARCH_EXPORT_CAP: the file holds the first ones. */
  truncated: boolean;
  stream: Readable;
}

/**
 * GET /api/enterprises/export: the list the actor sees with these filters, in its order, contacts masked row by row
 * as the record page masks them. Filters are checked and the first rows read before this returns; the rest streams.
 */
export async function exportEnterprises(
  deps: Deps,
  ctx: RequestContext,
  q: TExportEnterprisesRequest,
): Promise<ExportFile> {
  const { format, ...filters } = q;
  const rows = await openExportRows(deps.database, ctx.actor!, filters, { personalData: 'policy' });
  const stream = new PassThrough();
  // Runs on while the reply streams: a failure breaks the download off (it is audited), too late for a problem+json.
  void writeExport(stream, rows, {
    format,
    filters,
    locale: ctx.locale,
    audit: (event) => recordAudit(deps.database.db, ctx, event),
  }).catch(() => undefined);
  return {
    filename: exportFilename(ctx.locale, ctx.now, format),
    asciiFilename: exportFilename('en', ctx.now, format),
    contentType: EXPORT_CONTENT_TYPES[format],
    truncated: rows.truncated,
    stream,
  };
}

export const CLI_ACTOR = 'kaimen-cli';

export interface ExportToFileOptions {
  file: string;
  /** Tenant slug; may be left out when the database holds one tenant. */
  tenant?: string;
  /** From the file's extension unless given. */
  format?: ExportFormat;
  locale?: Locale;
  now?: Date;
}

/** The format a file name asks for (`.xlsx`, `.csv`), unless one is given. */
export function formatFor(file: string, given?: string): ExportFormat {
  const format = (given ?? path.extname(file).slice(1)).toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw new Error(`cannot tell the format of ${file}: name it .xlsx or .csv, or pass --format xlsx|csv`);
}

/**
 * `kaimen export enterprises <file>`: an operator's export of a whole tenant, unmasked, audited as kaimen-cli. The
 * file is written beside its name and renamed when complete, so a failed run leaves no half file behind.
 */
export async function exportEnterprisesToFile(
  database: Database,
  o: ExportToFileOptions,
): Promise<ExportSummary & { tenant: string }> {
  const format = formatFor(o.file, o.format);
  const tenant = await tenantForOperator(database.db, o.tenant);
  // An operator acts on the whole tenant, with an admin's scope.
  const actor: Actor = {
    userId: CLI_ACTOR,
    username: CLI_ACTOR,
    role: 'admin',
    tenantId: tenant.id,
    departmentId: null,
    departmentHead: false,
    enterpriseId: null,
  };
  const ctx: RequestContext = {
    actor: null,
    ip: null,
    requestId: null,
    locale: o.locale ?? 'zh-CN',
    now: o.now ?? new Date(),
  };
  const rows = await openExportRows(database, actor, {}, { personalData: 'unmasked' });
  const partial = `${o.file}.partial`;
  try {
    const summary = await writeExport(fs.createWriteStream(partial), rows, {
      format,
      filters: {},
      locale: ctx.locale,
      audit: (event) =>
        recordAudit(database.db, ctx, {
          ...event,
          tenantId: tenant.id,
          actorUsername: CLI_ACTOR,
          actorUserId: null,
          actorRole: null,
        }),
    });
    fs.renameSync(partial, o.file);
    return { ...summary, tenant: tenant.slug };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
