import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ChangeBus, ChangeListener, ChangeListeners, TransactionQuery } from './change-bus';
import { ChangeEvent, parseChangeEvent } from './change-event';

/** The channel every instance LISTENs on. */
export const CHANGE_CHANNEL = 'bwp_console_changes';

/** The LISTEN connection's application_name (it shows in pg_stat_activity). */
export const LISTENER_NAME = 'bwp-console-live';

/** How long to wait before opening a lost LISTEN connection again. */
const RECONNECT_MS = 1000;

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more: a larger change set is sent in parts. */
export const MAX_NOTIFY_PAYLOAD_BYTES = 7000;

interface Part {
  /** The change set's ID, shared by its parts. */
  set: string;
  part: number;
  parts: number;
  event: ChangeEvent;
}

/** A change set's product IDs, in parts whose payloads each fit a NOTIFY. */
export function notificationPayloads(event: ChangeEvent, maxBytes = MAX_NOTIFY_PAYLOAD_BYTES): string[] {
  const whole = JSON.stringify(event);
  if (Buffer.byteLength(whole) <= maxBytes || event.type !== 'OFFER_PRIME') return [whole];
  const set = randomUUID();
  const perPart = Math.max(1, Math.floor((maxBytes - 300) / 39));
  const parts: ChangeEvent[] = [];
  for (let start = 0; start < event.productIds.length; start += perPart) parts.push({ ...event, productIds: event.productIds.slice(start, start + perPart) });
  return parts.map((part, index) => JSON.stringify({ set, part: index, parts: parts.length, event: part } satisfies Part));
}

/**
 * Several instances on one PostgreSQL database: a transaction's events are NOTIFYed on
 * CHANGE_CHANNEL inside the transaction (PostgreSQL delivers them when it commits, in commit order,
 * and never for a rollback), and a dedicated connection of each instance LISTENs and hands them to
 * that instance's subscribers. The payload names what changed; subscribers read the state.
 */
export class PostgresChangeBus implements ChangeBus {
  private readonly listeners = new ChangeListeners();
  private readonly partial = new Map<string, ChangeEvent[]>();
  private client: Client | null = null;
  private reconnecting: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly onError: (error: Error) => void,
  ) {}

  static async listen(url: string, onError: (error: Error) => void): Promise<PostgresChangeBus> {
    const bus = new PostgresChangeBus(url, onError);
    try {
      await bus.connect();
    } catch (error) {
      await bus.close();
      throw error;
    }
    return bus;
  }

  /** Whether the LISTEN connection is up (a lost one is opened again every RECONNECT_MS). */
  get listening(): boolean {
    return this.client !== null;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: LISTENER_NAME });
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload) this.received(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
  }

  /**
   * The LISTEN connection went away (the database restarted, a network cut): it is opened again, and the
   * changes committed meanwhile are not delivered (subscribers read the state again after a reconnection).
   */
  private lost(client: Client, error: Error | null): void {
    if (this.client !== client && this.client !== null) return;
    this.client = null;
    if (error) this.onError(error);
    client.end().catch(() => undefined);
    if (this.closed || this.reconnecting) return;
    this.partial.clear();
    const retry = () => {
      this.reconnecting = null;
      if (this.closed) return;
      this.connect().catch((failure: Error) => {
        this.onError(failure);
        if (!this.closed && !this.reconnecting) this.reconnecting = setTimeout(retry, RECONNECT_MS).unref();
      });
    };
    // Unreferenced: a server is kept running by its HTTP server, not by its attempts to listen again.
    this.reconnecting = setTimeout(retry, RECONNECT_MS).unref();
  }

  async beforeCommit(query: TransactionQuery, events: readonly ChangeEvent[]): Promise<void> {
    for (const event of events) {
      for (const payload of notificationPayloads(event)) await query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, payload]);
    }
  }

  afterCommit(): void {}

  subscribe(listener: ChangeListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.reconnecting) clearTimeout(this.reconnecting);
    const client = this.client;
    this.client = null;
    await client?.end();
  }

  private received(payload: string): void {
    let value: unknown;
    try {
      value = JSON.parse(payload);
    } catch {
      return;
    }
    const part = value as Partial<Part>;
    if (typeof part.set === 'string' && typeof part.parts === 'number') {
      const event = parseChangeEvent(part.event);
      if (!event || event.type !== 'OFFER_PRIME') return;
      const received = [...(this.partial.get(part.set) ?? []), event];
      if (received.length < part.parts) {
        this.partial.set(part.set, received);
        return;
      }
      this.partial.delete(part.set);
      this.listeners.deliver({ ...event, productIds: received.flatMap((each) => (each.type === 'OFFER_PRIME' ? each.productIds : [])) });
      return;
    }
    const event = parseChangeEvent(value);
    if (event) this.listeners.deliver(event);
  }
}
