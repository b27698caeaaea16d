import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn, TimestampColumn } from '../database/columns';

/** L6: a SKU's units in Amazon fulfillment centers, as last identified from Seller Central. */
@Entity('fulfillment_inventory')
export class FulfillmentInventoryRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  merchantId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  sku!: string;

  @IntColumn()
  fulfillableQuantity!: number;

  @TimestampColumn()
  identifiedAt!: Date;
}
