import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn } from '../database/columns';
import { OrderState } from './order-state';

/** How many of a merchant's orders are in each state (see order-tally.ts). */
@Entity('order_state_count')
export class OrderStateCount {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  merchantId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  state!: OrderState;

  @IntColumn()
  orders!: number;
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
