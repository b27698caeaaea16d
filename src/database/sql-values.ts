import { QueryFailedError } from 'typeorm';

/** A timestamp from a raw SQL result (PostgreSQL's pg hands back a Date, SQLite TypeORM's UTC text), and pg's parser of `timestamp` text. */
export function dateFromSql(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return utcTextToDate(text) ?? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/**
 * A UTC timestamp written `YYYY-MM-DD HH:MM:SS` with up to six decimals (TypeORM's SQLite text has three;
 * PostgreSQL's `timestamp` text drops trailing zeros), read field by field: twice as fast as building an ISO
 * string for Date's parser, and an orders page reads eight per order. Anything else, or a field out of range,
 * is null and goes to the parser, so both paths agree on every input (a test compares them). Like the parser,
 * it keeps milliseconds and drops the rest.
 */
function utcTextToDate(text: string): Date | null {
  const { length } = text;
  if (length < 19 || length > 26 || length === 20 || (length > 19 && text[19] !== '.')) return null;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== ' ' || text[13] !== ':' || text[16] !== ':') return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  const hour = digitsAt(text, 11, 13);
  const minute = digitsAt(text, 14, 16);
  const second = digitsAt(text, 17, 19);
  const decimals = Math.min(length, 23);
  const millisecond = length === 19 ? 0 : digitsAt(text, 20, decimals) * 10 ** (23 - decimals);
  const beyondMilliseconds = digitsAt(text, decimals, length);
  // Date.UTC reads years 0 to 99 as 1900 to 1999; the parser does not. A field that is not digits is -1, out of range.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23) return null;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || millisecond < 0 || beyondMilliseconds < 0) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
}

/** The decimal number written in text[from, to) (0 when empty), or -1 when a character there is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
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
