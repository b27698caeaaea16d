import 'reflect-metadata';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';
import { createDataSource } from '../ormconfig';
import { createApp } from '../src/app';
import { DatabaseConfig, loadConfig } from '../src/config';
import { seedSandboxAccounts } from '../src/seller-central/sandbox/sandbox-accounts.seed';
import { benchSignIn, databaseEnv, percentile, Server, start } from './bench-processes';
import { BENCH_TOKEN, seedBenchData } from './bench-seed';

/**
 * npm run bench [-- --quick] [--explain] [--postgres] [--pages]: the console's hot paths over HTTP against a
 * production-mode server on a large dataset, with two baselines in the same run (the floor: recorded bytes
 * from the same HTTP framework; naive: the same server with DataLoader batching off), SQL statements and
 * server CPU per operation, peak memory, and how the catalog and orders pages grow with a merchant's orders.
 * `--postgres` runs it all on a throwaway PostgreSQL cluster (scripts/with-postgres.sh) instead of the
 * embedded SQLite file, and measures the pages at several pool sizes (`--pool=2,5,10`); `--pages` runs the
 * catalog and orders pages only. `--postgres --peer` also drives PostGraphile 4.14.1 on the same data (its own
 * folder, bench/peer, installed on demand with `npm ci --prefix bench/peer`: it needs graphql 15).
 */
const quick = process.argv.includes('--quick');
const explain = process.argv.includes('--explain');
const postgres = process.argv.includes('--postgres');
const pagesOnly = process.argv.includes('--pages');
const peer = process.argv.includes('--peer');
const poolSizes = (/^--pool=([\d,]+)$/.exec(process.argv.find((arg) => arg.startsWith('--pool=')) ?? '')?.[1] ?? '2,5,10').split(',').map(Number);
const root = join(__dirname, '..');
const DURATION = quick ? 3 : 6;
const CONNECTIONS = quick ? [16] : [1, 8, 32];
const GROWTH = quick ? [1_000, 100_000] : [1_000, 100_000, 1_000_000];
const LARGE = { products: 10_000, orders: quick ? 20_000 : 100_000 };
const SMALL_MERCHANTS = quick ? 100 : 1_000;

const operations: Record<string, string> = {
  'link status page': `{ sellerCentralLink { id state store { name } onboardingSteps { kind state finishedAt } timeline(first: 20) { nodes { kind occurredAt actor { displayName } } } } }`,
  'catalog page (50)': `{ catalogProducts(first: 50) { totalCount nodes { id sku title price { amount } fulfillableQuantity offerPrime eligibleForPrime ineligibilityReasons buyability } } }`,
  'orders page (50)': `{ orders(first: 50) { nodes { id externalId state placedAt returnWindowEndsAt insideReturnWindow lines { sku quantity product { title } } } } }`,
  'unlink request page': `{ unlinkRequest { state waitingFor { orderCount earliestUnlinkAt isEstimate } waitingOrders(first: 20) { nodes { externalId openReason returnWindowEndsAt } } } }`,
  'Offer Prime toggle': '',
};

class StatementLog extends AbstractLogger {
  statements: Array<{ query: string; parameters: unknown[] }> = [];
  override logQuery(query: string, parameters?: unknown[]): void {
    this.statements.push({ query, parameters: parameters ?? [] });
  }
  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {}
}

/** Every server this run starts, stopped at the end whatever happens (a failed run leaves none behind). */
const children: ChildProcess[] = [];
function track(server: Server): Server {
  children.push(server.child);
  return server;
}

/**
 * The switches of a lever, passed on to the servers for an A/B from the shell (GRAPHQL_JIT=false npm run bench …);
 * SERVER_NODE_OPTIONS becomes the servers' NODE_OPTIONS only (a heap cap for the server must not starve the seeding here).
 */
function passedThrough(): Record<string, string> {
  const names = ['GRAPHQL_JIT', 'VIEWER_CACHE_TTL_MS', 'NODE_OPTIONS'];
  const passed = Object.fromEntries(names.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]!]])));
  return process.env.SERVER_NODE_OPTIONS === undefined ? passed : { ...passed, NODE_OPTIONS: process.env.SERVER_NODE_OPTIONS };
}

function serverEnv(database: DatabaseConfig, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...databaseEnv(database), ...benchSignIn,
    WORKER_INTERVAL_MS: '0', RATE_LIMIT_POINTS: '10000000', RATE_LIMIT_RESTORE_PER_SECOND: '10000000', ...passedThrough(), ...extra,
  };
}

