import { DataSource, EntityManager } from 'typeorm';
import { ChangeBus, InProcessChangeBus } from '../events/change-bus';
import { ChangeEvent, coalesce } from '../events/change-event';
import { Mutex } from '../shared/mutex';

/** The changes recorded by each open transaction of a runner, by its entity manager. */
const recorded = new WeakMap<EntityManager, ChangeEvent[]>();

/**
 * Records a change for the live updates, in the transaction of `manager`: it is published once that
 * transaction commits, and never if it rolls back. A write outside a runner's transaction records
 * nothing (every write goes through the runner).
 */
export function recordChange(manager: EntityManager, event: ChangeEvent): void {
  recorded.get(manager)?.push(event);
}

/**
 * Runs work in one database transaction: each mutation is all or nothing.
 *
 * TypeORM's better-sqlite3 driver shares a single connection, and a second transaction started on
 * it while one is open becomes a savepoint inside the first. Transactions on SQLite are therefore
 * queued here, one at a time; PostgreSQL gives each transaction its own pooled connection.
 * Every write goes through this runner, never through the data source directly.
 *
 * The changes a transaction records (`recordChange`) go to the change bus once per transaction,
 * coalesced: inside it just before COMMIT, and after COMMIT has succeeded (see ChangeBus).
 */
export class TransactionRunner {
  private readonly queue: Mutex | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: ChangeBus = new InProcessChangeBus(),
  ) {
    this.queue = dataSource.options.type === 'better-sqlite3' ? new Mutex() : undefined;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const transaction = async () => {
      let events: ChangeEvent[] = [];
      const result = await this.dataSource.transaction(async (manager) => {
        const outer = recorded.get(manager);
        const own: ChangeEvent[] = [];
        recorded.set(manager, own);
        try {
          const value = await work(manager);
          events = coalesce(own);
          if (outer) {
            // A savepoint inside another transaction: its changes are that transaction's.
            outer.push(...events);
            events = [];
          } else if (events.length > 0) {
            await this.changes.beforeCommit((sql, parameters) => manager.query(sql, parameters), events);
          }
          return value;
        } finally {
          if (outer) recorded.set(manager, outer);
          else recorded.delete(manager);
        }
      });
      if (events.length > 0) this.changes.afterCommit(events);
      return result;
    };
    return this.queue ? this.queue.run(transaction) : transaction();
  }
}
