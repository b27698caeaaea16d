import { BeforeQueryEvent, EntitySubscriberInterface } from 'typeorm';

/**
 * Fair turns on the embedded database (issue 15). better-sqlite3 runs each statement on the event loop,
 * and its promises resolve at once: a request's statements and resolvers would run back to back, so one
 * merchant's large page held every other request until it finished. Each statement outside a
 * transaction now waits for the event loop's next turn first, so other requests' work interleaves
 * between statements. Inside a transaction it does not: another request's statement on the shared
 * connection would run inside that transaction and see its uncommitted rows (transactions are queued,
 * see TransactionRunner, and stay one uninterrupted run).
 */
export class SqliteTurns implements EntitySubscriberInterface {
  beforeQuery(event: BeforeQueryEvent): Promise<void> | void {
    if (event.queryRunner.isTransactionActive || process.env.SQLITE_TURNS === "off") return;
    return new Promise((resolve) => setImmediate(resolve));
  }
}
