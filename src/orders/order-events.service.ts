import { EntityManager } from 'typeorm';
import { recordChange, TransactionRunner } from '../database/transaction-runner';
import { isUniqueViolation } from '../database/sql-values';
import { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { BwpOrder, BwpOrderEvent, BwpOrderLine } from './order.entity';
import { IncomingOrderEvent } from './order-event.parser';
import { checkEventTime, EventTimeRefusal } from './event-time';
import { applyOrderEvent } from './order-state';
import { tallyChange } from './order-tally';
import { OrderTallies } from './order-tally.repository';
import { returnWindowEnd } from './return-window';

export type IngestOutcome =
  | { status: 'APPLIED' | 'NOT_APPLIED'; order: BwpOrder; why?: string }
  | { status: 'DUPLICATE'; order: BwpOrder | null }
  | { status: 'UNKNOWN_ORDER' }
  | ({ status: 'EVENT_TIME_OUT_OF_RANGE' } & EventTimeRefusal);

class OrderChangedConcurrently extends Error {}

/**
 * O4: applies upstream order events exactly once each. The event's ID and idempotency key are
 * stored in the same transaction as the order's change, so a redelivery (to this server or another)
 * finds them and changes nothing; events never move an order backwards. The merchant's open-order
 * tally (U3) moves in the same transaction.
 */
export class OrderEventsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly returnWindowDays: number,
    private readonly eventTimeToleranceSeconds: number,
    private readonly tallies: OrderTallies,
  ) {}

  async ingest(event: IncomingOrderEvent): Promise<IngestOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.transactions.run((manager) => this.ingestOnce(manager, event));
      } catch (error) {
        if (isUniqueViolation(error)) return { status: 'DUPLICATE', order: null };
        if (error instanceof OrderChangedConcurrently && attempt < 5) continue;
        throw error;
      }
    }
  }

  private async ingestOnce(manager: EntityManager, event: IncomingOrderEvent): Promise<IngestOutcome> {
    const order = await manager.findOneBy(BwpOrder, { externalId: event.orderId });
    if (!order) return { status: 'UNKNOWN_ORDER' };
    const refusal = checkEventTime(event.eventTime, order, this.clock.now(), this.eventTimeToleranceSeconds);
    if (refusal) return { status: 'EVENT_TIME_OUT_OF_RANGE', ...refusal };
    const seen = await manager.findOne(BwpOrderEvent, { where: [{ eventId: event.eventId }, { idempotencyKey: event.idempotencyKey }] });
    if (seen) return { status: 'DUPLICATE', order };

    const now = this.clock.now();
    const outcome = applyOrderEvent(order, event.eventType, event.eventTime);
    const changes: Partial<BwpOrder> = { ...outcome.next };
    if (outcome.next.deliveredAt && !order.deliveredAt) {
      const lines = await manager.findBy(BwpOrderLine, { orderId: order.id });
      changes.returnWindowEndsAt = returnWindowEnd(outcome.next.deliveredAt, lines.some((line) => line.returnable), this.returnWindowDays);
    }
    const updated = await manager.update(BwpOrder, { id: order.id, version: order.version }, { ...changes, updatedAt: now, version: order.version + 1 });
    if (updated.affected !== 1) throw new OrderChangedConcurrently();
    recordChange(manager, { type: 'ORDER', merchantId: order.merchantId, orderId: order.id });
    await manager.insert(BwpOrderEvent, {
      id: newId(now.getTime()),
      eventId: event.eventId,
      idempotencyKey: event.idempotencyKey,
      orderId: order.id,
      merchantId: order.merchantId,
      eventType: event.eventType,
      eventTime: event.eventTime,
      receivedAt: now,
      applied: outcome.applied,
      notAppliedBecause: outcome.applied ? null : outcome.why,
    });
    const result = Object.assign(new BwpOrder(), order, changes, { updatedAt: now, version: order.version + 1 });
    await this.tallies.apply(manager, order.merchantId, tallyChange(order, result), now);
    return outcome.applied ? { status: 'APPLIED', order: result } : { status: 'NOT_APPLIED', order: result, why: outcome.why };
  }
}

