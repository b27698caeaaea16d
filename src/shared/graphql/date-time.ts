import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

/** The range an ISO 8601 date-time with a four-digit year can say (and graphql-scalars serialises). */
const EARLIEST = new Date('0000-01-01T00:00:00.000Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

/**
 * `DateTimeISO`, as graphql-scalars defines it, except that a stored date outside years 0000–9999
 * (JavaScript's dates reach year ±275760) is clamped to the nearest one it can say, so that no page fails
 * on a date stored before upstream times were bounded. An invalid date still fails, as it should: it is a bug.
 */
export const DateTimeISO = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) {
      return GraphQLDateTimeISO.serialize(new Date(Math.min(Math.max(value.getTime(), EARLIEST), LATEST)));
    }
    return GraphQLDateTimeISO.serialize(value);
  },
});

/** A stored date as a nullable field serves it: an unreadable one (Invalid Date) is null rather than a failed page. */
export function readableDate(date: Date | null): Date | null {
  return date && !Number.isNaN(date.getTime()) ? date : null;
}
