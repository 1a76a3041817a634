import type { Role } from '@kaimen/shared';
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor } from './actor.js';

/**
 * Data scopes of DESIGN.md §2. One declaration per entity decides both
 * "may I see this record" (`canAccess`) and "which records does my list show" (`where`).
 */
export type Scope =
  | 'platform' // the platform operator, across tenants
  | 'tenant' // every row of the actor's tenant
  | 'self' // the row that is the actor (users)
  | 'own-department'
  | 'own-enterprise'
  | 'assigned'; // rows assigned to the actor (e.g. an officer's enterprises)

export type Rules<A extends string> = Record<A, Partial<Record<Role, Scope>>>;

/** Which columns carry the facts a scope tests. */
export interface ScopeColumns {
  tenant?: string;
  self?: string;
  department?: string;
  enterprise?: string;
  assignee?: string;
}

type Row = Record<string, unknown>;

export interface Policy<A extends string> {
  entity: string;
  rules: Rules<A>;
  /** The role may perform the action on at least some rows. */
  allows(actor: Actor | null, action: A): boolean;
  scope(actor: Actor, action: A): Scope | undefined;
  /** Record rule: the same scopes as `where`, evaluated on a loaded row (camelCase keys). */
  canAccess(actor: Actor, action: A, row: Row): boolean;
  /** List rule: a Kysely filter for the rows the actor may see through this action. */
  where(actor: Actor, action: A, table?: string): (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;
  actions: A[];
}

const camel = (col: string) => col.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function definePolicy<A extends string>(entity: string, columns: ScopeColumns, rules: Rules<A>): Policy<A> {
  const cols = { tenant: 'tenant_id', ...columns };
  const scope = (actor: Actor, action: A) => rules[action]?.[actor.role];
  const value = (actor: Actor, s: Scope): { col?: string; val: unknown } | null => {
    switch (s) {
      case 'platform':
      case 'tenant':
        return null;
      case 'self':
        return { col: cols.self, val: actor.userId };
      case 'own-department':
        return { col: cols.department, val: actor.departmentId };
      case 'own-enterprise':
        return { col: cols.enterprise, val: actor.enterpriseId };
      case 'assigned':
        return { col: cols.assignee, val: actor.userId };
    }
  };
  return {
    entity,
    rules,
    actions: Object.keys(rules) as A[],
    allows: (actor, action) => !!actor && !!scope(actor, action),
    scope,
    canAccess(actor, action, row) {
      const s = scope(actor, action);
      if (!s) return false;
      if (s !== 'platform' && row[camel(cols.tenant)] !== actor.tenantId) return false;
      const v = value(actor, s);
      if (!v) return true;
      return !!v.col && v.val != null && row[camel(v.col)] === v.val;
    },
    where(actor, action, table) {
      const q = (c: string) => (table ? `${table}.${c}` : c);
      return (eb) => {
        const s = scope(actor, action);
        if (!s) return sql<SqlBool>`1 = 0`;
        const conds: Expression<SqlBool>[] = [];
        if (s !== 'platform') conds.push(eb(eb.ref(q(cols.tenant)), '=', actor.tenantId));
        const v = value(actor, s);
        if (v) {
          if (!v.col || v.val == null) return sql<SqlBool>`1 = 0`;
          conds.push(eb(eb.ref(q(v.col)), '=', v.val));
        }
        return conds.length ? eb.and(conds) : sql<SqlBool>`1 = 1`;
      };
    },
  };
}
