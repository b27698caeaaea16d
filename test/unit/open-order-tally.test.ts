import { endOfHour, hourOf, isNoChange, tallyChange, tallyDifferences } from '../../src/orders/open-order-tally';
import { OrderState } from '../../src/orders/order-state';

const end = new Date('2026-03-31T09:30:00.000Z');
const hour = hourOf(end);
const order = (state: OrderState, returnWindowEndsAt: Date | null = null) => ({ state, returnWindowEndsAt });

describe('U3: the open-order tally moves with each order change', () => {
  it('U3: a new order waits undelivered', () => {
    expect(tallyChange(null, order(OrderState.PLACED))).toEqual({ undelivered: 1, returnsInProgress: 0, windowHours: [] });
  });

  it('U3: shipping keeps it undelivered: nothing moves', () => {
    const change = tallyChange(order(OrderState.PLACED), order(OrderState.SHIPPED));
    expect(change).toEqual({ undelivered: 0, returnsInProgress: 0, windowHours: [] });
    expect(isNoChange(change)).toBe(true);
  });

  it('U3, O2: delivery moves it from undelivered to the hour its return window ends', () => {
    expect(tallyChange(order(OrderState.SHIPPED), order(OrderState.DELIVERED, end))).toEqual({ undelivered: -1, returnsInProgress: 0, windowHours: [{ hour, delta: 1 }] });
  });

  it('U3: a return started on a delivered order leaves its window hour for the returns in progress', () => {
    expect(tallyChange(order(OrderState.DELIVERED, end), order(OrderState.RETURN_STARTED, end))).toEqual({ undelivered: 0, returnsInProgress: 1, windowHours: [{ hour, delta: -1 }] });
  });

  it('U3: a refund requested after a return started stays a return in progress', () => {
    expect(isNoChange(tallyChange(order(OrderState.RETURN_STARTED, end), order(OrderState.REFUND_PENDING, end)))).toBe(true);
  });

  it('U3: a completed refund and a cancellation close the order', () => {
    expect(tallyChange(order(OrderState.REFUND_PENDING, end), order(OrderState.REFUNDED, end))).toEqual({ undelivered: 0, returnsInProgress: -1, windowHours: [] });
    expect(tallyChange(order(OrderState.PLACED), order(OrderState.CANCELLED))).toEqual({ undelivered: -1, returnsInProgress: 0, windowHours: [] });
    expect(tallyChange(order(OrderState.DELIVERED, end), order(OrderState.REFUNDED, end))).toEqual({ undelivered: 0, returnsInProgress: 0, windowHours: [{ hour, delta: -1 }] });
  });

  it('U3: a delivered order without a window end is in no hour', () => {
    expect(tallyChange(order(OrderState.SHIPPED), order(OrderState.DELIVERED, null))).toEqual({ undelivered: -1, returnsInProgress: 0, windowHours: [] });
    expect(isNoChange(tallyChange(order(OrderState.DELIVERED, end), order(OrderState.DELIVERED, end)))).toBe(true);
  });

  it('U3: a change that moves any one counter or hour is a change', () => {
    expect(isNoChange({ undelivered: 1, returnsInProgress: 0, windowHours: [] })).toBe(false);
    expect(isNoChange({ undelivered: 0, returnsInProgress: -1, windowHours: [] })).toBe(false);
    expect(isNoChange({ undelivered: 0, returnsInProgress: 0, windowHours: [{ hour, delta: 1 }] })).toBe(false);
    expect(isNoChange({ undelivered: 0, returnsInProgress: 0, windowHours: [] })).toBe(true);
  });

  it('U3: an event that changes nothing (not applied) moves nothing', () => {
    for (const state of Object.values(OrderState)) expect(isNoChange(tallyChange(order(state, end), order(state, end)))).toBe(true);
  });

  it('U3: hours are counted from the epoch; the next hour starts at the end of this one', () => {
    expect(hourOf(new Date(0))).toBe(0);
    expect(hourOf(new Date(3_599_999))).toBe(0);
    expect(hourOf(new Date(3_600_000))).toBe(1);
    expect(endOfHour(hour).toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect(hourOf(endOfHour(hour))).toBe(hour + 1);
  });

  it('U3: the check names each field where the tally and the recount disagree', () => {
    const summary = { count: 3, latestWindowEnd: end, undelivered: 1, returnsInProgress: 1 };
    expect(tallyDifferences(summary, { ...summary })).toEqual([]);
    expect(tallyDifferences(summary, { count: 4, latestWindowEnd: null, undelivered: 2, returnsInProgress: 0 })).toEqual([
      'count: tally 3, orders 4',
      'undelivered: tally 1, orders 2',
      'returnsInProgress: tally 1, orders 0',
      `latestWindowEnd: tally ${end.toISOString()}, orders null`,
    ]);
    expect(tallyDifferences({ ...summary, latestWindowEnd: null }, summary)).toEqual([`latestWindowEnd: tally null, orders ${end.toISOString()}`]);
  });
});
