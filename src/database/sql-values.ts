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
