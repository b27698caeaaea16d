import { checkEventTime } from '../../src/orders/event-time';
import { parseOrderEvent } from '../../src/orders/order-event.parser';
import { applyOrderEvent, OrderEventType, OrderProgress, OrderState } from '../../src/orders/order-state';
import { openReason, OpenReason, returnWindowEnd } from '../../src/orders/return-window';
import { checkWebhookSignature, signWebhook } from '../../src/orders/webhook-signature';

const placed: OrderProgress = {
  state: OrderState.PLACED,
  shippedAt: null,
  deliveredAt: null,
  returnStartedAt: null,
  refundRequestedAt: null,
  refundedAt: null,
  cancelledAt: null,
};
const t = (day: number) => new Date(Date.UTC(2026, 2, day, 12));

function run(order: OrderProgress, ...events: Array<[OrderEventType, Date]>): OrderProgress {
  return events.reduce((current, [type, at]) => applyOrderEvent(current, type, at).next, order);
}

describe('order events (O4)', () => {
  it('O4: move an order forward and record when each thing happened', () => {
    const order = run(placed, [OrderEventType.PACKAGE_SHIPPED, t(2)], [OrderEventType.PACKAGE_DELIVERED, t(4)], [OrderEventType.REFUND_REQUESTED, t(6)], [OrderEventType.REFUND_COMPLETED, t(8)]);
    expect(order).toEqual({ ...placed, state: OrderState.REFUNDED, shippedAt: t(2), deliveredAt: t(4), refundRequestedAt: t(6), refundedAt: t(8) });
  });

  it('O4: events that arrive out of order do not move an order backwards, but their times are kept', () => {
    const delivered = run(placed, [OrderEventType.PACKAGE_DELIVERED, t(4)]);
    const outcome = applyOrderEvent(delivered, OrderEventType.PACKAGE_SHIPPED, t(2));
    expect(outcome).toMatchObject({ applied: false, next: { state: OrderState.DELIVERED, shippedAt: t(2), deliveredAt: t(4) } });
  });

  it('O4: a cancellation counts only before delivery, and nothing follows it', () => {
    expect(applyOrderEvent(run(placed, [OrderEventType.PACKAGE_DELIVERED, t(4)]), OrderEventType.ORDER_CANCELLED, t(5))).toMatchObject({ applied: false });
    const cancelled = run(placed, [OrderEventType.ORDER_CANCELLED, t(1)]);
    expect(cancelled.state).toBe(OrderState.CANCELLED);
    expect(applyOrderEvent(cancelled, OrderEventType.PACKAGE_DELIVERED, t(4))).toMatchObject({ applied: false, next: { state: OrderState.CANCELLED, deliveredAt: null } });
  });

  it('O4: the same event twice changes nothing the second time', () => {
    const once = run(placed, [OrderEventType.PACKAGE_SHIPPED, t(2)]);
    expect(applyOrderEvent(once, OrderEventType.PACKAGE_SHIPPED, t(3))).toEqual({ applied: false, next: once, why: 'the order is already SHIPPED' });
  });
});

describe('return windows (O2, O3)', () => {
  it('O2: the window ends 30 days (configurable) after delivery; with nothing returnable it ends on delivery', () => {
    expect(returnWindowEnd(t(1), true, 30)).toEqual(new Date(t(1).getTime() + 30 * 86_400_000));
    expect(returnWindowEnd(t(1), true, 7)).toEqual(t(8));
    expect(returnWindowEnd(t(1), false, 30)).toEqual(t(1));
  });

  it.each([
    [OrderState.PLACED, null, OpenReason.NOT_DELIVERED],
    [OrderState.SHIPPED, null, OpenReason.NOT_DELIVERED],
    [OrderState.DELIVERED, t(20), OpenReason.INSIDE_RETURN_WINDOW],
    [OrderState.DELIVERED, t(10), null],
    [OrderState.DELIVERED, t(15), null],
    [OrderState.RETURN_STARTED, t(10), OpenReason.RETURN_IN_PROGRESS],
    [OrderState.REFUND_PENDING, t(10), OpenReason.REFUND_PENDING],
    [OrderState.REFUNDED, t(20), null],
    [OrderState.CANCELLED, null, null],
  ])('O2, O3: an order %s whose window ends %s is open because %s (on day 15)', (state, returnWindowEndsAt, reason) => {
    expect(openReason({ state, deliveredAt: returnWindowEndsAt ? t(1) : null, returnWindowEndsAt }, t(15))).toBe(reason);
  });
});

