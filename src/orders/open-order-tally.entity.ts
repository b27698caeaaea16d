import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn } from '../database/columns';

/** U3: a merchant's orders that keep an unlink waiting whatever the time (see open-order-tally.ts). */
@Entity('open_order_tally')
export class OpenOrderTally {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  merchantId!: string;

  /** Orders placed or shipped, not yet delivered. */
  @IntColumn()
  undelivered!: number;

  /** Orders with a return started or a refund pending. */
  @IntColumn()
  returnsInProgress!: number;
}

/** U3: a merchant's delivered orders by the hour their return window ends (hours since the epoch). */
@Entity('return_window_hour')
export class ReturnWindowHour {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  merchantId!: string;

  @PrimaryColumn({ type: 'integer' })
  hour!: number;

  @IntColumn()
  delivered!: number;
}
