import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { demoUsers } from '../../src/demo/demo-data';
import { TestServer } from './test-server';

const demoSubjects = new Set(demoUsers.map((user) => user.subject));

export interface Closed {
  code: number;
  reason: string;
}

/** One subscription's messages, in the order they arrived. */
export class Received<T = any> {
  readonly data: T[] = [];
  readonly errors: unknown[] = [];
  completed = false;
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  push(value: { data?: T | null; errors?: readonly unknown[] }): void {
    if (value.errors) this.errors.push(...value.errors);
    if (value.data) this.data.push(value.data);
    this.wake();
  }

  fail(errors: unknown): void {
    this.errors.push(...(Array.isArray(errors) ? errors : [errors]));
    this.completed = true;
    this.wake();
  }

  complete(): void {
    this.completed = true;
    this.wake();
  }

  /** Resolves once `count` messages (data or errors) have arrived, or the subscription ended. */
  until(count: number): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ count, resolve });
      this.wake();
    });
  }

  /** Resolves with the first message whose data matches, once it has arrived (or undefined if the subscription ended first). */
  async first(matches: (data: T) => boolean): Promise<T | undefined> {
    for (let seen = 0; ; seen += 1) {
      await this.until(seen + 1);
      const data = this.data.find(matches);
      if (data !== undefined || this.completed) return data;
    }
  }

  private wake(): void {
    const arrived = this.data.length + this.errors.length;
    this.waiters = this.waiters.filter((waiter) => {
      if (arrived < waiter.count && !this.completed) return true;
      waiter.resolve();
      return false;
    });
  }
}

export interface LiveClient {
  client: Client;
  /** Resolves when the server closes the connection. */
  closed: Promise<Closed>;
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): Received<T>;
  dispose(): Promise<void>;
}

/** Resolves once the server has `count` subscriptions listening (a subscribe message has no answer to wait for). */
export async function listening(server: Pick<TestServer, 'app'>, count: number): Promise<void> {
  for (let attempt = 0; attempt < 2000; attempt += 1) {
    if (server.app.http.subscriptions.subscriptionCount >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`The server never had ${count} subscriptions listening (it has ${server.app.http.subscriptions.subscriptionCount}).`);
}

export function wsUrl(server: Pick<TestServer, 'url'>): string {
  return `${server.url.replace(/^http/, 'ws')}/graphql`;
}

/**
 * A graphql-ws client on a real socket, signed in as a demo user (a token signed now) or with a given
 * token; resolves once the server acknowledged connection_init, or once it closed the connection.
 */
export async function connectLive(server: Pick<TestServer, 'url' | 'signIn'>, as: string | null = 'demo-acme-owner'): Promise<LiveClient & { acknowledged: boolean }> {
  const token = as === null ? null : demoSubjects.has(as) ? await server.signIn(as) : as;
  let closedWith: (closed: Closed) => void = () => undefined;
  const closed = new Promise<Closed>((resolve) => (closedWith = resolve));
  let acknowledged = false;
  let ready: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (ready = resolve));
  const client = createClient({
    url: wsUrl(server),
    webSocketImpl: WebSocket,
    connectionParams: token === null ? {} : { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    on: {
      connected: () => {
        acknowledged = true;
        ready();
      },
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closedWith({ code, reason: String(reason) });
        ready();
      },
    },
    onNonLazyError: () => undefined,
  });
  const live = {
    client,
    closed,
    subscribe<T>(query: string, variables: Record<string, unknown> = {}) {
      const received = new Received<T>();
      client.subscribe<T>({ query, variables }, { next: (value) => received.push(value as any), error: (error) => received.fail(error), complete: () => received.complete() });
      return received;
    },
    async dispose() {
      await client.dispose();
    },
  };
  await connected;
  return Object.assign(live, { acknowledged });
}