describe('webhook signatures (O4)', () => {
  const secret = 'test-secret-of-some-length';
  const body = '{"eventId":"e1"}';
  const now = new Date('2026-03-02T09:00:00Z');
  const timestamp = now.getTime() / 1000;
  const check = (overrides: Partial<Parameters<typeof checkWebhookSignature>[0]>) =>
    checkWebhookSignature({ secret, body, now, toleranceSeconds: 300, timestampHeader: String(timestamp), signatureHeader: signWebhook(secret, timestamp, body), ...overrides });

  it('a request signed over its timestamp and body with the shared secret is valid', () => {
    expect(check({})).toBe('VALID');
  });

  it('a missing header, another secret, a changed body or a changed timestamp is refused', () => {
    expect(check({ signatureHeader: undefined })).toBe('MISSING');
    expect(check({ signatureHeader: signWebhook('another-secret', timestamp, body) })).toBe('INVALID');
    expect(check({ body: '{"eventId":"e2"}' })).toBe('INVALID');
    expect(check({ timestampHeader: String(timestamp + 1) })).toBe('INVALID');
    expect(check({ timestampHeader: 'soon' })).toBe('INVALID');
  });

  it('a timestamp older (or newer) than the tolerance is stale, even when validly signed', () => {
    const old = timestamp - 301;
    expect(check({ timestampHeader: String(old), signatureHeader: signWebhook(secret, old, body) })).toBe('STALE');
    const future = timestamp + 301;
    expect(check({ timestampHeader: String(future), signatureHeader: signWebhook(secret, future, body) })).toBe('STALE');
  });
});

describe('order event bodies', () => {
  it('are read as the public BwP shape', () => {
    expect(
      parseOrderEvent({ eventId: 'e1', idempotencyKey: 'k1', eventType: 'PACKAGE_DELIVERED', eventTime: '2026-03-02T09:00:00Z', data: { orderId: 'BWP-1' } }),
    ).toEqual({ event: { eventId: 'e1', idempotencyKey: 'k1', eventType: 'PACKAGE_DELIVERED', eventTime: new Date('2026-03-02T09:00:00Z'), orderId: 'BWP-1' } });
  });

  it('list every problem of a malformed one', () => {
    expect(parseOrderEvent({ eventType: 'TELEPORTED', eventTime: 'yesterday' })).toEqual({
      problems: [
        'eventId must be a string of 1 to 128 characters',
        'idempotencyKey must be a string of 1 to 128 characters',
        'eventType must be one of PACKAGE_SHIPPED, PACKAGE_DELIVERED, RETURN_STARTED, REFUND_REQUESTED, REFUND_COMPLETED, ORDER_CANCELLED',
        'eventTime must be an ISO 8601 date-time',
        'data.orderId must be a string of 1 to 64 characters',
      ],
    });
    expect(parseOrderEvent([1, 2])).toHaveProperty('problems');
    expect(parseOrderEvent({ eventId: 'e\u0000', idempotencyKey: 'k', eventType: 'PACKAGE_SHIPPED', eventTime: '2026-03-02T09:00:00Z', data: { orderId: 'B' } })).toEqual({
      problems: ['eventId must be a string of 1 to 128 characters'],
    });
  });
});

describe('event times (O4)', () => {
  const now = new Date('2026-03-02T10:00:00.000Z');
  const order = { placedAt: new Date('2026-03-01T10:00:00.000Z') };

  it('O4: from the order\'s placing to now plus the tolerance, bounds included, an event time is accepted', () => {
    expect(checkEventTime(order.placedAt, order, now, 300)).toBeUndefined();
    expect(checkEventTime(new Date(now.getTime() + 300_000), order, now, 300)).toBeUndefined();
  });

  it('O4: a millisecond outside either bound is refused, with its reason', () => {
    expect(checkEventTime(new Date(now.getTime() + 300_001), order, now, 300)).toMatchObject({ reason: 'IN_THE_FUTURE', message: expect.stringContaining('300 seconds') });
    expect(checkEventTime(new Date(order.placedAt.getTime() - 1), order, now, 300)).toMatchObject({ reason: 'BEFORE_ORDER_PLACED' });
  });
});
