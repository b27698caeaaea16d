import { countMatching, emptyTally, endOfHour, hourOf, isNoChange, openOrders, OrderTally, tallyChange, tallyDifferences } from '../../src/orders/order-tally';
import { OrderState } from '../../src/orders/order-state';

const end = new Date('2026-03-31T09:30:00.000Z');
const hour = hourOf(end);
const order = (state: OrderState, returnWindowEndsAt: Date | null = null) => ({ state, returnWindowEndsAt });

describe('U3, O2: the order tally moves with each order change', () => {
  it('U3: a new order counts in its state', () => {
    expect(tallyChange(null, order(OrderState.PLACED))).toEqual({ states: [{ state: OrderState.PLACED, delta: 1 }], windowHours: [] });
  });

  it('U3: shipping moves it from PLACED to SHIPPED', () => {
    expect(tallyChange(order(OrderState.PLACED), order(OrderState.SHIPPED))).toEqual({
      states: [{ state: OrderState.PLACED, delta: -1 }, { state: OrderState.SHIPPED, delta: 1 }],
      windowHours: [],
    });
  });

  it('U3, O2: delivery also counts it in the hour its return window ends', () => {
    expect(tallyChange(order(OrderState.SHIPPED), order(OrderState.DELIVERED, end))).toEqual({
      states: [{ state: OrderState.SHIPPED, delta: -1 }, { state: OrderState.DELIVERED, delta: 1 }],
      windowHours: [{ hour, delta: 1 }],
    });
  });

  it('U3: a return started on a delivered order leaves its window hour', () => {
    expect(tallyChange(order(OrderState.DELIVERED, end), order(OrderState.RETURN_STARTED, end)).windowHours).toEqual([{ hour, delta: -1 }]);
  });

  it('U3: a delivered order without a window end is in no hour', () => {
    expect(tallyChange(order(OrderState.SHIPPED), order(OrderState.DELIVERED, null)).windowHours).toEqual([]);
  });

  it('U3: an event that changes nothing (not applied) moves nothing', () => {
    for (const state of Object.values(OrderState)) expect(isNoChange(tallyChange(order(state, end), order(state, end)))).toBe(true);
  });

  it('U3: a change that moves any one state or hour is a change', () => {
    expect(isNoChange({ states: [{ state: OrderState.PLACED, delta: 1 }], windowHours: [] })).toBe(false);
    expect(isNoChange({ states: [], windowHours: [{ hour, delta: 1 }] })).toBe(false);
    expect(isNoChange({ states: [], windowHours: [] })).toBe(true);
  });

  it('U3: hours are counted from the epoch; the next hour starts at the end of this one', () => {
    expect(hourOf(new Date(0))).toBe(0);
    expect(hourOf(new Date(3_599_999))).toBe(0);
    expect(hourOf(new Date(3_600_000))).toBe(1);
    expect(endOfHour(hour).toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect(hourOf(endOfHour(hour))).toBe(hour + 1);
  });
});

describe('U3, O2, O3: counts from the tally', () => {
  // 1 placed, 2 shipped, 4 delivered of which 3 inside their window, 5 returns started, 6 refunds pending, 7 refunded, 8 cancelled.
  const tally: OrderTally = {
    byState: { PLACED: 1, SHIPPED: 2, DELIVERED: 4, RETURN_STARTED: 5, REFUND_PENDING: 6, REFUNDED: 7, CANCELLED: 8 },
    deliveredInWindow: 3,
    latestWindowEnd: end,
  };

  it('U3: an unlink waits for the undelivered, the returns in progress and the delivered inside their window', () => {
    expect(openOrders(tally)).toEqual({ count: 1 + 2 + 5 + 6 + 3, latestWindowEnd: end, undelivered: 3, returnsInProgress: 11 });
    expect(openOrders(emptyTally())).toEqual({ count: 0, latestWindowEnd: null, undelivered: 0, returnsInProgress: 0 });
  });

  it.each([
    [{}, 33],
    [{ states: [] }, 33],
    [{ states: [OrderState.DELIVERED, OrderState.DELIVERED] }, 4],
    [{ states: [OrderState.PLACED, OrderState.REFUNDED] }, 8],
    [{ insideReturnWindow: true }, 1 + 2 + 3 + 5 + 6],
    [{ insideReturnWindow: false }, 1 + 7 + 8],
    [{ insideReturnWindow: null }, 33],
    [{ states: [OrderState.DELIVERED], insideReturnWindow: true }, 3],
    [{ states: [OrderState.DELIVERED], insideReturnWindow: false }, 1],
    [{ states: [OrderState.SHIPPED, OrderState.REFUNDED], insideReturnWindow: true }, 2],
    [{ states: [OrderState.SHIPPED, OrderState.REFUNDED], insideReturnWindow: false }, 7],
    [{ states: [OrderState.RETURN_STARTED, OrderState.CANCELLED], insideReturnWindow: false }, 8],
  ])('O2, O3: the orders filter %j counts %d', (filter, count) => {
    expect(countMatching(tally, filter)).toBe(count);
  });

  it('U3: the check names each count where the tally and the recount disagree', () => {
    expect(tallyDifferences(tally, { ...tally, byState: { ...tally.byState } })).toEqual([]);
    expect(tallyDifferences(tally, { byState: { ...tally.byState, SHIPPED: 0, CANCELLED: 9 }, deliveredInWindow: 4, latestWindowEnd: null })).toEqual([
      'SHIPPED: tally 2, orders 0',
      'CANCELLED: tally 8, orders 9',
      'delivered inside their window: tally 3, orders 4',
      `latestWindowEnd: tally ${end.toISOString()}, orders null`,
    ]);
    expect(tallyDifferences({ ...tally, latestWindowEnd: null }, tally)).toEqual([`latestWindowEnd: tally null, orders ${end.toISOString()}`]);
  });
});
