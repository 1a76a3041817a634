import type { Kysely } from 'kysely';

/**
 * The investment pipeline (DESIGN.md §3, §4; issue 4): leads with their contacts, capital arrived, stage history and
 * activities; investigation trips with members and meetings; and three platform pieces later modules reuse:
 * approval requests, in-app notifications and saved list filters. Tenant settings gain the approval threshold and the
 * follow-up rules.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const stamps = <T extends { addColumn: (...a: any[]) => T }>(t: T) =>
    t
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));
  const tenant = (c: any) => c.notNull().references('tenants.id').onDelete('cascade');

  /** Yuan, whole; a lead past 签约 with a planned investment at or above it waits for a leader. Default 1亿. */
  await db.schema
    .alterTable('tenant_settings')
    .addColumn('lead_approval_threshold', 'bigint', (c) => c.notNull().defaultTo(100_000_000))
    .execute();
  /** JSON { firstContactDays, screeningDays, staleDays } (DESIGN.md §3 defaults 1, 3, 14). */
  await db.schema
    .alterTable('tenant_settings')
    .addColumn('follow_up_rules', 'text', (c) =>
      c.notNull().defaultTo('{"firstContactDays":1,"screeningDays":3,"staleDays":14}'),
    )
    .execute();

  await stamps(
    db.schema
      .createTable('trips')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('destination', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text')
      .addColumn('notes', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('trips_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('trips_tenant_starts_idx')
    .on('trips')
    .columns(['tenant_id', 'starts_on', 'id'])
    .execute();

  await db.schema
    .createTable('trip_members')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('trip_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('trip_members_pk', ['tenant_id', 'trip_id', 'user_id'])
    .addForeignKeyConstraint('trip_members_trip_fk', ['tenant_id', 'trip_id'], 'trips', ['tenant_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('trip_meetings')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('trip_id', 'text', (c) => c.notNull())
    .addColumn('met_on', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    /** Free text: the people met, as the officer wrote them down. */
    .addColumn('people', 'text')
    .addColumn('notes', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trip_meetings_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('trip_meetings_trip_fk', ['tenant_id', 'trip_id'], 'trips', ['tenant_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('trip_meetings_trip_idx').on('trip_meetings').columns(['tenant_id', 'trip_id']).execute();

  await stamps(
    db.schema
      .createTable('leads')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('company_name', 'text', (c) => c.notNull())
      /** Folded, without legal-form suffixes and brackets: what duplicate detection compares. */
      .addColumn('normalized_name', 'text', (c) => c.notNull())
      .addColumn('uscc', 'text')
      .addColumn('source_channel', 'text', (c) => c.notNull())
      .addColumn('chain_node_id', 'text')
      .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('stage_entered_at', 'text', (c) => c.notNull())
      /** Yuan, whole. */
      .addColumn('planned_investment', 'bigint')
      .addColumn('space_unit_type', 'text')
      // double precision: PostgreSQL's real is 4 bytes and would round large areas with decimals.
      .addColumn('space_area', 'double precision')
      /** JSON array of codes (gmp, lab_exhaust …) */
      .addColumn('space_requirements', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('space_notes', 'text')
      .addColumn('expected_jobs', 'integer')
      .addColumn('expected_annual_tax', 'bigint')
      .addColumn('next_follow_up_on', 'text')
      .addColumn('last_activity_at', 'text')
      .addColumn('notes', 'text')
      .addColumn('lost_reason', 'text')
      /** The local company once it registered (注册落地), or one it was linked to. */
      .addColumn('enterprise_id', 'text')
      .addColumn('trip_id', 'text')
      .addColumn('trip_meeting_id', 'text')
      /** Set by the follow-up job: first_contact | screening | stale, and since when. */
      .addColumn('overdue_kind', 'text')
      .addColumn('overdue_since', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('leads_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('leads_chain_node_fk', ['tenant_id', 'chain_node_id'], 'chain_nodes', ['tenant_id', 'id'])
    .addForeignKeyConstraint('leads_enterprise_fk', ['tenant_id', 'enterprise_id'], 'enterprises', ['tenant_id', 'id'])
    .addForeignKeyConstraint('leads_trip_fk', ['tenant_id', 'trip_id'], 'trips', ['tenant_id', 'id'])
    .execute();
  for (const [name, cols] of [
    ['leads_tenant_stage_idx', ['tenant_id', 'stage', 'updated_at', 'id']],
    ['leads_tenant_owner_idx', ['tenant_id', 'owner_id', 'stage']],
    ['leads_tenant_updated_idx', ['tenant_id', 'updated_at', 'id']],
    ['leads_tenant_uscc_idx', ['tenant_id', 'uscc']],
    ['leads_tenant_norm_name_idx', ['tenant_id', 'normalized_name']],
    ['leads_tenant_trip_idx', ['tenant_id', 'trip_id']],
    ['leads_tenant_enterprise_idx', ['tenant_id', 'enterprise_id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('leads')
      .columns([...cols])
      .execute();
  }

  const leadChild = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull())
      .addForeignKeyConstraint(`${table}_lead_fk`, ['tenant_id', 'lead_id'], 'leads', ['tenant_id', 'id'], (fk) =>
        fk.onDelete('cascade'),
      );

  /** Personal data: masked for roles that may not see it. */
  await leadChild('lead_contacts')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('mobile', 'text')
    .addColumn('email', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('lead_contacts_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('lead_contacts_lead_idx').on('lead_contacts').columns(['tenant_id', 'lead_id']).execute();

  /** Capital actually arrived (实际到资): a dated series that grows over time. */
  await leadChild('lead_capital')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('arrived_on', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('lead_capital_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('lead_capital_lead_idx')
    .on('lead_capital')
    .columns(['tenant_id', 'lead_id', 'arrived_on'])
    .execute();

  /** Every stage move: who, when, from, to, a comment; the approval that allowed it, if one was needed. */
  await leadChild('lead_stage_moves')
    .addColumn('id', 'text', (c) => c.notNull())
    /** null for the stage a lead was created in. */
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('approval_id', 'text')
    .addPrimaryKeyConstraint('lead_stage_moves_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('lead_stage_moves_lead_idx')
    .on('lead_stage_moves')
    .columns(['tenant_id', 'lead_id', 'at'])
    .execute();
  await db.schema
    .createIndex('lead_stage_moves_tenant_at_idx')
    .on('lead_stage_moves')
    .columns(['tenant_id', 'to_stage', 'at'])
    .execute();

  /** Calls, meetings, site visits, e-mails. */
  await leadChild('lead_activities')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    /** JSON array of names. */
    .addColumn('participants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text')
    .addColumn('next_follow_up_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_activities_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('lead_activities_lead_idx')
    .on('lead_activities')
    .columns(['tenant_id', 'lead_id', 'occurred_on'])
    .execute();

  /** A request for a leader's decision on one record (a lead's move past 签约 now; policy awards later). */
  await stamps(
    db.schema
      .createTable('approvals')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      /** What is asked, e.g. 'lead-stage'. */
      .addColumn('action', 'text', (c) => c.notNull())
      /** JSON: what the decision applies (for a stage move: { from, to, comment }). */
      .addColumn('payload', 'text', (c) => c.notNull())
      /** pending | approved | rejected | withdrawn */
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('decision_comment', 'text'),
  )
    .addPrimaryKeyConstraint('approvals_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('approvals_tenant_status_idx')
    .on('approvals')
    .columns(['tenant_id', 'status', 'requested_at'])
    .execute();
  await db.schema
    .createIndex('approvals_entity_idx')
    .on('approvals')
    .columns(['tenant_id', 'entity_type', 'entity_id'])
    .execute();

  /** In-app notifications; `dedupe_key` makes a job's second notice of the same thing a no-op. */
  await db.schema
    .createTable('notifications')
    .addColumn('tenant_id', 'text', tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text')
    .addColumn('body_en', 'text')
    /** A path in the web app, e.g. /leads/<id>. */
    .addColumn('link', 'text')
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addPrimaryKeyConstraint('notifications_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('notifications_dedupe_uq', ['tenant_id', 'user_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['tenant_id', 'user_id', 'created_at', 'id'])
    .execute();

  /** A user's named filters of one list screen (the query string as the URL carries it). */
  await db.schema
    .createTable('saved_filters')
    .addColumn('tenant_id', 'text', tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('screen', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('saved_filters_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('saved_filters_name_uq', ['tenant_id', 'user_id', 'screen', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'saved_filters',
    'notifications',
    'approvals',
    'lead_activities',
    'lead_stage_moves',
    'lead_capital',
    'lead_contacts',
    'leads',
    'trip_meetings',
    'trip_members',
    'trips',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('tenant_settings').dropColumn('follow_up_rules').execute();
  await db.schema.alterTable('tenant_settings').dropColumn('lead_approval_threshold').execute();
}
