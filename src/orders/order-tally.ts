import { OrderState } from './order-state';

/**
 * Counts of a merchant's orders in constant time (U3, O2, O3): kept as a tally per merchant, changed in
 * the same transaction as every order it counts, instead of counted over the orders on each read.
 *
 * Orders by state are plain counters. A delivered order is inside its return window until the window
 * ends, a moment that passes without any write: delivered orders are also counted per hour of their
 * window's end, and a read adds up the hours still to come (at most the return window's length in
 * hours) plus the orders of the current hour whose window has not ended yet. From these, what an unlink
 * waits for and the `totalCount` of any orders filter follow without reading the orders.
 */

/** What an unlink waits for (U3). */
export interface OpenOrdersSummary {
  count: number;
  /** The latest return-window end among delivered orders still inside their window. */
  latestWindowEnd: Date | null;
  undelivered: number;
  returnsInProgress: number;
}

/** A merchant's tally as read at one moment. */
export interface OrderTally {
  byState: Record<OrderState, number>;
  /** Delivered orders whose return window has not ended yet. */
  deliveredInWindow: number;
  latestWindowEnd: Date | null;
}

export interface TalliedOrder {
  state: OrderState;
  returnWindowEndsAt: Date | null;
}

/** How one order's change moves its merchant's tally: per state, and per window-end hour. */
export interface TallyChange {
  states: Array<{ state: OrderState; delta: number }>;
  windowHours: Array<{ hour: number; delta: number }>;
}

const HOUR_MS = 3_600_000;

const notDelivered = [OrderState.PLACED, OrderState.SHIPPED];
const returnsInProgress = [OrderState.RETURN_STARTED, OrderState.REFUND_PENDING];
const closed = [OrderState.REFUNDED, OrderState.CANCELLED];

/** The hour (since the epoch) a moment falls in. */
export function hourOf(moment: Date): number {
  return Math.floor(moment.getTime() / HOUR_MS);
}

/** The first moment of the hour after `hour`. */
export function endOfHour(hour: number): Date {
  return new Date((hour + 1) * HOUR_MS);
}

function windowHour(order: TalliedOrder | null): number | null {
  return order?.state === OrderState.DELIVERED && order.returnWindowEndsAt ? hourOf(order.returnWindowEndsAt) : null;
}

/** The tally change of an order going from `before` (null: a new order) to `after`. */
export function tallyChange(before: TalliedOrder | null, after: TalliedOrder): TallyChange {
  const states: TallyChange['states'] = [];
  if (before?.state !== after.state) {
    if (before) states.push({ state: before.state, delta: -1 });
    states.push({ state: after.state, delta: 1 });
  }
  const windowHours: TallyChange['windowHours'] = [];
  const [from, to] = [windowHour(before), windowHour(after)];
  if (from !== to) {
    if (from !== null) windowHours.push({ hour: from, delta: -1 });
    if (to !== null) windowHours.push({ hour: to, delta: 1 });
  }
  return { states, windowHours };
}

/** Whether a change moves nothing. */
export function isNoChange(change: TallyChange): boolean {
  return change.states.length === 0 && change.windowHours.length === 0;
}

function sum(tally: OrderTally, states: OrderState[]): number {
  return states.reduce((total, state) => total + tally.byState[state], 0);
}

/** U3: what an unlink waits for: the undelivered orders, the returns in progress, and the delivered orders inside their window. */
export function openOrders(tally: OrderTally): OpenOrdersSummary {
  const undelivered = sum(tally, notDelivered);
  const returns = sum(tally, returnsInProgress);
  return { count: undelivered + returns + tally.deliveredInWindow, latestWindowEnd: tally.latestWindowEnd, undelivered, returnsInProgress: returns };
}

/**
 * O2, O3: how many orders an orders filter matches (its states, inside or outside the return window), as
 * the SQL filter of OrderRepository counts them: inside is undelivered, a return or refund in progress, or
 * delivered with the window still open; outside is refunded, cancelled, or delivered with the window ended.
 */
export function countMatching(tally: OrderTally, filter: { states?: OrderState[] | null; insideReturnWindow?: boolean | null }): number {
  const states = filter.states && filter.states.length > 0 ? [...new Set(filter.states)] : Object.values(OrderState);
  const delivered = states.includes(OrderState.DELIVERED);
  if (filter.insideReturnWindow === true) {
    return sum(tally, states.filter((state) => notDelivered.includes(state) || returnsInProgress.includes(state))) + (delivered ? tally.deliveredInWindow : 0);
  }
  if (filter.insideReturnWindow === false) {
    return sum(tally, states.filter((state) => closed.includes(state))) + (delivered ? tally.byState[OrderState.DELIVERED] - tally.deliveredInWindow : 0);
  }
  return sum(tally, states);
}

/** Where a stored tally and a recount from the orders disagree (for the check and the repair command). */
export function tallyDifferences(stored: OrderTally, recounted: OrderTally): string[] {
  const differences: string[] = [];
  for (const state of Object.values(OrderState)) {
    if (stored.byState[state] !== recounted.byState[state]) differences.push(`${state}: tally ${stored.byState[state]}, orders ${recounted.byState[state]}`);
  }
  if (stored.deliveredInWindow !== recounted.deliveredInWindow) {
    differences.push(`delivered inside their window: tally ${stored.deliveredInWindow}, orders ${recounted.deliveredInWindow}`);
  }
  const [storedEnd, recountedEnd] = [stored.latestWindowEnd?.toISOString() ?? null, recounted.latestWindowEnd?.toISOString() ?? null];
  if (storedEnd !== recountedEnd) differences.push(`latestWindowEnd: tally ${storedEnd}, orders ${recountedEnd}`);
  return differences;
}

/** A tally of nothing. */
export function emptyTally(): OrderTally {
  return { byState: Object.fromEntries(Object.values(OrderState).map((state) => [state, 0])) as Record<OrderState, number>, deliveredInWindow: 0, latestWindowEnd: null };
}
