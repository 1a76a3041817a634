import type { Executor } from '../../db/database.js';
import type { z } from 'zod';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { parseJson } from '../../lib/json.js';
import { staleOrMissing } from '../../lib/optimistic.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { ZCreateChainNodeRequest, ZUpdateChainNodeRequest } from './chain.schemas.js';

/** A node (by id or code) and every node below it: filtering by 'CRO' also finds 临床前研究 companies. */
export async function chainNodeWithDescendants(db: Executor, tenantId: string, idOrCode: string): Promise<string[]> {
  const nodes = await db
    .selectFrom('chainNodes')
    .select(['id', 'code', 'parentId'])
    .where('tenantId', '=', tenantId)
    .execute();
  const root = nodes.find((n) => n.id === idOrCode || n.code === idOrCode);
  if (!root) return [];
  const out = [root.id];
  for (let i = 0; i < out.length; i++) for (const n of nodes) if (n.parentId === out[i]) out.push(n.id);
  return out;
}

type NodeRow = Awaited<ReturnType<typeof loadNode>>;
const present = (n: NodeRow) => ({
  id: n.id,
  parentId: n.parentId,
  code: n.code,
  nameZh: n.nameZh,
  nameEn: n.nameEn,
  segment: n.segment,
  industryCodes: parseJson<string[]>(n.industryCodes, []),
  keywords: parseJson<string[]>(n.keywords, []),
  sort: n.sort,
  version: n.version,
});

async function loadNode(db: Executor, tenantId: string, id: string) {
  const row = await db
    .selectFrom('chainNodes')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('chain-node', id);
  return row;
}

/** The whole tree, flat, in display order: the client nests it by parentId. */
export async function findChainNodes(db: Executor, tenantId: string) {
  const rows = await db
    .selectFrom('chainNodes')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  return { items: rows.map(present) };
}

/** A parent must be in the same tenant and must not be the node itself or below it. */
async function assertParent(
  db: Executor,
  tenantId: string,
  nodeId: string | null,
  parentId: string | null | undefined,
) {
  if (!parentId) return;
  await loadNode(db, tenantId, parentId).catch(() => {
    throw new AppError('validation', {
      errors: [{ field: 'parentId', message: 'unknown parent node', code: 'unknown' }],
    });
  });
  if (nodeId && (await chainNodeWithDescendants(db, tenantId, nodeId)).includes(parentId)) {
    throw new AppError('validation', {
      errors: [{ field: 'parentId', message: 'a node cannot move under itself', code: 'cycle' }],
    });
  }
}

export async function createChainNode(
  deps: Deps,
  ctx: RequestContext,
  tenantId: string,
  input: z.infer<typeof ZCreateChainNodeRequest>,
) {
  return deps.database.transaction(async (trx) => {
    await assertParent(trx, tenantId, null, input.parentId);
    const now = iso(ctx.now);
    const row = {
      tenantId,
      id: newId(),
      parentId: input.parentId ?? null,
      code: input.code,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      segment: input.segment,
      industryCodes: JSON.stringify(input.industryCodes ?? []),
      keywords: JSON.stringify(input.keywords ?? []),
      sort: input.sort ?? 1000,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await trx.insertInto('chainNodes').values(row).execute();
    await recordAudit(trx, ctx, { action: 'create', entityType: 'chain-node', entityId: row.id, after: present(row) });
    return present(row);
  });
}

export async function updateChainNode(
  deps: Deps,
  ctx: RequestContext,
  tenantId: string,
  id: string,
  input: z.infer<typeof ZUpdateChainNodeRequest>,
) {
  const { version, industryCodes, keywords, ...rest } = input;
  return deps.database.transaction(async (trx) => {
    const before = await loadNode(trx, tenantId, id);
    await assertParent(trx, tenantId, id, rest.parentId);
    const set = {
      ...rest,
      ...(industryCodes ? { industryCodes: JSON.stringify(industryCodes) } : {}),
      ...(keywords ? { keywords: JSON.stringify(keywords) } : {}),
    };
    const res = await trx
      .updateTable('chainNodes')
      .set((eb) => ({ ...set, updatedAt: iso(ctx.now), version: eb('version', '+', 1) }))
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw staleOrMissing(true, 'chain-node', id);
    const after = await loadNode(trx, tenantId, id);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'chain-node',
      entityId: id,
      before: present(before),
      after: present(after),
    });
    return present(after);
  });
}

export async function deleteChainNode(deps: Deps, ctx: RequestContext, tenantId: string, id: string) {
  await deps.database.transaction(async (trx) => {
    const before = await loadNode(trx, tenantId, id);
    const child = await trx
      .selectFrom('chainNodes')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('parentId', '=', id)
      .executeTakeFirst();
    const used = await trx
      .selectFrom('enterpriseChainNodes')
      .select('enterpriseId')
      .where('tenantId', '=', tenantId)
      .where('chainNodeId', '=', id)
      .executeTakeFirst();
    const leads = await trx
      .selectFrom('leads')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('chainNodeId', '=', id)
      .executeTakeFirst();
    if (child || used || leads) {
      const en = child
        ? 'The node has child nodes.'
        : used
          ? 'Companies are placed on this node.'
          : 'Investment leads are placed on this node.';
      const zh = child ? '该节点下还有子节点。' : used ? '仍有企业挂在该节点上。' : '仍有招商项目挂在该节点上。';
      throw new AppError('conflict', {
        detail: { 'zh-CN': zh, en },
        errors: [{ field: 'id', message: ctx.locale === 'en' ? en : zh }],
      });
    }
    await trx.deleteFrom('chainNodes').where('tenantId', '=', tenantId).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'chain-node', entityId: id, before: present(before) });
  });
}
