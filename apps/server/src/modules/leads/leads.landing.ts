import { isValidUscc, normalizeUscc, STAGES_PAST_SIGNED, type LeadStage } from '@kaimen/shared';
import type { Executor } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadDetail } from '../enterprises/enterprises.repository.js';
import { indexEnterprises } from '../enterprises/search/enterprise-search.js';
import { scalarsOf, writeChildren } from '../enterprises/enterprises.writer.js';
import { loadLead } from './leads.service.js';

export interface LandOptions {
  /** Link to this company of the tenant instead of finding or creating one. */
  enterpriseId?: string;
  /** The registered code, when the lead has none yet. */
  uscc?: string;
}

export interface Landing {
  enterpriseId: string;
  /** True when this call created the company record. */
  created: boolean;
  /** True when the lead was already linked (a second call changes nothing). */
  already: boolean;
}

/**
 * Links a registered lead (注册落地 or beyond) to its local company: the one named, else the tenant's company with its
 * USCC, else a new record carrying the lead's name, USCC, contacts and chain node. Idempotent: the lead row is locked
 * first (PostgreSQL) or the one writer is held (SQLite), so two calls at once link once and create at most one company.
 */
export async function landInTransaction(
  deps: Deps,
  trx: Executor,
  ctx: RequestContext,
  leadId: string,
  options: LandOptions,
): Promise<Landing> {
  const actor = ctx.actor!;
  const tenantId = actor.tenantId!;
  // A no-op write takes the row lock, so a concurrent landing waits here and then sees the link.
  await trx
    .updateTable('leads')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('tenantId', '=', tenantId)
    .where('id', '=', leadId)
    .execute();
  // The caller has checked the actor may land it (a leader's approval lands it too, without the right to land).
  const lead = await trx
    .selectFrom('leads')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .where('id', '=', leadId)
    .executeTakeFirstOrThrow();
  if (lead.enterpriseId) return { enterpriseId: lead.enterpriseId, created: false, already: true };
  if (!STAGES_PAST_SIGNED.includes(lead.stage as LeadStage)) throw new AppError('invalid-transition');

  let enterpriseId: string | undefined;
  let created = false;
  if (options.enterpriseId) {
    const e = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('id', '=', options.enterpriseId)
      .executeTakeFirst();
    if (!e) {
      throw new AppError('validation', {
        errors: [
          {
            field: 'enterpriseId',
            code: 'unknown',
            message: ctx.locale === 'en' ? 'No such company in the registry' : '企业库中没有该企业',
          },
        ],
      });
    }
    enterpriseId = e.id;
  }
  const uscc = normalizeUscc(options.uscc ?? lead.uscc ?? '');
  if (!enterpriseId) {
    if (!uscc || !isValidUscc(uscc)) {
      throw new AppError('validation', {
        errors: [
          {
            field: 'uscc',
            code: uscc ? 'uscc-invalid' : 'required',
            message:
              ctx.locale === 'en'
                ? 'A valid unified social credit code is needed to register the company'
                : '登记落地企业需要有效的统一社会信用代码',
          },
        ],
      });
    }
    const existing = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('uscc', '=', uscc)
      .executeTakeFirst();
    enterpriseId = existing?.id;
  }
  const now = iso(ctx.now);
  if (!enterpriseId) {
    enterpriseId = newId();
    created = true;
    const contacts = await trx
      .selectFrom('leadContacts')
      .select(['name', 'title', 'mobile', 'email'])
      .where('tenantId', '=', tenantId)
      .where('leadId', '=', leadId)
      .orderBy('sort')
      .execute();
    const node = lead.chainNodeId
      ? await trx
          .selectFrom('chainNodes')
          .select(['id', 'code'])
          .where('tenantId', '=', tenantId)
          .where('id', '=', lead.chainNodeId)
          .executeTakeFirst()
      : undefined;
    // The registry's own writer: the same columns and child rows as a company added on its page.
    const input = { uscc, name: lead.companyName, contacts, chainNodeCodes: node ? [node.code] : [] };
    await trx
      .insertInto('enterprises')
      .values({
        tenantId,
        id: enterpriseId,
        ...(scalarsOf(input) as { uscc: string; name: string }),
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await writeChildren(trx, tenantId, enterpriseId, input, new Map(node ? [[node.code, node.id]] : []));
    await indexEnterprises(trx, deps.database.dialect, tenantId, [enterpriseId]);
    const row = await trx
      .selectFrom('enterprises')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('id', '=', enterpriseId)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'enterprise',
      entityId: enterpriseId,
      after: await loadDetail(trx, row, { unmasked: true }),
      detail: `landed from lead ${leadId}`,
    });
  }
  await trx
    .updateTable('leads')
    .set((eb) => ({
      enterpriseId,
      ...(uscc && !lead.uscc ? { uscc } : {}),
      updatedAt: now,
      version: eb('version', '+', 1),
    }))
    .where('tenantId', '=', tenantId)
    .where('id', '=', leadId)
    .execute();
  await recordAudit(trx, ctx, {
    action: 'land',
    entityType: 'lead',
    entityId: leadId,
    before: { enterpriseId: null },
    after: { enterpriseId, created },
  });
  return { enterpriseId, created, already: false };
}

export async function landLead(deps: Deps, ctx: RequestContext, leadId: string, options: LandOptions) {
  return deps.database.transaction(async (trx) => {
    await loadLead(trx, ctx.actor!, leadId, 'land');
    return landInTransaction(deps, trx, ctx, leadId, options);
  });
}
