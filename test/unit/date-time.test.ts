import { DateTimeISO, readableDate } from '../../src/shared/graphql/date-time';

describe('stored dates as the API serves them', () => {
  it('a date past year 9999 or before year 0 is clamped to the nearest one ISO 8601 can say', () => {
    expect(DateTimeISO.serialize(new Date(8.64e15))).toBe('9999-12-31T23:59:59.999Z');
    expect(DateTimeISO.serialize(new Date(-8.64e15))).toBe('0000-01-01T00:00:00.000Z');
    expect(DateTimeISO.serialize(new Date('2026-03-02T09:00:00.000Z'))).toBe('2026-03-02T09:00:00.000Z');
  });

  it('an unreadable date is null in a nullable field', () => {
    expect(readableDate(new Date(NaN))).toBeNull();
    expect(readableDate(null)).toBeNull();
    expect(readableDate(new Date(0))).toEqual(new Date(0));
  });
});
