/** A Buy with Prime order's state (O1, O4). Orders are fulfilled by Amazon (Multi-Channel Fulfillment). */
export enum OrderState {
  PLACED = 'PLACED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  RETURN_STARTED = 'RETURN_STARTED',
  REFUND_PENDING = 'REFUND_PENDING',
  REFUNDED = 'REFUNDED',
  CANCELLED = 'CANCELLED',
}

/** The upstream events that move an order (names as in the public Buy with Prime events). */
export enum OrderEventType {
  PACKAGE_SHIPPED = 'PACKAGE_SHIPPED',
  PACKAGE_DELIVERED = 'PACKAGE_DELIVERED',
  RETURN_STARTED = 'RETURN_STARTED',
  REFUND_REQUESTED = 'REFUND_REQUESTED',
  REFUND_COMPLETED = 'REFUND_COMPLETED',
  ORDER_CANCELLED = 'ORDER_CANCELLED',
}

/** The milestone each event records, and the state it leads to. */
const eventEffects: Record<OrderEventType, { state: OrderState; milestone: keyof OrderMilestones }> = {
  [OrderEventType.PACKAGE_SHIPPED]: { state: OrderState.SHIPPED, milestone: 'shippedAt' },
  [OrderEventType.PACKAGE_DELIVERED]: { state: OrderState.DELIVERED, milestone: 'deliveredAt' },
  [OrderEventType.RETURN_STARTED]: { state: OrderState.RETURN_STARTED, milestone: 'returnStartedAt' },
  [OrderEventType.REFUND_REQUESTED]: { state: OrderState.REFUND_PENDING, milestone: 'refundRequestedAt' },
  [OrderEventType.REFUND_COMPLETED]: { state: OrderState.REFUNDED, milestone: 'refundedAt' },
  [OrderEventType.ORDER_CANCELLED]: { state: OrderState.CANCELLED, milestone: 'cancelledAt' },
};

/** How far along an order is: events only ever move it forward (O4), whatever order they arrive in. */
const progress: Record<OrderState, number> = {
  [OrderState.PLACED]: 0,
  [OrderState.SHIPPED]: 1,
  [OrderState.DELIVERED]: 2,
  [OrderState.RETURN_STARTED]: 3,
  [OrderState.REFUND_PENDING]: 4,
  [OrderState.REFUNDED]: 5,
  [OrderState.CANCELLED]: 5,
};

export interface OrderMilestones {
  shippedAt: Date | null;
  deliveredAt: Date | null;
  returnStartedAt: Date | null;
  refundRequestedAt: Date | null;
  refundedAt: Date | null;
  cancelledAt: Date | null;
}

export interface OrderProgress extends OrderMilestones {
  state: OrderState;
}

export type EventOutcome =
  /** The order moved forward. */
  | { applied: true; next: OrderProgress }
  /** Recorded but not applied: it would move the order backwards, or it came too late to matter. */
  | { applied: false; next: OrderProgress; why: string };

/**
 * O4: what an event does to an order. Its milestone is recorded the first time it is seen; the
 * state moves only forward, so a late PACKAGE_SHIPPED after PACKAGE_DELIVERED keeps the order
 * delivered. A cancellation only counts before delivery, and nothing follows it.
 */
export function applyOrderEvent(order: OrderProgress, type: OrderEventType, eventTime: Date): EventOutcome {
  const effect = eventEffects[type];
  if (order.state === OrderState.CANCELLED) return { applied: false, next: order, why: 'the order was cancelled' };
  if (type === OrderEventType.ORDER_CANCELLED && progress[order.state] >= progress[OrderState.DELIVERED]) {
    return { applied: false, next: order, why: 'a delivered order cannot be cancelled' };
  }
  const next: OrderProgress = { ...order, [effect.milestone]: order[effect.milestone] ?? eventTime };
  if (progress[effect.state] <= progress[order.state]) {
    return { applied: false, next, why: `the order is already ${order.state}` };
  }
  return { applied: true, next: { ...next, state: effect.state } };
}
