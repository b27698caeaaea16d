/**
 * O4: upstream time is bounded. An order event cannot happen before its order was placed, nor later
 * than now by more than the webhook's tolerance (the clock skew a signed request is allowed). An
 * event outside these bounds would move return windows (U3) by a sender's mistake, so it is refused.
 */
export type EventTimeRefusal = { reason: 'IN_THE_FUTURE' | 'BEFORE_ORDER_PLACED'; message: string };

export function checkEventTime(eventTime: Date, order: { placedAt: Date }, now: Date, toleranceSeconds: number): EventTimeRefusal | undefined {
  const latest = now.getTime() + toleranceSeconds * 1000;
  if (eventTime.getTime() > latest) {
    return {
      reason: 'IN_THE_FUTURE',
      message: `eventTime ${eventTime.toISOString()} is more than ${toleranceSeconds} seconds after now (${now.toISOString()}); send the time the event happened, from a synchronised clock.`,
    };
  }
  if (eventTime.getTime() < order.placedAt.getTime()) {
    return {
      reason: 'BEFORE_ORDER_PLACED',
      message: `eventTime ${eventTime.toISOString()} is before the order was placed (${order.placedAt.toISOString()}); send the time the event happened.`,
    };
  }
  return undefined;
}
