import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { AttachmentsTable } from '../../db/schema/index.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { contentTypeOf } from './attachments.file-types.js';
import { ownerAccepts, ownerAllows, type AttachmentAccess } from './attachments.registry.js';
import type { TAttachment, TCreateAttachmentRequest, TListAttachmentsRequest } from './attachments.schemas.js';
import {
  commitFile,
  discardTemp,
  openFile,
  receiveFile,
  removeFile,
  storagePathFor,
  type UploadStream,
} from './attachments.storage.js';

type AttachmentRow = Selectable<AttachmentsTable>;

/** Storage details and the tenant stay inside the server. */
function present(a: AttachmentRow): TAttachment {
  const { id, entityType, entityId, filename, contentType, size, sha256, createdBy, createdAt } = a;
  return { id, entityType, entityId, filename, contentType, size: Number(size), sha256, createdBy, createdAt };
}

/** No path, no control or bidi-override characters: the name is shown to people and sent back in headers. */
function cleanFilename(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return clean.slice(-255) || 'file';
}

/** The owner's rule decides; a refusal looks like a missing record and is audited. */
async function authorizeOwner(
  db: Executor,
  actor: Actor,
  entityType: string,
  entityId: string,
  access: AttachmentAccess,
  action: string,
) {
  if (!(await ownerAllows(db, actor, entityType, entityId, access))) throw notFound(entityType, entityId, action);
}

async function load(db: Executor, actor: Actor, id: string, access: AttachmentAccess) {
  const action = access === 'read' ? 'read' : 'delete';
  const row = actor.tenantId
    ? await db
        .selectFrom('attachments')
        .selectAll()
        .where('tenantId', '=', actor.tenantId)
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!row || !(await ownerAllows(db, actor, row.entityType, row.entityId, access)))
    throw notFound('attachment', id, action);
  return row;
}

export async function findAttachments(db: Executor, actor: Actor, q: TListAttachmentsRequest) {
  await authorizeOwner(db, actor, q.entityType, q.entityId, 'read', 'attachment.list');
  const query = db
    .selectFrom('attachments')
    .where('tenantId', '=', tenantOf(actor))
    .where('entityType', '=', q.entityType)
    .where('entityId', '=', q.entityId);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(present), total: Number(total), page: q.page, pageSize: q.pageSize };
}

/**
 * Checks the owner's rule before reading a byte, stores the file under a fresh id, then
 * records the row and its audit event together; a failed insert takes the file away again.
 */
export async function createAttachment(
  deps: Deps,
  ctx: RequestContext,
  input: TCreateAttachmentRequest & { file: UploadStream },
) {
  const actor = ctx.actor!;
  const { db } = deps.database;
  try {
    await authorizeOwner(db, actor, input.entityType, input.entityId, 'write', 'attachment.create');
  } catch (err) {
    input.file.resume();
    throw err;
  }
  const received = await receiveFile(deps.config, input.file);
  const id = newId();
  const storagePath = storagePathFor(tenantOf(actor), id, ctx.now);
  try {
    const filename = cleanFilename(input.filename);
    const contentType = await contentTypeOf(received.tempPath, filename);
    const accepts = ownerAccepts(input.entityType);
    if (accepts && !accepts.contentTypes.includes(contentType)) {
      throw new AppError('unsupported-file-type', {
        params: { allowed: accepts.label },
        internal: `${input.entityType} accepts ${accepts.contentTypes.join(', ')}, got ${contentType}`,
      });
    }
    await commitFile(deps.config, received, storagePath);
    const row: AttachmentRow = {
      tenantId: tenantOf(actor),
      id,
      entityType: input.entityType,
      entityId: input.entityId,
      filename,
      contentType,
      size: received.size,
      sha256: received.sha256,
      storagePath,
      createdBy: actor.userId,
      createdAt: iso(ctx.now),
    };
    return await deps.database.transaction(async (trx) => {
      await trx.insertInto('attachments').values(row).execute();
      await recordAudit(trx, ctx, { action: 'create', entityType: 'attachment', entityId: id, after: present(row) });
      return present(row);
    });
  } catch (err) {
    await discardTemp(received);
    await removeFile(deps.config, storagePath);
    throw err;
  }
}

/** The attachment's metadata and an open stream of its bytes. */
export async function getAttachmentFile(deps: Deps, actor: Actor, id: string) {
  const row = await load(deps.database.db, actor, id, 'read');
  const stream = await openFile(deps.config, row.storagePath);
  if (!stream) throw new AppError('not-found', { internal: `attachment ${id}: file missing at ${row.storagePath}` });
  return { attachment: present(row), stream };
}

/** The row goes first, in a transaction with its audit event; a file left behind by a crash is only an orphan. */
export async function deleteAttachment(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const row = await deps.database.transaction(async (trx) => {
    const before = await load(trx, ctx.actor!, id, 'write');
    await trx.deleteFrom('attachments').where('tenantId', '=', before.tenantId).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'attachment', entityId: id, before: present(before) });
    return before;
  });
  await removeFile(deps.config, row.storagePath);
}
