import { Entity } from 'typeorm';
import { IdColumn, TextColumn, TimestampColumn } from '../database/columns';

/** A business that sells on its own site with Buy with Prime: the tenant every row belongs to. */
@Entity('merchant')
export class Merchant {
  @IdColumn()
  id!: string;

  @TextColumn(200)
  name!: string;

  @TimestampColumn()
  createdAt!: Date;
}
