import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** A `like` pattern matching `text` anywhere, with `%`, `_` and `\` taken literally (use with `escape '\'`). */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * `column` contains `text`, the same on both databases: PostgreSQL escapes with a backslash by default, SQLite only
 * when told, so the `escape` clause is always written (without it a search for `50%` or `A_1` finds nothing on SQLite).
 */
export const containsText = (column: string, text: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(column)} like ${likeContains(text)} escape '\\'`;
