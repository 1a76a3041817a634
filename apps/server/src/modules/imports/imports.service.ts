import fs from 'node:fs';
import type { Locale } from '@kaimen/shared';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { ImportJobsTable } from '../../db/schema/imports.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, forbidden, invalidFields, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { UploadStream } from '../attachments/attachments.storage.js';
import type { ImportHeader } from './import-kind.js';
import { importKind } from './imports.kinds.js';
import { failureMessage } from './imports.messages.js';
import { importsPolicy, type ImportAction } from './imports.policy.js';
import { STALE_AFTER_MS, type ImportPhase, type ImportRunner } from './imports.runner.js';
import type { TImportJob, TListImportsRequest, TStartImportRequest } from './imports.schemas.js';
import {
  importFilePath,
  keepImportFile,
  receiveImportFile,
  removeImportFile,
  sniffFileKind,
  storagePathFor,
} from './imports.storage.js';

type JobRow = Selectable<ImportJobsTable>;

export interface ImportDeps extends Deps {
  imports: ImportRunner;
}

const label = (b: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? b.en : b.zh);

/** A job that says it is checking or running but whose process is gone (restart, crash) has failed. */
function effective(deps: ImportDeps, row: JobRow): Pick<JobRow, 'status' | 'error'> {
  if (row.status !== 'checking' && row.status !== 'running') return row;
  if (deps.imports.isActive(row.id)) return row;
  // SQLite has one process; on PostgreSQL another instance may run it and keeps its heartbeat fresh.
  const beat = row.heartbeatAt ? Date.parse(row.heartbeatAt) : 0;
  if (deps.database.dialect === 'postgres' && deps.config.now().getTime() - beat < STALE_AFTER_MS) return row;
  return { status: 'failed', error: 'interrupted' };
}

async function present(deps: ImportDeps, db: Executor, row: JobRow, locale: Locale): Promise<TImportJob> {
  const kind = importKind(row.kind);
  const { status, error } = effective(deps, row);
  const live = deps.imports.progressOf(row.id);
  const running = status === 'checking' || status === 'running';
  const bytes = live?.bytes ?? Number(row.progressBytes);
  const creator = await db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('id', '=', row.createdBy)
    .executeTakeFirst();
  return {
    id: row.id,
    kind: row.kind,
    status,
    fileName: row.fileName,
    fileKind: row.fileKind,
    fileSize: Number(row.fileSize),
    options: JSON.parse(row.options) as Record<string, unknown>,
    header: row.header ? (JSON.parse(row.header) as ImportHeader) : null,
    fields: kind.fields.map((f) => ({ field: f.field, label: label(f.label, locale) })),
    progress: running
      ? {
          phase: status === 'checking' ? 'check' : 'run',
          bytes,
          totalBytes: Number(row.fileSize),
          rows: live?.rows ?? Number(row.progressRows),
          percent: Number(row.fileSize) > 0 ? Math.min(100, Math.round((bytes / Number(row.fileSize)) * 1000) / 10) : 0,
          stage: live?.stage ?? 'rows',
        }
      : null,
    summary: row.summary ? (JSON.parse(row.summary) as TImportJob['summary']) : null,
    error: error ? { code: error, message: failureMessage(error, locale) } : null,
    createdBy: creator ?? { id: row.createdBy, displayName: row.createdBy },
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    version: row.version,
  };
}

export async function loadImport(db: Executor, actor: Actor, id: string, action: ImportAction): Promise<JobRow> {
  const row = await db
    .selectFrom('importJobs')
    .selectAll()
    .where('id', '=', id)
    .where(importsPolicy.where(actor, action))
    .executeTakeFirst();
  if (!row) throw notFound('import', id, action);
  return row;
}

const fileKindOf = (name: string) => (/\.xlsx$/i.test(name) ? 'xlsx' : /\.(csv|txt|tsv)$/i.test(name) ? 'csv' : null);

/** Receives a spreadsheet, reads its first rows (header, mapping, preview) and keeps it as a job to check and run. */
export async function createImport(
  deps: ImportDeps,
  ctx: RequestContext,
  upload: { kind: string; options?: unknown; fileName: string; file: UploadStream },
): Promise<TImportJob> {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const kind = importKind(upload.kind);
  if (!kind.roles.includes(actor.role)) {
    upload.file.resume();
    throw forbidden('import', `import.${kind.kind}`);
  }
  // Options known at upload (a units import into one building): kept on the job, the check and run start from them.
  const options = kind.ZOptions.safeParse(upload.options ?? {});
  if (!options.success) {
    upload.file.resume();
    throw invalidFields(options.error.issues, 'options.');
  }
  const unsupported = () => new AppError('unsupported-file-type', { params: { allowed: '.xlsx, .csv' } });
  const byName = fileKindOf(upload.fileName);
  if (!byName) {
    upload.file.resume();
    throw unsupported();
  }
  const received = await receiveImportFile(deps.config, upload.file);
  const id = newId();
  const storagePath = storagePathFor(tenantId, id, byName);
  let header: ImportHeader;
  try {
    // The name says which reader; the bytes must agree (an .xls renamed .xlsx, a binary renamed .csv).
    if ((await sniffFileKind(received.tempPath)) !== byName) throw unsupported();
    await keepImportFile(deps.config, received.tempPath, storagePath);
    header = await readableHeader(kind.inspect(importFilePath(deps.config, storagePath), byName, {}));
  } catch (err) {
    await fs.promises.rm(received.tempPath, { force: true });
    await removeImportFile(deps.config, storagePath);
    throw err;
  }
  const now = iso(ctx.now);
  const row = await deps.database.transaction(async (trx) => {
    await trx
      .insertInto('importJobs')
      .values({
        tenantId,
        id,
        kind: kind.kind,
        status: 'uploaded',
        fileName: upload.fileName,
        fileKind: byName,
        fileSize: received.size,
        storagePath,
        options: JSON.stringify(options.data),
        header: JSON.stringify(header),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'upload',
      entityType: 'import',
      entityId: id,
      after: { kind: kind.kind, fileName: upload.fileName, size: received.size },
    });
    return trx
      .selectFrom('importJobs')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  });
  return present(deps, deps.database.db, row, ctx.locale);
}

