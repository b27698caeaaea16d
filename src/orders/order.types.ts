import { DateTimeISO, readableDate } from '../shared/graphql/date-time';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyView } from '../catalog/catalog.types';
import { toGlobalId } from '../shared/graphql/global-id';
import { Node } from '../shared/graphql/node.interface';
import { Connection } from '../shared/graphql/pagination';
import { BwpOrder } from './order.entity';
import type { CatalogProductFields } from '../catalog/catalog.repository';
import type { OrderFields, OrderLineFields, OrderLineWithProduct } from './order.repository';
import { OrderEventType, OrderState } from './order-state';
import { OpenReason } from './return-window';

registerEnumType(OrderState, {
  name: 'OrderState',
  description: 'Where a Buy with Prime order stands (O4).',
  valuesConfig: {
    PLACED: { description: 'Placed by the shopper; not shipped yet.' },
    SHIPPED: { description: 'Shipped by Amazon (Multi-Channel Fulfillment).' },
    DELIVERED: { description: 'Delivered; its return window runs.' },
    RETURN_STARTED: { description: 'The shopper started a return.' },
    REFUND_PENDING: { description: 'A refund was requested and is pending (the order counts as open, O3).' },
    REFUNDED: { description: 'Refunded.' },
    CANCELLED: { description: 'Cancelled before delivery.' },
  },
});

registerEnumType(OrderEventType, {
  name: 'OrderEventType',
  description: 'The upstream events that move an order.',
  valuesConfig: {
    PACKAGE_SHIPPED: { description: 'The package left the fulfillment center.' },
    PACKAGE_DELIVERED: { description: 'The package was delivered; the return window starts.' },
    RETURN_STARTED: { description: 'The shopper started a return.' },
    REFUND_REQUESTED: { description: 'A refund was requested.' },
    REFUND_COMPLETED: { description: 'The refund was paid.' },
    ORDER_CANCELLED: { description: 'The order was cancelled (before delivery).' },
  },
});

registerEnumType(OpenReason, {
  name: 'OrderOpenReason',
  description: 'Why an order is still open, and so keeps an unlink waiting (U3).',
  valuesConfig: {
    NOT_DELIVERED: { description: 'Not delivered yet: its return window has not started (O2).' },
    INSIDE_RETURN_WINDOW: { description: 'Delivered, and its return window has not ended (O2).' },
    RETURN_IN_PROGRESS: { description: 'A return was started.' },
    REFUND_PENDING: { description: 'A refund is pending (O3).' },
  },
});

@ObjectType('OrderLine', { description: 'One product of an order.', simpleResolvers: true })
export class OrderLineView {
  @Field({ description: 'The product\'s SKU when it was ordered.' })
  sku!: string;

  @Field(() => Int, { description: 'How many units.' })
  quantity!: number;

  @Field(() => MoneyView, { description: 'The price of one unit when it was ordered.' })
  unitPrice!: MoneyView;

  @Field({ description: 'Whether the Prime returns policy takes it back (O2).' })
  returnable!: boolean;

  /** For the `product` field resolver; not exposed. */
  productId!: string;

  /** The product, when the page that read the line read it too (null: not the merchant's any more); not exposed. */
  knownProduct?: CatalogProductFields | null;

  static from(line: OrderLineFields | OrderLineWithProduct): OrderLineView {
    return Object.assign(new OrderLineView(), {
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: { amount: (line.unitPriceCents / 100).toFixed(2), currencyCode: line.currency },
      returnable: line.returnable,
      productId: line.productId,
      ...('product' in line ? { knownProduct: line.product } : {}),
    });
  }
}

@ObjectType('Order', { implements: Node, simpleResolvers: true, description: 'A Buy with Prime order placed on the merchant\'s site (O1).' })
export class OrderView extends Node {
  @Field({ description: 'The order\'s ID in Buy with Prime, as upstream events name it.' })
  externalId!: string;

  @Field(() => OrderState, { description: 'Where the order stands.' })
  state!: OrderState;

  @Field(() => MoneyView, { description: 'The order total.' })
  total!: MoneyView;

  @Field(() => DateTimeISO, { description: 'When the shopper placed it.' })
  placedAt!: Date;

  @Field(() => DateTimeISO, { nullable: true, description: 'When it shipped.' })
  shippedAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When it was delivered.' })
  deliveredAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When a return was started.' })
  returnStartedAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When a refund was requested.' })
  refundRequestedAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the refund was paid.' })
  refundedAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When it was cancelled.' })
  cancelledAt!: Date | null;

  @Field(() => DateTimeISO, {
    nullable: true,
    description: 'When its return window ends (O2): set on delivery; equal to deliveredAt when nothing is returnable.',
  })
  returnWindowEndsAt!: Date | null;

  /** For field resolvers; not exposed. */
  orderId!: string;
  /** The order's lines, when the page that read the order read them too; not exposed. */
  knownLines?: OrderLineView[];
  facts!: Pick<BwpOrder, 'state' | 'deliveredAt' | 'returnWindowEndsAt'>;

  static from(order: OrderFields): OrderView {
    return Object.assign(new OrderView(), {
      id: toGlobalId('Order', order.id),
      orderId: order.id,
      externalId: order.externalId,
      state: order.state,
      total: { amount: (order.totalCents / 100).toFixed(2), currencyCode: order.currency },
      placedAt: order.placedAt,
      shippedAt: readableDate(order.shippedAt),
      deliveredAt: readableDate(order.deliveredAt),
      returnStartedAt: readableDate(order.returnStartedAt),
      refundRequestedAt: readableDate(order.refundRequestedAt),
      refundedAt: readableDate(order.refundedAt),
      cancelledAt: readableDate(order.cancelledAt),
      returnWindowEndsAt: readableDate(order.returnWindowEndsAt),
      facts: { state: order.state, deliveredAt: order.deliveredAt, returnWindowEndsAt: order.returnWindowEndsAt },
    });
  }
}

@ObjectType('OrderConnection', { description: 'A page of orders, newest first.', simpleResolvers: true })
export class OrderConnection extends Connection(OrderView, 'Order') {
  @Field(() => Int, { description: 'How many orders match the filter, on all pages: read from the merchant\'s order tally when asked for, in constant time whatever the filter.' })
  totalCount!: number;
}
