import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn } from '../database/columns';

/** A merchant's catalog counts (see catalog-counts.ts): one row per merchant with products. */
@Entity('catalog_count')
export class CatalogCountRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  merchantId!: string;

  @IntColumn()
  products!: number;

  @IntColumn()
  offeringPrime!: number;

  @IntColumn()
  listedWithUnits!: number;
}
