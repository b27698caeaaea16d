import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../ormconfig';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { seedSandboxAccounts } from '../src/seller-central/sandbox/sandbox-accounts.seed';
import { BENCH_TOKEN, seedBenchData } from './bench-seed';

/**
 * npm run bench:execution: the two pages' server CPU per request in process (Fastify's inject, no sockets),
 * with graphql-jit off and on (GRAPHQL_JIT), interleaved over four rounds so that a shared machine's
 * drift hits both alike. What the HTTP bench cannot separate from its noise, this can. The npm script sets
 * NODE_ENV=production in the environment, as the bench's server processes have it: graphql-js reads it when
 * it loads, and outside production checks every instanceof across realms (about 5% of a page).
 */
const benchSignIn = { AUTH_JWKS_URL: 'https://login.bench.invalid/.well-known/jwks.json', AUTH_ISSUER: 'https://login.bench.invalid/', AUTH_AUDIENCE: 'bwp-bench', SELLER_CENTRAL: 'sandbox' };
const pages: Record<string, string> = {
  catalog: `{ catalogProducts(first: 50) { totalCount nodes { id sku title price { amount } fulfillableQuantity offerPrime eligibleForPrime ineligibilityReasons buyability } } }`,
  orders: `{ orders(first: 50) { nodes { id externalId state placedAt returnWindowEndsAt insideReturnWindow lines { sku quantity product { title } } } } }`,
};

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'bwp-jit-'));
  const path = join(folder, 'db.sqlite');
  const ds = createDataSource({ type: 'better-sqlite3', path });
  await ds.initialize(); await ds.runMigrations(); await ds.transaction((m) => seedSandboxAccounts(m));
  await seedBenchData(ds, { products: 1000, orders: 2000 }, 0); await ds.destroy();
  for (const round of [1, 2, 3, 4]) for (const jit of ['false', 'true']) {
    const app = await createApp({ ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', RATE_LIMIT_POINTS: '1000000', RATE_LIMIT_RESTORE_PER_SECOND: '100000', GRAPHQL_JIT: jit, ...benchSignIn }), database: { type: 'better-sqlite3', path }, workerIntervalMs: 0 });
    for (const [name, query] of Object.entries(pages)) {
      const run = () => app.http.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json' }, payload: { query } });
      for (let i = 0; i < 300; i++) await run();
      const n = 2000; const cpu = process.cpuUsage(); const t = Date.now();
      for (let i = 0; i < n; i++) await run();
      const used = process.cpuUsage(cpu);
      console.log(`round ${round} jit=${jit} ${name}: ${((used.user + used.system) / 1000 / n).toFixed(3)} ms CPU/req, ${((Date.now() - t) / n).toFixed(3)} ms wall/req`);
    }
    await app.stop();
  }
  rmSync(folder, { recursive: true, force: true });
}
main().catch((e) => { console.error(e); process.exit(1); });
