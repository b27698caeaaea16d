import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import { dateFromSql } from '../database/sql-values';
import { BwpOrder, BwpOrderLine } from './order.entity';
import { OrderState } from './order-state';
import { emptyTally, OpenOrdersSummary, OrderTally } from './order-tally';

export interface OrderFilter {
  states?: OrderState[] | null;
  /** O2, O3: orders still inside their return window (undelivered or refund pending included), or outside it. */
  insideReturnWindow?: boolean | null;
}


const notDelivered = [OrderState.PLACED, OrderState.SHIPPED];
const returnsInProgress = [OrderState.RETURN_STARTED, OrderState.REFUND_PENDING];

/** Reads of orders, always scoped to one merchant. */
export class OrderRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Whose order an upstream event names: the one lookup by Buy with Prime's order ID that is not scoped to
   * a merchant, because it is how the webhook finds the secrets that must have signed the event.
   */
  async merchantOfExternalOrder(externalId: string): Promise<string | null> {
    const order = await this.dataSource.manager.findOne(BwpOrder, { select: { merchantId: true }, where: { externalId } });
    return order?.merchantId ?? null;
  }

  findForMerchant(orderId: string, merchantId: string) {
    return this.dataSource.manager.findOneBy(BwpOrder, { id: orderId, merchantId });
  }

  /** `first + 1` orders, newest first, after the order `afterId` (keyset on the time-ordered ID). */
  page(merchantId: string, filter: OrderFilter, first: number, afterId: string | undefined, now: Date): Promise<BwpOrder[]> {
    const query = this.filtered(merchantId, filter, now).orderBy('o.id', 'DESC').take(first + 1);
    if (afterId) query.andWhere('o.id < :afterId', { afterId });
    return query.getMany();
  }

  count(merchantId: string, filter: OrderFilter, now: Date): Promise<number> {
    return this.filtered(merchantId, filter, now).getCount();
  }

  /** The merchant's order tally counted over its orders: the truth the stored tally is checked against (order-tally.ts). */
  async tallyFromOrders(merchantId: string, now: Date): Promise<OrderTally> {
    const tally = emptyTally();
    const byState = await this.filtered(merchantId, {}, now).select('o.state', 'state').addSelect('COUNT(*)', 'orders').groupBy('o.state').getRawMany<{ state: OrderState; orders: unknown }>();
    for (const { state, orders } of byState) tally.byState[state] = Number(orders);
    const delivered = await this.filtered(merchantId, { states: [OrderState.DELIVERED], insideReturnWindow: true }, now)
      .select('COUNT(*)', 'count')
      .addSelect('MAX(o.return_window_ends_at)', 'latest')
      .getRawOne<Record<string, unknown>>();
    tally.deliveredInWindow = Number(delivered?.count ?? 0);
    tally.latestWindowEnd = dateFromSql(delivered?.latest);
    return tally;
  }

  /** What an unlink waits for, summed over the open orders (U3). */
  async openSummary(merchantId: string, now: Date): Promise<OpenOrdersSummary> {
    const row = await this.filtered(merchantId, { insideReturnWindow: true }, now)
      .select('COUNT(*)', 'count')
      .addSelect(`MAX(CASE WHEN o.state = :delivered THEN o.return_window_ends_at END)`, 'latestWindowEnd')
      .addSelect(`COALESCE(SUM(CASE WHEN o.state IN (:...notDelivered) THEN 1 ELSE 0 END), 0)`, 'undelivered')
      .addSelect(`COALESCE(SUM(CASE WHEN o.state IN (:...returnsInProgress) THEN 1 ELSE 0 END), 0)`, 'returnsInProgress')
      .setParameters({ delivered: OrderState.DELIVERED, notDelivered, returnsInProgress })
      .getRawOne<Record<string, unknown>>();
    return {
      count: Number(row?.count ?? 0),
      latestWindowEnd: dateFromSql(row?.latestWindowEnd),
      undelivered: Number(row?.undelivered ?? 0),
      returnsInProgress: Number(row?.returnsInProgress ?? 0),
    };
  }

  linesFor(orderIds: string[], merchantId: string) {
    return this.dataSource.manager.find(BwpOrderLine, { where: { orderId: In(orderIds), merchantId }, order: { id: 'ASC' } });
  }

  private filtered(merchantId: string, filter: OrderFilter, now: Date): SelectQueryBuilder<BwpOrder> {
    const query = this.dataSource.manager.createQueryBuilder(BwpOrder, 'o').where('o.merchant_id = :merchantId', { merchantId });
    if (filter.states && filter.states.length > 0) query.andWhere('o.state IN (:...states)', { states: filter.states });
    if (filter.insideReturnWindow === true) {
      query.andWhere(
        new Brackets((inside) =>
          inside
            .where('o.state IN (:...openStates)', { openStates: [...notDelivered, ...returnsInProgress] })
            .orWhere('(o.state = :delivered AND o.return_window_ends_at > :now)', { delivered: OrderState.DELIVERED, now }),
        ),
      );
    } else if (filter.insideReturnWindow === false) {
      query.andWhere(
        new Brackets((outside) =>
          outside
            .where('o.state IN (:...closedStates)', { closedStates: [OrderState.REFUNDED, OrderState.CANCELLED] })
            .orWhere('(o.state = :delivered AND (o.return_window_ends_at IS NULL OR o.return_window_ends_at <= :now))', {
              delivered: OrderState.DELIVERED,
              now,
            }),
        ),
      );
    }
    return query;
  }
}

