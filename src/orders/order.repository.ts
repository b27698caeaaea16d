import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { CatalogProductFields, productFromRow } from '../catalog/catalog.repository';
import { RowReader } from '../database/row-reader';
import { dateFromSql } from '../database/sql-values';
import { BwpOrder, BwpOrderLine } from './order.entity';
import { OrderState } from './order-state';
import { emptyTally, OrderTally } from './order-tally';
import { tallyColumns, tallyFromRow, tallyParameters } from './order-tally.repository';

export interface OrderFilter {
  states?: OrderState[] | null;
  /** O2, O3: orders still inside their return window (undelivered or refund pending included), or outside it. */
  insideReturnWindow?: boolean | null;
}


/** The columns of an order that its GraphQL view shows: what the orders page's read model maps by hand. */
export type OrderFields = Pick<
  BwpOrder,
  'id' | 'externalId' | 'state' | 'placedAt' | 'shippedAt' | 'deliveredAt' | 'returnStartedAt' | 'refundRequestedAt' | 'refundedAt' | 'cancelledAt' | 'returnWindowEndsAt' | 'totalCents' | 'currency'
>;

/** A page of orders, read in one statement; the merchant's order tally with it when asked for (and there is a row to carry it). */
export interface OrderPageRead {
  rows: OrderFields[];
  tally: OrderTally | null;
}

export type OrderLineFields = Pick<BwpOrderLine, 'id' | 'orderId' | 'productId' | 'sku' | 'quantity' | 'unitPriceCents' | 'currency' | 'returnable'>;

/** A line of an order with its catalog product as it is now (null if the product is not the merchant's any more). */
export interface OrderLineWithProduct extends OrderLineFields {
  product: CatalogProductFields | null;
}

const orderColumns =
  'o.id, o.external_id, o.state, o.placed_at, o.shipped_at, o.delivered_at, o.return_started_at, o.refund_requested_at, o.refunded_at, o.cancelled_at, o.return_window_ends_at, o.total_cents, o.currency';

function orderFromRow(row: Record<string, unknown>): OrderFields {
  return {
    id: row.id as string,
    externalId: row.external_id as string,
    state: row.state as OrderState,
    placedAt: dateFromSql(row.placed_at)!,
    shippedAt: dateFromSql(row.shipped_at),
    deliveredAt: dateFromSql(row.delivered_at),
    returnStartedAt: dateFromSql(row.return_started_at),
    refundRequestedAt: dateFromSql(row.refund_requested_at),
    refundedAt: dateFromSql(row.refunded_at),
    cancelledAt: dateFromSql(row.cancelled_at),
    returnWindowEndsAt: dateFromSql(row.return_window_ends_at),
    totalCents: Number(row.total_cents),
    currency: row.currency as string,
  };
}

const notDelivered = [OrderState.PLACED, OrderState.SHIPPED];
const returnsInProgress = [OrderState.RETURN_STARTED, OrderState.REFUND_PENDING];

/** Reads of orders, always scoped to one merchant. */
export class OrderRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rows: RowReader = new RowReader(dataSource),
  ) {}

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

  /**
   * The orders page's read model: `first + 1` orders, newest first, after the order `afterId` (keyset on
   * the time-ordered ID), and (when asked for, for `totalCount`) the merchant's order tally, in one
   * statement of plain rows mapped by hand.
   */
  async page(merchantId: string, filter: OrderFilter, first: number, afterId: string | undefined, now: Date, withTally = false): Promise<OrderPageRead> {
    const parameters: Record<string, unknown> = { merchantId, ...(withTally ? tallyParameters(now) : {}) };
    const where = this.filterSql('o', filter, now, parameters);
    const tally = withTally ? `, ${tallyColumns()}` : '';
    if (afterId) parameters.afterId = afterId;
    const raw = await this.rows.rows(
      `SELECT ${orderColumns}${tally} FROM bwp_order o WHERE ${where}${afterId ? ' AND o.id < :afterId' : ''} ORDER BY o.id DESC LIMIT :pageLimit`,
      { ...parameters, pageLimit: Number(first) + 1 },
    );
    // A page past the last order has no row to carry the tally: the caller reads it on its own (rare).
    return { rows: raw.map(orderFromRow), tally: withTally && raw.length > 0 ? tallyFromRow(raw[0], now) : null };
  }

  /**
   * The lines of the given orders with their products, in one statement: both scoped to the merchant
   * (a product of another merchant is never joined, even for a line that names it).
   */
  async linesWithProducts(orderIds: string[], merchantId: string): Promise<OrderLineWithProduct[]> {
    if (orderIds.length === 0) return [];
    const raw = await this.rows.rows(
      `SELECT l.id AS line_id, l.order_id, l.product_id, l.sku AS line_sku, l.quantity, l.unit_price_cents, l.currency AS line_currency, l.returnable AS line_returnable,
         p.id, p.sku, p.amazon_sku, p.title, p.price_cents, p.currency, p.offer_prime, p.listed, p.updated_at
       FROM bwp_order_line l LEFT JOIN catalog_product p ON p.id = l.product_id AND p.merchant_id = l.merchant_id
       WHERE l.merchant_id = :merchantId AND l.order_id IN (:...orderIds)
       ORDER BY l.id ASC`,
      { merchantId, orderIds },
    );
    return raw.map((row) => ({
      id: row.line_id as string,
      orderId: row.order_id as string,
      productId: row.product_id as string,
      sku: row.line_sku as string,
      quantity: Number(row.quantity),
      unitPriceCents: Number(row.unit_price_cents),
      currency: row.line_currency as string,
      returnable: Boolean(row.line_returnable),
      product: row.id === null ? null : productFromRow(row as Parameters<typeof productFromRow>[0]),
    }));
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

  /** The filter's conditions on the orders aliased `alias`, as SQL with named parameters (added to `parameters`). */
  private filterSql(alias: string, filter: OrderFilter, now: Date, parameters: Record<string, unknown>): string {
    const conditions = [`${alias}.merchant_id = :merchantId`];
    if (filter.states && filter.states.length > 0) {
      conditions.push(`${alias}.state IN (:...states)`);
      parameters.states = filter.states;
    }
    if (filter.insideReturnWindow === true) {
      conditions.push(`(${alias}.state IN (:...openStates) OR (${alias}.state = :delivered AND ${alias}.return_window_ends_at > :now))`);
      Object.assign(parameters, { openStates: [...notDelivered, ...returnsInProgress], delivered: OrderState.DELIVERED, now });
    } else if (filter.insideReturnWindow === false) {
      conditions.push(
        `(${alias}.state IN (:...closedStates) OR (${alias}.state = :delivered AND (${alias}.return_window_ends_at IS NULL OR ${alias}.return_window_ends_at <= :now)))`,
      );
      Object.assign(parameters, { closedStates: [OrderState.REFUNDED, OrderState.CANCELLED], delivered: OrderState.DELIVERED, now });
    }
    return conditions.join(' AND ');
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

