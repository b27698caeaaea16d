import { DataSource } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { countDifferences } from './catalog-counts';
import { CatalogCountStore } from './catalog-counts.repository';

export interface CountMismatch {
  merchantId: string;
  differences: string[];
}

/**
 * Checks each merchant's catalog counts against a recount of its products (`npm run tally -- --check`, and
 * the fuzz campaign's invariants), and recounts those that disagree (`-- --repair`). The counts can only
 * drift through a write that bypasses the catalog services.
 */
export class CatalogCountCheck {
  private readonly counts: CatalogCountStore;
  private readonly transactions: TransactionRunner;

  constructor(dataSource: DataSource) {
    this.counts = new CatalogCountStore(dataSource);
    this.transactions = new TransactionRunner(dataSource);
  }

  async mismatches(): Promise<CountMismatch[]> {
    const found: CountMismatch[] = [];
    for (const merchantId of await this.counts.merchants()) {
      const { stored, recounted } = await this.counts.compared(merchantId);
      const differences = countDifferences(stored, recounted);
      if (differences.length > 0) found.push({ merchantId, differences });
    }
    return found;
  }

  /** Recounts every merchant whose counts disagree with its products; returns what it found (and repaired). */
  async repair(): Promise<CountMismatch[]> {
    const found = await this.mismatches();
    for (const { merchantId } of found) {
      await this.transactions.run(async (manager) => {
        await this.counts.lock(manager, merchantId);
        await this.counts.recount(manager, merchantId);
      });
    }
    return found;
  }
}
