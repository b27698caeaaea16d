import { dateFromSql } from '../../src/database/sql-values';

/** The parse dateFromSql had before its fast path: the reference every input must agree with. */
const parsedAsIso = (text: string) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
const time = (date: Date | null) => date?.getTime();

describe('dateFromSql', () => {
  it("reads TypeORM's SQLite text as UTC, to the millisecond", () => {
    expect(dateFromSql('2026-03-09 17:05:42.123')?.toISOString()).toBe('2026-03-09T17:05:42.123Z');
    expect(dateFromSql('0100-01-01 00:00:00.000')?.toISOString()).toBe('0100-01-01T00:00:00.000Z');
  });

  it('agrees with the ISO parse over a spread of instants', () => {
    for (let step = 0; step < 2000; step++) {
      const text = new Date(-5e12 + step * 7_654_321_987).toISOString().replace('T', ' ').replace('Z', '');
      expect(time(dateFromSql(text))).toBe(parsedAsIso(text).getTime());
    }
  });

  it.each([
    '2026-02-31 00:00:00.000', // rolls over to March, as the parser does
    '2026-13-01 00:00:00.000',
    '2026-01-01 24:00:00.000',
    '2026-01-01 23:60:00.000',
    '2026-01-01 23:59:60.000',
    '0099-01-01 00:00:00.000', // Date.UTC would read 1999
    '2026-01-01 0a:00:00.000',
    '2026-01-01T00:00:00.000',
    '2026-01-01 00:00:00', // PostgreSQL's text drops trailing zeros of the fraction, and the dot with them
    '2026-01-01 00:00:00.',
    '2026-01-01 00:00:00.1',
    '2026-01-01 00:00:00.12',
    '2026-01-01 00:00:00.1234',
    '2026-01-01 00:00:00.123456',
    '2026-01-01 00:00:00.999999',
    '2026-01-01 00:00:00.1234567',
    '2026-01-01 00:00:00.12a456',
    '2026-01-01 00:00:00,123',
    '2026-01-01 00:00:00.000Z',
    '2026-01-01 00:00:00+02:00',
    '2026-01-01T00:00:00.000Z',
    'not a date at all, 23 c',
  ])('agrees with the ISO parse on %s, valid or not', (text) => {
    expect(time(dateFromSql(text))).toEqual(parsedAsIso(text).getTime());
  });

  it("reads PostgreSQL's timestamp text the way the ISO parse does (the pg driver's parser for timestamp columns)", () => {
    for (const text of ['2026-03-09 17:05:42', '2026-03-09 17:05:42.5', '2026-03-09 17:05:42.05', '2026-03-09 17:05:42.123456']) {
      expect(time(dateFromSql(text))).toBe(parsedAsIso(text).getTime());
    }
    expect(dateFromSql('2026-03-09 17:05:42.123456')?.toISOString()).toBe('2026-03-09T17:05:42.123Z');
    for (const text of ['infinity', '2026-03-09 17:05:42 BC']) expect(time(dateFromSql(text))).toEqual(parsedAsIso(text).getTime());
  });

  it('passes Dates from pg through and keeps null as null', () => {
    const date = new Date();
    expect(dateFromSql(date)).toBe(date);
    expect(dateFromSql(null)).toBeNull();
    expect(dateFromSql(undefined)).toBeNull();
  });
});
