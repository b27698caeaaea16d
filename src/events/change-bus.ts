import { ChangeEvent } from './change-event';

export type ChangeListener = (event: ChangeEvent) => void;

/** Runs one SQL statement in the transaction being committed. */
export type TransactionQuery = (sql: string, parameters: unknown[]) => Promise<unknown>;

/**
 * Carries committed changes to the live subscribers of every instance. The transaction runner hands it
 * a transaction's events twice: inside the transaction just before COMMIT (`beforeCommit`, where
 * PostgreSQL's NOTIFY belongs: it is delivered on commit and dropped on rollback) and once COMMIT has
 * succeeded (`afterCommit`, where an in-process bus delivers). A rolled-back transaction reaches
 * neither delivery.
 */
export interface ChangeBus {
  beforeCommit(query: TransactionQuery, events: readonly ChangeEvent[]): Promise<void>;
  afterCommit(events: readonly ChangeEvent[]): void;
  /** Every committed change of every merchant, from this instance and others; returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/** The listeners of one process. */
export class ChangeListeners {
  private readonly listeners = new Set<ChangeListener>();

  add(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  deliver(event: ChangeEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own (it closes its connection); the others still get the event.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}

/** One process (SQLite, which serves one process): events go from the committing transaction to this process's listeners. */
export class InProcessChangeBus implements ChangeBus {
  private readonly listeners = new ChangeListeners();

  async beforeCommit(): Promise<void> {}

  afterCommit(events: readonly ChangeEvent[]): void {
    for (const event of events) this.listeners.deliver(event);
  }

  subscribe(listener: ChangeListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {}
}
