import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { createDataSource } from '../ormconfig';
import { DatabaseConfig } from '../src/config';
import { seedSandboxAccounts } from '../src/seller-central/sandbox/sandbox-accounts.seed';
import { benchSignIn, databaseEnv, percentile, Server, start } from './bench-processes';
import { BENCH_TOKEN, seedBenchData } from './bench-seed';

/**
 * npm run bench:noisy [-- --quick]: the noisy-neighbour benchmark (issue 15). One merchant's token floods
 * the server with the most expensive operations its budgets allow, on a large catalog (10,000 products,
 * 100,000 orders), while another merchant's plain page is requested at a steady rate; it prints the quiet
 * merchant's p50/p99 alone and under the flood, and their ratio. The server is a production process with
 * the default budgets; the quiet requests are sent on a clock (open loop), so a stalled server delays
 * every request due meanwhile, as it would real users. Runs on SQLite, then on PostgreSQL when
 * TEST_DATABASE_URL names a cluster (`npm run bench:noisy` starts a throwaway one).
 */
const quick = process.argv.includes('--quick');
const root = join(__dirname, '..');
const SECONDS = quick ? 8 : 20;
const QUIET_RATE = 100;
const FLOOD_CONNECTIONS = 8;
const LARGE = { products: 10_000, orders: quick ? 20_000 : 100_000, unlinkRequested: false };
const QUIET_TOKEN = 'bwpc_bench-small-1';
const QUIET_QUERY = '{ viewer { user { id displayName } merchant { name } } }';

/** What the flooding token sends, in turn on each connection: the costliest reads and writes there are. */
function floodOperations(productIds: string[]): Array<{ name: string; query: string }> {
  const bulk = (offerPrime: boolean) =>
    `mutation { setOfferPrimeForProducts(input: { changes: [${productIds.map((id) => `{ productId: "${id}", offerPrime: ${offerPrime} }`).join(', ')}] }) { outcomes { productId userErrors { code } } userErrors { code } } }`;
  return [
    { name: 'catalog page of 100 with totalCount and the header counts', query: '{ catalogSummary { productCount eligibleCount offeringPrimeCount } catalogProducts(first: 100) { totalCount nodes { id sku title price { amount } fulfillableQuantity offerPrime eligibleForPrime ineligibilityReasons buyability } } }' },
    { name: 'orders page of 100 with lines, products and totalCount', query: '{ orders(first: 100) { totalCount nodes { id externalId state placedAt returnWindowEndsAt insideReturnWindow lines { sku quantity product { title } } } } }' },
    { name: 'orders inside their window, filtered, with totalCount', query: '{ orders(first: 100, filter: { insideReturnWindow: true }) { totalCount nodes { id state } } }' },
    { name: `bulk Offer Prime on, ${productIds.length} products`, query: bulk(true) },
    { name: `bulk Offer Prime off, ${productIds.length} products`, query: bulk(false) },
    { name: 'turn Offer Prime off for all products', query: 'mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }' },
  ];
}

