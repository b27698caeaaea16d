import 'reflect-metadata';
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app';
import { Role } from '../src/auth/role';
import { loadConfig } from '../src/config';
import { demoUsers } from '../src/demo/demo-data';

/**
 * Live updates: what one process pays per idle subscription, and the delay from commit to delivery.
 * The server runs here (in-memory SQLite, in-process change bus); the SUBSCRIBERS graphql-ws clients run
 * in a child process, so that the server's memory is measured alone. Each subscriber opens its own
 * connection and subscribes to sellerCentralLinkChanged; then ROUNDS link starts are committed one after
 * another (each waits until every subscriber has its events), and each delivery's delay is measured from
 * the moment the committed change reached the change bus.
 * Usage: npm run bench:subscriptions [-- subscribers rounds]
 */
const SUBSCRIBERS = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 20);
const QUERY = 'subscription { sellerCentralLinkChanged { id state } }';

type ToChild = { type: 'connect'; url: string; token: string; count: number } | { type: 'expect'; messages: number } | { type: 'report' } | { type: 'exit' };
type ToParent = { type: 'connected' } | { type: 'reached' } | { type: 'receipts'; receipts: number[][] };

const now = () => performance.timeOrigin + performance.now();

async function subscribers() {
  const { createClient } = await import('graphql-ws');
  const { default: WebSocket } = await import('ws');
  const receipts: number[][] = [];
  let expected = Infinity;
  const counts: number[] = [];
  const checkReached = () => {
    if (counts.every((count) => count >= expected)) {
      expected = Infinity;
      process.send!({ type: 'reached' } satisfies ToParent);
    }
  };
  process.on('message', async (message: ToChild) => {
    if (message.type === 'connect') {
      let connected = 0;
      for (let index = 0; index < message.count; index += 1) {
        const slot = counts.length;
        counts.push(0);
        const client = createClient({
          url: message.url,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${message.token}` },
          lazy: false,
          retryAttempts: 0,
          on: {
            connected: () => {
              connected += 1;
              if (connected === message.count) process.send!({ type: 'connected' } satisfies ToParent);
            },
          },
        });
        client.subscribe(
          { query: QUERY },
          {
            next: () => {
              const at = now();
              (receipts[counts[slot]] ??= []).push(at);
              counts[slot] += 1;
              checkReached();
            },
            error: (error) => console.error('subscription failed', error),
            complete: () => undefined,
          },
        );
      }
    } else if (message.type === 'expect') {
      expected = message.messages;
      checkReached();
    } else if (message.type === 'report') {
      process.send!({ type: 'receipts', receipts } satisfies ToParent);
    } else {
      process.exit(0);
    }
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Collects garbage (with --expose-gc, as npm run bench:subscriptions runs it) and lets the allocator give pages back. */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function main() {
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }),
    seedDemoData: true,
    port: 0,
    database: { type: 'better-sqlite3' as const, path: ':memory:' },
  };
  config.subscriptions = { ...config.subscriptions, maxConnectionsPerToken: SUBSCRIBERS, maxSubscriptionsPerToken: SUBSCRIBERS };
  const app = await createApp(config);
  const url = (await app.start()).replace(/^http/, 'ws') + '/graphql';
  const child = fork(__filename, ['--subscribers'], { execArgv: ['-r', 'ts-node/register/transpile-only'], stdio: 'inherit' });
  const next = (type: ToParent['type']) => new Promise<ToParent>((resolve) => child.once('message', (message: ToParent) => (message.type === type ? resolve(message) : undefined)));
  try {
    const owner = demoUsers.find((user) => user.role === Role.OWNER)!;
    const viewer = { userId: owner.id, merchantId: owner.merchantId, role: owner.role };
    const token = await app.developmentIssuer!.sign(owner.subject);

    // A warm-up connection first, so that the baseline includes what the first connection loads once (code, the schema's caches).
    const warmedUp = next('connected');
    child.send({ type: 'connect', url, token, count: 1 } satisfies ToChild);
    await warmedUp;
    await settle();
    const before = process.memoryUsage();
    const connected = next('connected');
    child.send({ type: 'connect', url, token, count: SUBSCRIBERS - 1 } satisfies ToChild);
    await connected;
    while (app.http.subscriptions.subscriptionCount < SUBSCRIBERS) await new Promise((resolve) => setTimeout(resolve, 20));
    await settle();
    const after = process.memoryUsage();

    // Commit times: when each committed change reached this process's change bus (which then fans it out).
    const committedAt: number[] = [];
    app.changes.subscribe(() => committedAt.push(now()));
    for (let round = 0; round < ROUNDS; round += 1) {
      const reached = next('reached');
      await app.linking.startLink(viewer, { agreedToDataUse: true });
      child.send({ type: 'expect', messages: committedAt.length } satisfies ToChild);
      await reached;
    }
    const report = next('receipts');
    child.send({ type: 'report' } satisfies ToChild);
    const { receipts } = (await report) as Extract<ToParent, { type: 'receipts' }>;
    const delays = receipts.flatMap((times, index) => times.map((at) => at - committedAt[index])).sort((a, b) => a - b);

    const measured = SUBSCRIBERS - 1;
    const rss = after.rss - before.rss;
    const heap = after.heapUsed + after.external - (before.heapUsed + before.external);
    process.stdout.write(
      [
        `subscribers: ${SUBSCRIBERS} (one connection and one subscription each), events: ${committedAt.length} from ${ROUNDS} committed link starts, deliveries: ${delays.length}`,
        `server memory for ${measured} idle subscribers (after a warm-up one): heap and external +${mebibytes(heap)} (${(heap / measured / 1024).toFixed(1)} KiB per connection), RSS +${mebibytes(rss)} (${(rss / measured / 1024).toFixed(1)} KiB per connection; RSS also moves with what the allocator keeps or returns)`,
        `commit to delivery: p50 ${percentile(delays, 50).toFixed(1)} ms, p99 ${percentile(delays, 99).toFixed(1)} ms, max ${delays[delays.length - 1].toFixed(1)} ms`,
        '',
      ].join('\n'),
    );
  } finally {
    child.send({ type: 'exit' } satisfies ToChild);
    await app.stop();
  }
}

if (process.argv.includes('--subscribers')) {
  void subscribers();
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
