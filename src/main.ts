import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { App, createApp, UnsafeProduction } from './app';
import { DEVELOPMENT_TOKEN_TTL_SECONDS, DevelopmentIssuer } from './auth/development-issuer';
import { ConfigError, loadConfig } from './config';
import { DatabaseInUse } from './database/single-process-lock';
import { demoMerchants, demoUsers } from './demo/demo-data';

async function printWelcome(url: string, issuer: DevelopmentIssuer | null, seeded: boolean, graphiql: boolean, startupMillis: number): Promise<void> {
  const lines = [`Buy with Prime merchant console API ready in ${Math.round(startupMillis)} ms`, `  GraphQL: ${url}/graphql (POST JSON)`];
  if (graphiql) lines.push(`  GraphiQL: ${url}/graphiql (the help-page story as tabs, signed in as the demo owner)`);
  if (seeded && issuer) {
    const days = DEVELOPMENT_TOKEN_TTL_SECONDS / 86_400;
    lines.push(`  Sign in as a demo user: send "Authorization: Bearer <token>", a JWT of the development issuer (valid ${days} days; a restart prints new ones)`);
    const tokens = new Map<string, string>();
    for (const user of demoUsers) {
      const merchant = demoMerchants.find((candidate) => candidate.id === user.merchantId)!;
      tokens.set(user.subject, await issuer.sign(user.subject));
      lines.push(`    ${user.subject.padEnd(20)} ${user.role.padEnd(17)} ${user.displayName} (${merchant.name})`);
      lines.push(`      ${tokens.get(user.subject)}`);
    }
    lines.push(`  Try: curl -s ${url}/graphql -H 'content-type: application/json' -H "authorization: Bearer ${tokens.get(demoUsers[0].subject)}" \\`);
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
    if (error instanceof UnsafeProduction) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
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
  await printWelcome(address.replace('127.0.0.1', 'localhost'), app.developmentIssuer, config.seedDemoData, config.graphiql, performance.now() - startedAt);

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