function startServer(database: DatabaseConfig): Promise<Server> {
  return start([join(root, 'dist/src/main.js')], {
    NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'error', WORKER_INTERVAL_MS: '0', ...benchSignIn, ...databaseEnv(database),
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, token: string, query: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query });
    const req = request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The quiet merchant's page, sent QUIET_RATE times a second whatever the answers' pace; latency counts from when each was due. */
async function quietLatencies(url: string, seconds: number): Promise<{ p50: number; p99: number; max: number; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let n = 0; n < seconds * QUIET_RATE; n += 1) {
    const due = start + (n * 1000) / QUIET_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      post(url, QUIET_TOKEN, QUIET_QUERY).then(({ status }) => {
        if (status !== 200) failed += 1;
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1], failed };
}

function flood(url: string, operations: Array<{ query: string }>, seconds: number): Promise<{ statuses: Record<string, number>; requests: number }> {
  return new Promise((resolve, reject) => {
    const statuses: Record<string, number> = {};
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        connections: FLOOD_CONNECTIONS,
        duration: seconds,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
        requests: operations.map(({ query }) => ({ body: JSON.stringify({ query }) })),
      },
      (error, result) => (error ? reject(error) : resolve({ statuses, requests: result.requests.total })),
    );
    instance.on('response', (_client: unknown, status: number) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
}

async function prepare(database: DatabaseConfig): Promise<void> {
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.transaction((manager) => seedSandboxAccounts(manager));
  await seedBenchData(dataSource, LARGE, 50);
  // Planner statistics and the visibility map for the rows just loaded, as autovacuum would make them before long.
  await dataSource.query(database.type === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
  await dataSource.destroy();
}

async function postgresDatabase(): Promise<{ config: DatabaseConfig; drop: () => Promise<void> } | null> {
  if (!process.env.TEST_DATABASE_URL) return null;
  const name = `bwp_noisy_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { config: { type: 'postgres', url: url.toString(), poolSize: 10 }, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function run(label: string, database: DatabaseConfig): Promise<string> {
  let started = Date.now();
  await prepare(database);
  process.stdout.write(`\n${label}: seeded ${LARGE.products.toLocaleString('en-US')} products and ${LARGE.orders.toLocaleString('en-US')} orders for the flooding merchant in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
  const server = await startServer(database);
  try {
    const productIds: string[] = [];
    for (let after: string | null = null; productIds.length < 250; ) {
      const page = JSON.parse((await post(server.url, BENCH_TOKEN, `{ catalogProducts(first: 100${after ? `, after: "${after}"` : ''}, filter: { eligible: true }) { nodes { id } pageInfo { endCursor } } }`)).body);
      productIds.push(...page.data.catalogProducts.nodes.map((node: { id: string }) => node.id));
      after = page.data.catalogProducts.pageInfo.endCursor;
    }
    const operations = floodOperations(productIds.slice(0, 250));
    process.stdout.write('Each flood operation alone (server time, the flooding token, once after a warm-up):\n');
    for (const { name, query } of operations) {
      await post(server.url, BENCH_TOKEN, query);
      started = performance.now();
      const answer = await post(server.url, BENCH_TOKEN, query);
      const cost = JSON.parse(answer.body).extensions?.cost?.requestedQueryCost;
      process.stdout.write(`  ${(performance.now() - started).toFixed(1).padStart(7)} ms  cost ${String(cost).padStart(5)}  ${name}\n`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(1500, (cost / 200) * 1000 + 500))); // let the token's budget refill
    }
    await quietLatencies(server.url, 2);
    const alone = await quietLatencies(server.url, SECONDS);
    await new Promise((resolve) => setTimeout(resolve, 20_000)); // both budgets full again
    const [noisy, flooded] = await Promise.all([quietLatencies(server.url, SECONDS), flood(server.url, operations, SECONDS)]);
    const line = `| ${label} | ${alone.p50.toFixed(1)} | ${alone.p99.toFixed(1)} | ${noisy.p50.toFixed(1)} | ${noisy.p99.toFixed(1)} | ${(noisy.p99 / alone.p99).toFixed(2)}× | ${noisy.max.toFixed(0)} | ${flooded.requests} (${Object.entries(flooded.statuses).map(([status, count]) => `${count} × ${status}`).join(', ')}) |`;
    if (alone.failed + noisy.failed > 0) process.stdout.write(`  (${alone.failed + noisy.failed} quiet requests failed)\n`);
    return line;
  } finally {
    server.child.kill('SIGTERM');
  }
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'bwp-noisy-'));
  const rows: string[] = [];
  try {
    rows.push(await run('SQLite', { type: 'better-sqlite3', path: join(folder, 'noisy.sqlite') }));
    const postgres = await postgresDatabase();
    if (postgres) {
      try {
        rows.push(await run('PostgreSQL', postgres.config));
      } finally {
        await postgres.drop();
      }
    } else process.stdout.write('\n(PostgreSQL skipped: TEST_DATABASE_URL is not set; `npm run bench:noisy` sets it.)\n');
  } finally {
    rmSync(folder, { recursive: true, force: true });
    agent.destroy();
  }
  process.stdout.write(`\nQuiet merchant: \`${QUIET_QUERY}\` at ${QUIET_RATE}/s for ${SECONDS} s, alone and while one token of another merchant floods on ${FLOOD_CONNECTIONS} connections (${cpus().length} cores, Node ${process.version}). Goal: p99 under the flood ≤ 3× alone.\n\n`);
  process.stdout.write('| database | alone p50 ms | alone p99 ms | flooded p50 ms | flooded p99 ms | p99 ratio | flooded max ms | flood requests (by status) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n');
  for (const row of rows) process.stdout.write(`${row}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
