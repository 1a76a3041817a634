import type { Kysely } from 'kysely';

/**
 * Visits and needs (DESIGN.md §4, issue 5): visits with their visitors, departments present and survey answers;
 * survey templates; needs routed to a lead department with supporting departments, their timeline; the office's
 * holiday calendar (SLAs count working days); webhook deliveries per department; Open311 API keys. Enterprises gain
 * a yearly visit target (the tenant's default applies when it is empty).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const stamps = <T extends { addColumn: (...a: any[]) => T }>(t: T) =>
    t
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));
  const tenant = (c: any) => c.notNull().references('tenants.id').onDelete('cascade');
  const index = async (table: string, name: string, cols: string[]) =>
    db.schema.createIndex(name).on(table).columns(cols).execute();

  /** Visits a year each company should have (包联走访); an enterprise's own target overrides it. */
  await db.schema
    .alterTable('tenant_settings')
    .addColumn('yearly_visit_target', 'integer', (c) => c.notNull().defaultTo(2))
    .execute();
  await db.schema.alterTable('enterprises').addColumn('yearly_visit_target', 'integer').execute();
  /** The last need number handed out: one atomic increment per new need (its reference). */
  await db.schema
    .alterTable('tenant_settings')
    .addColumn('need_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await stamps(
    db.schema
      .createTable('survey_templates')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      /** JSON array of { id, type: text | number | single | multi | rating, label, options? }. */
      .addColumn('questions', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  )
    .addPrimaryKeyConstraint('survey_templates_pk', ['tenant_id', 'id'])
    .execute();

  await stamps(
    db.schema
      .createTable('visits')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('visited_on', 'text', (c) => c.notNull())
      /** visit | survey | onsite_office */
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('survey_template_id', 'text')
      /** JSON object of question id → answer. */
      .addColumn('survey_answers', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('visits_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('visits_enterprise_fk', ['tenant_id', 'enterprise_id'], 'enterprises', ['tenant_id', 'id'])
    .addForeignKeyConstraint('visits_survey_fk', ['tenant_id', 'survey_template_id'], 'survey_templates', [
      'tenant_id',
      'id',
    ])
    .execute();
  await index('visits', 'visits_enterprise_idx', ['tenant_id', 'enterprise_id', 'visited_on']);
  await index('visits', 'visits_date_idx', ['tenant_id', 'visited_on', 'id']);

  for (const [table, col, ref] of [
    ['visit_visitors', 'user_id', 'users.id'],
    ['visit_departments', 'department_id', null],
  ] as const) {
    let t = db.schema
      .createTable(table)
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('visit_id', 'text', (c) => c.notNull())
      .addColumn(col, 'text', (c) => (ref ? c.notNull().references(ref) : c.notNull()))
      .addPrimaryKeyConstraint(`${table}_pk`, ['tenant_id', 'visit_id', col])
      .addForeignKeyConstraint(`${table}_visit_fk`, ['tenant_id', 'visit_id'], 'visits', ['tenant_id', 'id'], (fk) =>
        fk.onDelete('cascade'),
      );
    if (!ref) {
      t = t.addForeignKeyConstraint(`${table}_department_fk`, ['tenant_id', col], 'departments', ['tenant_id', 'id']);
    }
    await t.execute();
  }
  await index('visit_visitors', 'visit_visitors_user_idx', ['tenant_id', 'user_id']);

  await stamps(
    db.schema
      .createTable('needs')
      .addColumn('tenant_id', 'text', tenant)
      .addColumn('id', 'text', (c) => c.notNull())
      /** What people quote on the phone: SQ + year + a running number per tenant, e.g. SQ2026-000123. */
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('visit_id', 'text')
      .addColumn('category_code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      /** visit | enterprise | hotline | open311 */
      .addColumn('source', 'text', (c) => c.notNull())
      /** normal | urgent | critical */
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('lead_department_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      /** The service officer who follows it up: the company's assigned officer, else whoever recorded it. */
      .addColumn('officer_id', 'text')
      /** Who to call back (hotline, Open311): personal data, masked for roles that may not see it. */
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('address', 'text')
      .addColumn('lat', 'double precision')
      .addColumn('long', 'double precision')
      /** When it last went to a department (created, resubmitted, reassigned): the clocks start here. */
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      /** 12 working hours after submitted_at: not accepted by then escalates. */
      .addColumn('accept_by', 'text', (c) => c.notNull())
      /** The SLA's last working day (office date) and the instant it ends. */
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('resolution', 'text')
      .addColumn('confirmed_at', 'text')
      .addColumn('satisfaction', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('returned_reason', 'text')
      .addColumn('reopened_count', 'integer', (c) => c.notNull().defaultTo(0))
      /** Set once per submission: by the job (not_accepted | overdue) or an officer (manual). */
      .addColumn('escalated_at', 'text')
      .addColumn('escalation_kind', 'text')
      .addColumn('escalation_reason', 'text')
      /** Set when a resolved need was answered after its due time (the on-time rate reads it). */
      .addColumn('resolved_late', 'integer')
      .addColumn('created_by', 'text'),
  )
    .addPrimaryKeyConstraint('needs_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('needs_reference_uq', ['tenant_id', 'reference'])
    .addForeignKeyConstraint('needs_enterprise_fk', ['tenant_id', 'enterprise_id'], 'enterprises', ['tenant_id', 'id'])
    .addForeignKeyConstraint('needs_visit_fk', ['tenant_id', 'visit_id'], 'visits', ['tenant_id', 'id'])
    .addForeignKeyConstraint('needs_department_fk', ['tenant_id', 'lead_department_id'], 'departments', [
      'tenant_id',
      'id',
    ])
    .execute();
  for (const [name, cols] of [
    ['needs_status_idx', ['tenant_id', 'status', 'submitted_at', 'id']],
    ['needs_department_idx', ['tenant_id', 'lead_department_id', 'status']],
    ['needs_enterprise_idx', ['tenant_id', 'enterprise_id', 'submitted_at']],
    ['needs_officer_idx', ['tenant_id', 'officer_id', 'status']],
    ['needs_visit_idx', ['tenant_id', 'visit_id']],
    ['needs_updated_idx', ['tenant_id', 'updated_at', 'id']],
  ] as const) {
    await index('needs', name, [...cols]);
  }

  /** Supporting departments (协办): they see the need and may comment; the lead department answers it. */
  await db.schema
    .createTable('need_departments')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('need_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('need_departments_pk', ['tenant_id', 'need_id', 'department_id'])
    .addForeignKeyConstraint('need_departments_need_fk', ['tenant_id', 'need_id'], 'needs', ['tenant_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('need_departments_department_fk', ['tenant_id', 'department_id'], 'departments', [
      'tenant_id',
      'id',
    ])
    .execute();
  await index('need_departments', 'need_departments_department_idx', ['tenant_id', 'department_id']);

  /** The need's timeline: every step with who, when and what they wrote. */
  await db.schema
    .createTable('need_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('need_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    /** Null for the escalation job. */
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    /** created | accept | start | resolve | return | resubmit | reassign | escalate | confirm | close | comment | edit */
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('text', 'text')
    .addColumn('department_id', 'text')
    .addColumn('satisfaction', 'text')
    .addPrimaryKeyConstraint('need_events_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('need_events_need_fk', ['tenant_id', 'need_id'], 'needs', ['tenant_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await index('need_events', 'need_events_need_idx', ['tenant_id', 'need_id', 'at']);

  /** The office's calendar: weekday holidays and weekend days worked (调休). */
  await db.schema
    .createTable('holidays')
    .addColumn('tenant_id', 'text', tenant)
    .addColumn('date', 'text', (c) => c.notNull())
    /** holiday | workday */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('holidays_pk', ['tenant_id', 'date'])
    .execute();

  /** Outgoing webhook posts (WeCom / DingTalk robots), retried with back-off and kept as a log. */
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('tenant_id', 'text', tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    /** The JSON body, as sent. */
    .addColumn('payload', 'text', (c) => c.notNull())
    /** pending | delivered | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    /** Who is sending it now, and until when (several instances share the queue). */
    .addColumn('claimed_until', 'text')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addPrimaryKeyConstraint('webhook_deliveries_pk', ['tenant_id', 'id'])
    .execute();
  await index('webhook_deliveries', 'webhook_deliveries_due_idx', ['status', 'next_attempt_at']);
  await index('webhook_deliveries', 'webhook_deliveries_tenant_idx', ['tenant_id', 'created_at']);

  /** Open311 API keys: only a hash is kept; the key is shown once when issued. */
  await db.schema
    .createTable('api_keys')
    .addColumn('tenant_id', 'text', tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    /** The first characters, to tell keys apart in the admin page. */
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('api_keys_pk', ['tenant_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'api_keys',
    'webhook_deliveries',
    'holidays',
    'need_events',
    'need_departments',
    'needs',
    'visit_departments',
    'visit_visitors',
    'visits',
    'survey_templates',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('enterprises').dropColumn('yearly_visit_target').execute();
  await db.schema.alterTable('tenant_settings').dropColumn('need_seq').execute();
  await db.schema.alterTable('tenant_settings').dropColumn('yearly_visit_target').execute();
}
