import { OrderState } from './order-state';

/** Why an order keeps an unlink waiting (U3). */
export enum OpenReason {
  NOT_DELIVERED = 'NOT_DELIVERED',
  INSIDE_RETURN_WINDOW = 'INSIDE_RETURN_WINDOW',
  RETURN_IN_PROGRESS = 'RETURN_IN_PROGRESS',
  REFUND_PENDING = 'REFUND_PENDING',
}

export interface WindowFacts {
  state: OrderState;
  deliveredAt: Date | null;
  /** Set on delivery: the delivery time plus the return window of its returnable items. */
  returnWindowEndsAt: Date | null;
}

/**
 * O2: the return window ends `windowDays` after delivery; an order whose items are all
 * non-returnable has no window (it ends on delivery).
 */
export function returnWindowEnd(deliveredAt: Date, anyReturnable: boolean, windowDays: number): Date {
  return anyReturnable ? new Date(deliveredAt.getTime() + windowDays * 86_400_000) : deliveredAt;
}

/**
 * O2, O3: why the order is still open, or null once it is outside its window. An undelivered order
 * has not started its window and is inside it; a pending refund keeps it open; a return in
 * progress ends in a refund or not, so it keeps it open too.
 */
export function openReason(order: WindowFacts, now: Date): OpenReason | null {
  switch (order.state) {
    case OrderState.PLACED:
    case OrderState.SHIPPED:
      return OpenReason.NOT_DELIVERED;
    case OrderState.RETURN_STARTED:
      return OpenReason.RETURN_IN_PROGRESS;
    case OrderState.REFUND_PENDING:
      return OpenReason.REFUND_PENDING;
    case OrderState.DELIVERED:
      return order.returnWindowEndsAt && order.returnWindowEndsAt.getTime() > now.getTime() ? OpenReason.INSIDE_RETURN_WINDOW : null;
    case OrderState.REFUNDED:
    case OrderState.CANCELLED:
      return null;
  }
}
