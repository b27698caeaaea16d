import { QueryFailedError } from 'typeorm';

/** A timestamp from a raw SQL result: PostgreSQL hands back a Date, SQLite TypeORM's UTC text. */
export function dateFromSql(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/** Whether a write failed on a unique index or a primary key (SQLite names them apart; PostgreSQL does not). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = (error as QueryFailedError & { driverError?: { code?: string } }).driverError;
  return ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505'].includes(driverError?.code ?? '');
}

/**
 * Named SQL expressions as one JSON object, in an uncorrelated scalar subquery (evaluated once per
 * statement): for values a statement carries beside its rows, such as a page's header. Each row then has
 * one column for them rather than one per value, which matters because better-sqlite3 and pg convert every
 * value of every row. The names are this code's own identifiers, never input.
 */
export function jsonObjectSql(type: string, values: Record<string, string>): string {
  const pairs = Object.entries(values).map(([name, expression]) => `'${name}', ${expression}`);
  return `(SELECT ${type === 'postgres' ? 'json_build_object' : 'json_object'}(${pairs.join(', ')}))`;
}

/** A value of jsonObjectSql: SQLite hands back its text, pg the object it already parsed. */
export function jsonFromSql(value: unknown): Record<string, unknown> {
  return typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : (value as Record<string, unknown>);
}
