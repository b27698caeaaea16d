import { DataSource } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { tallyDifferences } from './order-tally';
import { OrderTallies } from './order-tally.repository';
import { OrderRepository } from './order.repository';

export interface TallyMismatch {
  merchantId: string;
  differences: string[];
}

/**
 * Checks each merchant's order tally against a recount of its orders (U3), and repairs those that
 * disagree: `npm run tally -- --check` and `-- --repair` (scripts/order-tally.ts), and the fuzz campaign's
 * invariants. A tally can only drift through a write that bypasses the order services.
 */
export class OrderTallyCheck {
  private readonly tallies: OrderTallies;
  private readonly orders: OrderRepository;
  private readonly transactions: TransactionRunner;

  constructor(dataSource: DataSource) {
    this.tallies = new OrderTallies(dataSource);
    this.orders = new OrderRepository(dataSource);
    this.transactions = new TransactionRunner(dataSource);
  }

  async mismatches(now: Date): Promise<TallyMismatch[]> {
    const found: TallyMismatch[] = [];
    for (const merchantId of await this.tallies.merchants()) {
      const differences = tallyDifferences(await this.tallies.read(merchantId, now), await this.orders.tallyFromOrders(merchantId, now));
      if (differences.length > 0) found.push({ merchantId, differences });
    }
    return found;
  }

  /** Rebuilds every tally that disagrees with its orders; returns what it found (and repaired). */
  async repair(now: Date): Promise<TallyMismatch[]> {
    const found = await this.mismatches(now);
    for (const { merchantId } of found) await this.transactions.run((manager) => this.tallies.rebuild(manager, merchantId, now));
    return found;
  }
}