/** CPU time (user + system) a process has used, in milliseconds. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Loads `url` with one query; with `pid`, also the server process's CPU per answered request (robust on a shared machine, where req/s is not). */
async function load(url: string, query: string, connections: number, duration: number, pid?: number, signedIn = true) {
  const cpuBefore = pid ? cpuMs(pid) : 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        connections,
        duration,
        headers: { 'content-type': 'application/json', ...(signedIn ? { authorization: `Bearer ${BENCH_TOKEN}` } : {}) },
        body: JSON.stringify({ query }),
      },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
  // A refused answer (a 429 from the budgets, say) costs next to nothing: figures that count them would not be the page's.
  if (result.errors + result.non2xx > 0) throw new Error(`${url}: ${result.errors + result.non2xx} errors or non-2xx answers to ${query.slice(0, 80)}…`);
  latencies.sort((a, b) => a - b);
  const cpuPerRequest = pid && latencies.length > 0 ? (cpuMs(pid) - cpuBefore) / latencies.length : NaN;
  return { cpuPerRequest, rps: result.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function prepare(database: DatabaseConfig, large: { products: number; orders: number }, small: number): Promise<void> {
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.transaction((manager) => seedSandboxAccounts(manager));
  await seedBenchData(dataSource, large, small);
  // A freshly loaded PostgreSQL database has no statistics and no visibility map until autovacuum gets to it; a live
  // one has both (without the map, the planner prices the orders page's index-only read of IDs as a heap read).
  if (database.type === 'postgres') await dataSource.query('VACUUM ANALYZE');
  await dataSource.destroy();
}

/** A new PostgreSQL database on the cluster of TEST_DATABASE_URL (see scripts/with-postgres.sh). */
async function postgresDatabase(name: string, poolSize: number): Promise<DatabaseConfig> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return { type: 'postgres', url: url.toString(), poolSize };
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'bwp-bench-'));
  // The growth table reads the unlink request page even when --pages leaves it out of the main table.
  const unlinkPageQuery = operations['unlink request page'];
  if (pagesOnly) for (const name of Object.keys(operations)) if (!/page \(50\)/.test(name)) delete operations[name];
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  try {
    const database: DatabaseConfig = postgres ? await postgresDatabase('bwp_bench', 10) : { type: 'better-sqlite3', path: join(folder, 'bench.sqlite') };
    let started = Date.now();
    await prepare(database, LARGE, SMALL_MERCHANTS);
    say(`Seeded ${LARGE.products} products and ${LARGE.orders} orders for one merchant, plus ${SMALL_MERCHANTS} small merchants, in ${((Date.now() - started) / 1000).toFixed(1)} s, on ${postgres ? 'PostgreSQL' : 'SQLite'}.`);

    // SQL statements per operation, and the recorded responses the floor serves, from the same code in this process.
    const log = new StatementLog();
    const app = await createApp({ ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', RATE_LIMIT_POINTS: '1000000', ...benchSignIn }), database, workerIntervalMs: 0 }, { sqlLogger: log });
    const inject = async (query: string) => (await app.http.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json' }, payload: { query } })).body;
    const catalog = JSON.parse(await inject(`{ catalogProducts(first: 1) { nodes { id } } }`));
    if (!pagesOnly) operations['Offer Prime toggle'] = `mutation { setOfferPrime(input: { productId: "${catalog.data.catalogProducts.nodes[0].id}", offerPrime: false }) { product { id offerPrime buyability } userErrors { code } } }`;
    const statements: Record<string, number> = {};
    // The merchant the pages are about (the one with the most products), for the peer's queries.
    const [{ merchant_id: benchMerchantId }] = (await app.dataSource.query('SELECT merchant_id FROM catalog_product GROUP BY merchant_id ORDER BY COUNT(*) DESC LIMIT 1')) as Array<{ merchant_id: string }>;
    const recorded: Record<string, string> = {};
    const plans: string[] = [];
    for (const [name, query] of Object.entries(operations)) {
      await inject(query);
      const before = log.statements.length;
      recorded[query] = await inject(query);
      const ran = log.statements.slice(before).filter(({ query: sql }) => !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(sql));
      statements[name] = ran.length;
      if (explain && !postgres) {
        for (const { query: sql, parameters } of ran.filter(({ query: sql }) => /^SELECT/i.test(sql))) {
          const plan = (await app.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as Array<{ detail: string }>;
          plans.push(`-- ${name}\n${sql.slice(0, 300)}${sql.length > 300 ? '…' : ''}\n${plan.map((row) => `   ${row.detail}`).join('\n')}`);
        }
      }
    }
    await app.stop();
    const recordedPath = join(folder, 'recorded.json');
    writeFileSync(recordedPath, JSON.stringify(recorded));

    // The embedded database serves one process (a lock file beside it): the naive server gets a copy of it.
    let naiveDatabase = database;
    if (database.type === 'better-sqlite3') {
      naiveDatabase = { type: 'better-sqlite3', path: join(folder, 'naive.sqlite') };
      for (const suffix of ['', '-wal']) if (existsSync(database.path + suffix)) copyFileSync(database.path + suffix, naiveDatabase.path + suffix);
    }
    const real = track(await start([join(root, 'dist/src/main.js')], serverEnv(database)));
    const naive = track(await start([join(root, 'dist/src/main.js')], serverEnv(naiveDatabase, { DATALOADER_BATCHING: 'false' })));
    const floor = track(await start([join(root, 'scripts/bench-floor.js')], { BENCH_RECORDED: recordedPath, NODE_PATH: join(root, 'node_modules') }));

    say();
    say(`| operation | connections | req/s | p50 ms | p95 ms | p99 ms | SQL statements | server CPU ms/req | vs floor | vs naive (no DataLoader) |`);
    say(`| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
    const ours: Record<string, Awaited<ReturnType<typeof load>>> = {};
    for (const [name, query] of Object.entries(operations)) {
      for (const connections of CONNECTIONS) {
        const measured = await load(real.url, query, connections, DURATION, real.child.pid);
        ours[`${name} ${connections}`] = measured;
        const withoutLoaders = await load(naive.url, query, connections, DURATION);
        const bytes = await load(floor.url, query, connections, DURATION);
        say(`| ${name} | ${connections} | ${measured.rps.toFixed(0)} | ${measured.p50.toFixed(1)} | ${measured.p95.toFixed(1)} | ${measured.p99.toFixed(1)} | ${statements[name]} | ${measured.cpuPerRequest.toFixed(2)} | ${((measured.rps / bytes.rps) * 100).toFixed(1)}% of ${bytes.rps.toFixed(0)} | ${(measured.rps / withoutLoaders.rps).toFixed(2)}× (${withoutLoaders.rps.toFixed(0)} req/s) |`);
      }
    }
    say();
    say(`Server peak memory (VmHWM): ${peakMemoryMb(real.child.pid!)} MB.`);
    for (const server of [real, naive]) server.child.kill('SIGTERM');

    if (database.type === 'postgres' && peer) await comparePeer(database, benchMerchantId, ours, floor.url, say);

    if (database.type === 'postgres') {
      // PostgreSQL connections per server process (DATABASE_POOL_SIZE), measured on the two pages against the same floor.
      say();
      say(`Pool size (DATABASE_POOL_SIZE) on PostgreSQL, ${CONNECTIONS[CONNECTIONS.length - 1]} connections:`);
      say('| pool | operation | req/s | p50 ms | p99 ms | server CPU ms/req | vs floor |');
      say('| --- | --- | --- | --- | --- | --- | --- |');
      for (const poolSize of poolSizes) {
        const server = track(await start([join(root, 'dist/src/main.js')], serverEnv({ ...database, poolSize })));
        for (const name of ['catalog page (50)', 'orders page (50)']) {
          const connections = CONNECTIONS[CONNECTIONS.length - 1];
          await load(server.url, operations[name], connections, 1);
          const measured = await load(server.url, operations[name], connections, DURATION, server.child.pid);
          const bytes = await load(floor.url, operations[name], connections, DURATION);
          say(`| ${poolSize} | ${name} | ${measured.rps.toFixed(0)} | ${measured.p50.toFixed(1)} | ${measured.p99.toFixed(1)} | ${measured.cpuPerRequest.toFixed(2)} | ${((measured.rps / bytes.rps) * 100).toFixed(1)}% of ${bytes.rps.toFixed(0)} |`);
        }
        server.child.kill('SIGTERM');
      }
      floor.child.kill('SIGTERM');
      return;
    }
    floor.child.kill('SIGTERM');

    say();
    say('Growth: p50 latency (ms) of three pages, one connection, as one merchant\'s orders grow (about 57% of them open: what its unlink waits for)');
    say('| orders | catalog page p50 | orders page p50 | unlink request page p50 | seeding s |');
    say('| --- | --- | --- | --- | --- |');
    const growth: Array<{ orders: number; catalog: number; orders50: number; unlink: number }> = [];
    for (const size of GROWTH) {
      const path: DatabaseConfig = { type: 'better-sqlite3', path: join(folder, `growth-${size}.sqlite`) };
      started = Date.now();
      await prepare(path, { products: 1000, orders: size }, 0);
      const seeding = (Date.now() - started) / 1000;
      const server = track(await start([join(root, 'dist/src/main.js')], serverEnv(path)));
      const catalogPage = await load(server.url, operations['catalog page (50)'], 1, DURATION);
      const ordersPage = await load(server.url, operations['orders page (50)'], 1, DURATION);
      const unlinkPage = await load(server.url, unlinkPageQuery, 1, DURATION);
      server.child.kill('SIGTERM');
      growth.push({ orders: size, catalog: catalogPage.p50, orders50: ordersPage.p50, unlink: unlinkPage.p50 });
      say(`| ${size.toLocaleString('en-US')} | ${catalogPage.p50.toFixed(1)} | ${ordersPage.p50.toFixed(1)} | ${unlinkPage.p50.toFixed(1)} | ${seeding.toFixed(1)} |`);
    }
    if (explain) {
      say();
      say('Query plans of the hot statements (SQLite EXPLAIN QUERY PLAN):');
      for (const plan of plans) say(plan);
    }
    if (!quick && !pagesOnly) writeResults(lines, growth);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  }
}

const NOTES_MARKER = '<!-- notes: kept by npm run bench -->';

function writeResults(lines: string[], growth: Array<{ orders: number; catalog: number; orders50: number; unlink: number }>) {
  const machine = `${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, SQLite (file, WAL)`;
  const markdown = [
    '# Benchmarks',
    '',
    'Made by `npm run bench` (about 6 minutes; `-- --quick` takes about a minute and writes nothing; `-- --explain` adds query plans).',
    'The server runs in production mode as its own process on the embedded SQLite database; autocannon drives it over HTTP from',
    'the benchmark process. Baselines in the same run: **floor** is the same HTTP framework (Fastify) answering each operation with',
    'its recorded response bytes, with no GraphQL and no database; **naive** is the same server with DataLoader batching off.',
    "The orders page asks for no `totalCount` (it would come from the merchant's order tally, in the page's statement).",
    '',
    `Machine: ${machine}.`,
    '',
    ...lines,
    '',
    '![growth](benchmarks-growth.svg)',
    '',
  ].join('\n');
  // What was written by hand below the marker (the before and after of each lever) survives a new run.
  const path = join(root, 'docs', 'benchmarks.md');
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const notes = previous.includes(NOTES_MARKER) ? previous.slice(previous.indexOf(NOTES_MARKER)) : '';
  writeFileSync(path, notes ? `${markdown}\n${notes}` : markdown);
  writeFileSync(join(root, 'docs', 'benchmarks-growth.svg'), growthChart(growth));
}

/** A small line chart of p50 latency against order count (log scale), drawn as SVG. */
function growthChart(points: Array<{ orders: number; catalog: number; orders50: number; unlink: number }>): string {
  const width = 560;
  const height = 300;
  const left = 60;
  const bottom = 250;
  const top = 30;
  const maxY = Math.max(1, ...points.flatMap((point) => [point.catalog, point.orders50, point.unlink])) * 1.2;
  const logs = points.map((point) => Math.log10(point.orders));
  const [minX, maxX] = [Math.min(...logs), Math.max(...logs)];
  const x = (orders: number) => left + ((Math.log10(orders) - minX) / Math.max(maxX - minX, 1)) * (width - left - 40);
  const y = (ms: number) => bottom - (ms / maxY) * (bottom - top);
  const line = (key: 'catalog' | 'orders50' | 'unlink', color: string) =>
    `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map((point) => `${x(point.orders).toFixed(1)},${y(point[key]).toFixed(1)}`).join(' ')}"/>` +
    points.map((point) => `<circle cx="${x(point.orders).toFixed(1)}" cy="${y(point[key]).toFixed(1)}" r="3" fill="${color}"/>`).join('');
  const ticks = points.map((point) => `<text x="${x(point.orders).toFixed(1)}" y="${bottom + 18}" font-size="11" text-anchor="middle">${point.orders.toLocaleString('en-US')}</text>`).join('');
  const yTicks = [0, 0.5, 1].map((fraction) => `<text x="${left - 8}" y="${(y(maxY * fraction) + 4).toFixed(1)}" font-size="11" text-anchor="end">${(maxY * fraction).toFixed(1)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${width / 2}" y="18" font-size="13" text-anchor="middle">p50 latency (ms) by orders of one merchant</text>
<line x1="${left}" y1="${bottom}" x2="${width - 30}" y2="${bottom}" stroke="#888"/><line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#888"/>
${ticks}${yTicks}
${line('catalog', '#1f77b4')}${line('orders50', '#d62728')}${line('unlink', '#2ca02c')}
<text x="${width - 170}" y="${top + 10}" font-size="12" fill="#1f77b4">catalog page (50)</text>
<text x="${width - 170}" y="${top + 26}" font-size="12" fill="#d62728">orders page (50)</text>
<text x="${width - 170}" y="${top + 42}" font-size="12" fill="#2ca02c">unlink request page</text>
</svg>
`;
}

/** PostGraphile's plain-column pages: the same rows and relations as this API's pages, without derived fields. */
function peerOperations(merchantId: string): Record<string, string> {
  return {
    'catalog page (50)': `{ allCatalogProducts(first: 50, condition: { merchantId: "${merchantId}" }, orderBy: SKU_ASC) { totalCount nodes { id sku title priceCents offerPrime listed fulfillmentInventoryByMerchantIdAndSku { fulfillableQuantity } } } }`,
    'orders page (50)': `{ allBwpOrders(first: 50, condition: { merchantId: "${merchantId}" }, orderBy: ID_DESC) { nodes { id externalId state placedAt returnWindowEndsAt bwpOrderLinesByOrderId { nodes { sku quantity catalogProductByProductId { title } } } } } }`,
  };
}

/** Drives PostGraphile 4 (bench/peer, installed on demand) on the same PostgreSQL data, against the same floor. */
async function comparePeer(database: DatabaseConfig & { type: 'postgres' }, merchantId: string, ours: Record<string, Awaited<ReturnType<typeof load>>>, floorUrl: string, say: (line?: string) => void) {
  const folder = join(root, 'bench', 'peer');
  if (!existsSync(join(folder, 'node_modules', 'postgraphile'))) {
    const installed = spawnSync('npm', ['ci', '--prefix', folder, '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (installed.status !== 0) throw new Error('npm ci --prefix bench/peer failed');
  }
  const server = track(await start([join(folder, 'server.js')], { DATABASE_URL: database.url, NODE_ENV: 'production' }));
  const connections = CONNECTIONS[CONNECTIONS.length - 1];
  say();
  say(`PostGraphile 4.14.1 on the same PostgreSQL data (plain columns, relations from smart tags), ${connections} connections:`);
  say('| page | PostGraphile req/s | p50 ms | p99 ms | PostGraphile CPU ms/req | this API req/s | this API × PostGraphile | PostGraphile vs floor |');
  say('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, query] of Object.entries(peerOperations(merchantId))) {
    const answer = (await (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as { errors?: unknown[] };
    if (answer.errors) throw new Error(`PostGraphile refused the ${name}: ${JSON.stringify(answer.errors).slice(0, 500)}`);
    await load(server.url, query, connections, 1);
    const measured = await load(server.url, query, connections, DURATION, server.child.pid, false);
    const bytes = await load(floorUrl, operations[name], connections, DURATION);
    const mine = ours[`${name} ${connections}`];
    say(`| ${name} | ${measured.rps.toFixed(0)} | ${measured.p50.toFixed(1)} | ${measured.p99.toFixed(1)} | ${measured.cpuPerRequest.toFixed(2)} | ${mine ? mine.rps.toFixed(0) : '–'} | ${mine ? (mine.rps / measured.rps).toFixed(2) : '–'}× | ${((measured.rps / bytes.rps) * 100).toFixed(1)}% of ${bytes.rps.toFixed(0)} |`);
  }
  server.child.kill('SIGTERM');
}

/** `--postgres` without a cluster: run again inside scripts/with-postgres.sh, which starts one and removes it afterwards. */
function underPostgres(): void {
  const child = spawn(join(root, 'scripts/with-postgres.sh'), [join(root, 'node_modules/.bin/ts-node'), '--transpile-only', __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.once('exit', (code) => process.exit(code ?? 1));
}

if (postgres && !process.env.TEST_DATABASE_URL) underPostgres();
else main().catch((error) => {
  console.error(error);
  process.exit(1);
});
