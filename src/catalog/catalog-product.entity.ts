import { Column, Entity, Index } from 'typeorm';
import { IdColumn, IntColumn, ReferenceColumn, TextColumn, TimestampColumn } from '../database/columns';

/** A product of the merchant's Buy with Prime catalog, imported from a Seller Central listing. */
@Entity('catalog_product')
@Index(['merchantId', 'sku'], { unique: true })
export class CatalogProduct {
  @IdColumn()
  id!: string;

  @ReferenceColumn()
  merchantId!: string;

  /** The merchant's SKU, as on its own site and in Seller Central. */
  @TextColumn(64)
  sku!: string;

  /** The Amazon product ID (ASIN) of the Seller Central listing. */
  @TextColumn(20)
  amazonSku!: string;

  @TextColumn(500)
  title!: string;

  @IntColumn()
  priceCents!: number;

  @TextColumn(3)
  currency!: string;

  /** P1: whether the product shows the Buy with Prime button. */
  @Column({ type: 'boolean' })
  offerPrime!: boolean;

  /** O2: whether the Prime returns policy lets shoppers return it. */
  @Column({ type: 'boolean', default: true })
  returnable!: boolean;

  /** False once the listing vanished from Seller Central (found by a re-sync). */
  @Column({ type: 'boolean' })
  listed!: boolean;

  @TimestampColumn()
  importedAt!: Date;

  /** When anything about the product last changed (import, re-sync, toggle). */
  @TimestampColumn()
  updatedAt!: Date;
}
