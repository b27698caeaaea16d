import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { App, createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { DatabaseInUse } from './database/single-process-lock';
import { demoMerchants, demoUsers } from './demo/demo-data';

function printWelcome(url: string, seeded: boolean, graphiql: boolean, startupMillis: number): void {
  const lines = [`Buy with Prime merchant console API ready in ${Math.round(startupMillis)} ms`, `  GraphQL: ${url}/graphql (POST JSON)`];
  if (graphiql) lines.push(`  GraphiQL: ${url}/graphiql (the help-page story as tabs, signed in as the demo owner)`);
  if (seeded) {
    lines.push('  Authenticate with a demo user: send the header "Authorization: Bearer <token>"');
    for (const user of demoUsers) {
      const merchant = demoMerchants.find((candidate) => candidate.id === user.merchantId)!;
      lines.push(`    ${user.token.padEnd(22)} ${user.role.padEnd(17)} ${user.displayName} (${merchant.name})`);
    }
    lines.push(`  Try: curl -s ${url}/graphql -H 'content-type: application/json' -H 'authorization: Bearer demo-acme-owner' \\`);
    lines.push(`         -d '{"query":"{ viewer { user { displayName role } merchant { name sellerCentralLink { state } } } }"}'`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  let app: App;
  try {
    app = await createApp(config);
  } catch (error) {
    if (!(error instanceof DatabaseInUse)) throw error;
    process.stderr.write(`Cannot start: ${error.message}\n`);
    process.exit(1);
  }
  let address: string;
  try {
    address = await app.start();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await app.stop();
    process.stderr.write(
      `Cannot start: port ${config.port} on ${config.host} is already in use (another server?). ` +
        `Stop it, or start on another port: PORT=${config.port + 1} npm start\n`,
    );
    process.exit(1);
  }
  printWelcome(address.replace('127.0.0.1', 'localhost'), config.seedDemoData, config.graphiql, performance.now() - startedAt);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.http.log.info({ signal }, 'Shutting down: no new requests; finishing those in flight');
    await app.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
