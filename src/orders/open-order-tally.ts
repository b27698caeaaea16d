import { OrderState } from './order-state';

/**
 * U3 in constant time: what an unlink waits for is kept as a tally per merchant, changed in the same
 * transaction as every order it counts, instead of summed over the open orders on each read.
 *
 * Undelivered orders and returns in progress are open whatever the time, so they are plain counters.
 * A delivered order is open until its return window ends, a moment that passes without any write: those
 * are counted per hour of their window's end, and a read adds up the hours still to come (at most the
 * return window's length in hours) plus the orders of the current hour whose window has not ended yet.
 */

/** What an unlink waits for (U3). */
export interface OpenOrdersSummary {
  count: number;
  /** The latest return-window end among delivered orders still inside their window. */
  latestWindowEnd: Date | null;
  undelivered: number;
  returnsInProgress: number;
}

export interface TalliedOrder {
  state: OrderState;
  returnWindowEndsAt: Date | null;
}

/** How one order's change moves its merchant's tally: counter deltas, and per window-end hour. */
export interface TallyChange {
  undelivered: number;
  returnsInProgress: number;
  windowHours: Array<{ hour: number; delta: number }>;
}

const HOUR_MS = 3_600_000;

/** The hour (since the epoch) a moment falls in. */
export function hourOf(moment: Date): number {
  return Math.floor(moment.getTime() / HOUR_MS);
}

/** The first moment of the hour after `hour`. */
export function endOfHour(hour: number): Date {
  return new Date((hour + 1) * HOUR_MS);
}

function counts(order: TalliedOrder | null): { undelivered: number; returnsInProgress: number; windowHour: number | null } {
  const none = { undelivered: 0, returnsInProgress: 0, windowHour: null };
  if (!order) return none;
  switch (order.state) {
    case OrderState.PLACED:
    case OrderState.SHIPPED:
      return { ...none, undelivered: 1 };
    case OrderState.RETURN_STARTED:
    case OrderState.REFUND_PENDING:
      return { ...none, returnsInProgress: 1 };
    case OrderState.DELIVERED:
      return { ...none, windowHour: order.returnWindowEndsAt ? hourOf(order.returnWindowEndsAt) : null };
    case OrderState.REFUNDED:
    case OrderState.CANCELLED:
      return none;
  }
}

/** The tally change of an order going from `before` (null: a new order) to `after`. */
export function tallyChange(before: TalliedOrder | null, after: TalliedOrder): TallyChange {
  const from = counts(before);
  const to = counts(after);
  const windowHours: TallyChange['windowHours'] = [];
  if (from.windowHour !== to.windowHour) {
    if (from.windowHour !== null) windowHours.push({ hour: from.windowHour, delta: -1 });
    if (to.windowHour !== null) windowHours.push({ hour: to.windowHour, delta: 1 });
  }
  return { undelivered: to.undelivered - from.undelivered, returnsInProgress: to.returnsInProgress - from.returnsInProgress, windowHours };
}

/** Whether a change moves nothing. */
export function isNoChange(change: TallyChange): boolean {
  return change.undelivered === 0 && change.returnsInProgress === 0 && change.windowHours.length === 0;
}

/** Where a stored tally and a recount from the orders disagree (for the check and the repair command). */
export function tallyDifferences(stored: OpenOrdersSummary, recounted: OpenOrdersSummary): string[] {
  const differences: string[] = [];
  for (const field of ['count', 'undelivered', 'returnsInProgress'] as const) {
    if (stored[field] !== recounted[field]) differences.push(`${field}: tally ${stored[field]}, orders ${recounted[field]}`);
  }
  const [storedEnd, recountedEnd] = [stored.latestWindowEnd?.toISOString() ?? null, recounted.latestWindowEnd?.toISOString() ?? null];
  if (storedEnd !== recountedEnd) differences.push(`latestWindowEnd: tally ${storedEnd}, orders ${recountedEnd}`);
  return differences;
}
