import { DataSource } from 'typeorm';
import { CatalogProductFields, prefixedProductColumns, productReader } from '../catalog/catalog.repository';
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

/** What a page of orders reads beside the orders themselves, in the same statement. */
export interface OrderPageOptions {
  /** The merchant's order tally (for `totalCount`). */
  withTally?: boolean;
  /** Each order's lines, with their products. */
  withLines?: boolean;
}

/**
 * A page of orders, read in one statement; the merchant's order tally with it when asked for (and there is a
 * row to carry it), and each order's lines by order ID when asked for (an order without lines has none in it).
 */
export interface OrderPageRead {
  rows: OrderFields[];
  tally: OrderTally | null;
  lines: Map<string, OrderLineWithProduct[]> | null;
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

/** A line's columns (`l`) with its product's (`p`, named `product_…`), as lineFromRow reads them. */
const lineColumns = `l.id AS line_id, l.order_id AS line_order_id, l.product_id AS line_product_id, l.sku AS line_sku, l.quantity AS line_quantity,
  l.unit_price_cents AS line_unit_price_cents, l.currency AS line_currency, l.returnable AS line_returnable, ${prefixedProductColumns('product_')}`;

/** A line's product, joined only when it is the line's merchant's (never another merchant's, even for a line that names it). */
const lineProductJoin = 'LEFT JOIN catalog_product p ON p.id = l.product_id AND p.merchant_id = l.merchant_id';

const productOfLine = productReader('product_');

function lineFromRow(row: Record<string, unknown>): OrderLineWithProduct {
  return {
    id: row.line_id as string,
    orderId: row.line_order_id as string,
    productId: row.line_product_id as string,
    sku: row.line_sku as string,
    quantity: Number(row.line_quantity),
    unitPriceCents: Number(row.line_unit_price_cents),
    currency: row.line_currency as string,
    returnable: Boolean(row.line_returnable),
    // `product_id` is the joined product's own ID: null when the line names no product of the merchant.
    product: row.product_id === null ? null : productOfLine(row),
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
   * the time-ordered ID), in one statement of plain rows mapped by hand; with them, when asked for, the
   * merchant's order tally (for `totalCount`) and each order's lines with their products (one row per line:
   * the page's orders joined to their lines, scoped to the merchant), so that a page is one round trip.
   */
  async page(merchantId: string, filter: OrderFilter, first: number, afterId: string | undefined, now: Date, options: OrderPageOptions = {}): Promise<OrderPageRead> {
    const { withTally = false, withLines = false } = options;
    const parameters: Record<string, unknown> = { merchantId, ...(withTally ? tallyParameters(now) : {}), pageLimit: Number(first) + 1 };
    const where = this.filterSql('p', filter, now, parameters);
    if (afterId) parameters.afterId = afterId;
    // The page's IDs first, then its orders by primary key. Asked for whole rows in ID order, PostgreSQL's planner
    // walks the primary key backwards and filters on the merchant, which passes over every newer order of every other
    // merchant (10,000 of them in the bench: 2.3 ms a page); asked for IDs only, it reads them from the (merchant_id, id)
    // index alone, and the page costs the same whoever placed the newer orders. CROSS JOIN keeps SQLite from turning the
    // join around (it reads the page first, as PostgreSQL does, rather than every order of the merchant).
    const pageIds = `SELECT p.id FROM bwp_order p WHERE ${where}${afterId ? ' AND p.id < :afterId' : ''} ORDER BY p.id DESC LIMIT :pageLimit`;
    const orders = `SELECT ${orderColumns}${withTally ? `, ${tallyColumns()}` : ''} FROM (${pageIds}) page CROSS JOIN bwp_order o WHERE o.id = page.id AND o.merchant_id = :merchantId ORDER BY o.id DESC`;
    if (!withLines) {
      const raw = await this.rows.rows(orders, parameters);
      // A page past the last order has no row to carry the tally: the caller reads it on its own (rare).
      return { rows: raw.map(orderFromRow), tally: withTally && raw.length > 0 ? tallyFromRow(raw[0], now) : null, lines: null };
    }
    const raw = await this.rows.rows(
      `SELECT o.*, ${lineColumns} FROM (${orders}) o
       LEFT JOIN bwp_order_line l ON l.order_id = o.id AND l.merchant_id = :merchantId ${lineProductJoin}
       ORDER BY o.id DESC, l.id ASC`,
      parameters,
    );
    const rows: OrderFields[] = [];
    const lines = new Map<string, OrderLineWithProduct[]>();
    for (const row of raw) {
      let ofOrder = lines.get(row.id as string);
      if (!ofOrder) {
        rows.push(orderFromRow(row));
        lines.set(row.id as string, (ofOrder = []));
      }
      if (row.line_id !== null) ofOrder.push(lineFromRow(row));
    }
    return { rows, tally: withTally && raw.length > 0 ? tallyFromRow(raw[0], now) : null, lines };
  }

  /** The lines of the given orders with their products, in one statement, scoped to the merchant (for the orders that a page did not read them with). */
  async linesWithProducts(orderIds: string[], merchantId: string): Promise<OrderLineWithProduct[]> {
    if (orderIds.length === 0) return [];
    const raw = await this.rows.rows(
      `SELECT ${lineColumns} FROM bwp_order_line l ${lineProductJoin}
       WHERE l.merchant_id = :merchantId AND l.order_id IN (:...orderIds)
       ORDER BY l.id ASC`,
      { merchantId, orderIds },
    );
    return raw.map(lineFromRow);
  }

  /** The merchant's order tally counted over its orders: the truth the stored tally is checked against (order-tally.ts). */
  async tallyFromOrders(merchantId: string, now: Date): Promise<OrderTally> {
    const tally = emptyTally();
    const all: Record<string, unknown> = { merchantId };
    const byState = await this.rows.rows<{ state: OrderState; orders: unknown }>(
      `SELECT o.state AS state, COUNT(*) AS orders FROM bwp_order o WHERE ${this.filterSql('o', {}, now, all)} GROUP BY o.state`,
      all,
    );
    for (const { state, orders } of byState) tally.byState[state] = Number(orders);
    const inWindow: Record<string, unknown> = { merchantId };
    const [delivered] = await this.rows.rows<{ count: unknown; latest: unknown }>(
      `SELECT COUNT(*) AS count, MAX(o.return_window_ends_at) AS latest FROM bwp_order o
       WHERE ${this.filterSql('o', { states: [OrderState.DELIVERED], insideReturnWindow: true }, now, inWindow)}`,
      inWindow,
    );
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
}

