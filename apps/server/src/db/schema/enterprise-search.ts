import type { ColumnType } from 'kysely';

/**
 * The enterprise search index (modules/enterprises/search), derived from enterprises and enterprise_former_names and
 * rebuilt from them at will: never backed up, never the source of anything.
 *
 * One row per indexed enterprise. On SQLite the tokens live in the FTS5 table `enterprise_search_fts` (contentless,
 * columns `name` and `scope`, rowid = doc_id); on PostgreSQL in the two tsvector columns here. Only the columns of
 * the running database exist: query them through the search module, not directly.
 */
export interface EnterpriseSearchTable {
  /** SQLite only: the FTS5 rowid, ascending with (name, enterprise_id) in the tenant's block (see search-sqlite.ts). */
  docId: ColumnType<number, number | undefined, number>;
  tenantId: string;
  enterpriseId: string;
  /** enterprises.name when indexed: the sort key of results (collation "C" on PostgreSQL, binary on SQLite). */
  name: string;
  /** PostgreSQL only: tokens of name, former names and USCC. */
  nameTsv: ColumnType<string, string | undefined, string>;
  /** PostgreSQL only: tokens of the business scope. */
  scopeTsv: ColumnType<string, string | undefined, string>;
}

/** SQLite only: each tenant's range of doc ids, [block·2^38, (block+1)·2^38). */
export interface EnterpriseSearchTenantsTable {
  tenantId: string;
  block: number;
}
