import type { Kysely } from 'kysely';

/**
 * Spreadsheet imports as jobs (issue: the page can be left and come back to): the uploaded file, the options the user
 * chose, progress and summary; and the bad rows of the last check or run, with their original cells for the report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_kind', 'text', (c) => c.notNull())
    .addColumn('file_size', 'bigint', (c) => c.notNull())
    /** Relative to the data dir's imports folder; null once the file has been cleaned up. */
    .addColumn('storage_path', 'text')
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('header', 'text')
    .addColumn('progress_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('import_jobs_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('import_jobs_tenant_created_idx')
    .on('import_jobs')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('import_errors')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    /** JSON: [{ column, columnIndex, field, reason, message: { zh, en } }]. */
    .addColumn('errors', 'text', (c) => c.notNull())
    /** JSON: the row's cells as read, for the downloadable report. */
    .addColumn('cells', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_errors_pk', ['tenant_id', 'import_id', 'row_number'])
    .addForeignKeyConstraint(
      'import_errors_job_fk',
      ['tenant_id', 'import_id'],
      'import_jobs',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_errors').ifExists().execute();
  await db.schema.dropTable('import_jobs').ifExists().execute();
}