export async function getImport(deps: ImportDeps, actor: Actor, id: string, locale: Locale) {
  return present(deps, deps.database.db, await loadImport(deps.database.db, actor, id, 'read'), locale);
}

/** The actor's imports (an admin's: the tenant's), newest first. */
export async function findImports(deps: ImportDeps, actor: Actor, q: TListImportsRequest, locale: Locale) {
  const db = deps.database.db;
  let base = db.selectFrom('importJobs').where(importsPolicy.where(actor, 'read'));
  if (q.kind) base = base.where('kind', '=', q.kind);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const items = await Promise.all(rows.map((r) => present(deps, db, r, locale)));
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}

const busy = () =>
  new AppError('conflict', {
    detail: {
      'zh-CN': '该导入正在进行中，请等待完成或先取消。',
      en: 'This import is in progress: wait for it or cancel it.',
    },
  });

/** A file the reader cannot make sense of is the user's to fix: a clear 422, never a 500. */
const readableHeader = (inspecting: Promise<ImportHeader>): Promise<ImportHeader> =>
  inspecting.catch((err: unknown) => {
    if (err instanceof AppError) throw err;
    throw new AppError('unprocessable', {
      detail: { 'zh-CN': '文件无法读取，可能已损坏。', en: 'The file cannot be read; it may be damaged.' },
      internal: err instanceof Error ? err.message : String(err),
    });
  });

/**
 * Starts a dry run (`check`) or the import itself (`run`) with the options given, in the background; the job's page
 * follows its progress. A run checks every row again: what the check found may have changed since.
 */
export async function startImport(
  deps: ImportDeps,
  ctx: RequestContext,
  id: string,
  phase: ImportPhase,
  body: TStartImportRequest,
): Promise<TImportJob> {
  const actor = ctx.actor!;
  const db = deps.database.db;
  const row = await loadImport(db, actor, id, 'update');
  const { status } = effective(deps, row);
  if (status === 'checking' || status === 'running') throw busy();
  if (status === 'done')
    throw new AppError('conflict', {
      detail: {
        'zh-CN': '该文件已导入完成，如需再次导入请重新上传。',
        en: 'This file has been imported; upload it again to re-import.',
      },
    });
  if (!row.storagePath) throw notFound('import', id, 'update');
  const kind = importKind(row.kind);
  const parsed = kind.ZOptions.safeParse(body.options);
  if (!parsed.success) throw invalidFields(parsed.error.issues, 'options.');
  // The header and mapping as these options make them, for the page to show while the check goes on.
  const header = await readableHeader(
    kind.inspect(importFilePath(deps.config, row.storagePath), row.fileKind, parsed.data),
  );
  const now = iso(ctx.now);
  const next = phase === 'check' ? 'checking' : 'running';
  const res = await deps.database.transaction(async (trx) => {
    const updated = await trx
      .updateTable('importJobs')
      .set((eb) => ({
        status: next,
        options: JSON.stringify(parsed.data),
        header: JSON.stringify(header),
        error: null,
        progressBytes: 0,
        progressRows: 0,
        startedAt: now,
        finishedAt: null,
        heartbeatAt: now,
        updatedAt: now,
        version: eb('version', '+', 1),
      }))
      .where('tenantId', '=', row.tenantId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('stale-version');
    await recordAudit(trx, ctx, {
      action: phase === 'check' ? 'check' : 'run',
      entityType: 'import',
      entityId: id,
      after: { options: parsed.data },
    });
    return trx
      .selectFrom('importJobs')
      .selectAll()
      .where('tenantId', '=', row.tenantId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  });
  void deps.imports.enqueue({ tenantId: row.tenantId, jobId: id, phase, ctx });
  return present(deps, db, res, ctx.locale);
}

/** Stops a check or run of this instance: the run's transaction rolls back, nothing of it stays. */
export async function cancelImport(deps: ImportDeps, ctx: RequestContext, id: string): Promise<TImportJob> {
  const db = deps.database.db;
  const row = await loadImport(db, ctx.actor!, id, 'update');
  const { status } = effective(deps, row);
  if (status !== 'checking' && status !== 'running')
    throw new AppError('conflict', {
      detail: { 'zh-CN': '该导入没有在进行中。', en: 'This import is not in progress.' },
    });
  if (!deps.imports.cancel(id))
    throw new AppError('conflict', {
      detail: {
        'zh-CN': '该导入正在另一台服务器上进行，请稍后再试。',
        en: 'This import runs on another server instance; try again shortly.',
      },
    });
  await recordAudit(db, ctx, { action: 'cancel', entityType: 'import', entityId: id });
  return present(deps, db, row, ctx.locale);
}

/** Forgets a job and its file (not while it runs). The records it imported stay. */
export async function deleteImport(deps: ImportDeps, ctx: RequestContext, id: string): Promise<void> {
  const row = await loadImport(deps.database.db, ctx.actor!, id, 'update');
  const { status } = effective(deps, row);
  if (status === 'checking' || status === 'running') throw busy();
  await deps.database.transaction(async (trx) => {
    await trx.deleteFrom('importJobs').where('tenantId', '=', row.tenantId).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'import',
      entityId: id,
      before: { kind: row.kind, fileName: row.fileName, status: row.status },
    });
  });
  await removeImportFile(deps.config, row.storagePath);
}
