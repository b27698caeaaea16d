import { DataSource, EntityManager } from 'typeorm';
import { Mutex } from '../shared/mutex';

/**
 * Runs work in one database transaction: each mutation is all or nothing.
 *
 * TypeORM's better-sqlite3 driver shares a single connection, and a second transaction started on
 * it while one is open becomes a savepoint inside the first. Transactions on SQLite are therefore
 * queued here, one at a time; PostgreSQL gives each transaction its own pooled connection.
 * Every write goes through this runner, never through the data source directly.
 */
export class TransactionRunner {
  private readonly queue: Mutex | undefined;

  constructor(private readonly dataSource: DataSource) {
    this.queue = dataSource.options.type === 'better-sqlite3' ? new Mutex() : undefined;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const transaction = () => this.dataSource.transaction((manager) => work(manager));
    return this.queue ? this.queue.run(transaction) : transaction();
  }
}
