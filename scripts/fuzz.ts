import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { runFuzzCampaign } from '../test/support/fuzz-campaign';
import { startTestServer } from '../test/support/test-server';

/**
 * A longer fuzzing campaign than the test suite's: `npm run fuzz -- 20000 [seed]`. Prints how many
 * operations ran, their HTTP statuses and error codes, and the invariant checks that passed.
 */
async function main() {
  const runs = Number(process.argv[2] ?? 20_000);
  const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  const server = await startTestServer({ rateLimit: { capacity: 1_000_000, restorePerSecond: 1_000_000, merchantCapacity: 1_000_000, merchantRestorePerSecond: 1_000_000 } });
  const started = performance.now();
  try {
    const report = await runFuzzCampaign(server, runs, seed);
    const seconds = (performance.now() - started) / 1000;
    console.log(`Fuzzing: ${report.cases} operations in ${seconds.toFixed(1)} s (${Math.round(report.cases / seconds)}/s), no 5xx, no INTERNAL_SERVER_ERROR, no stack trace`);
    console.log(`  HTTP statuses: ${JSON.stringify(report.byStatus)}`);
    console.log(`  error codes:   ${JSON.stringify(report.byErrorCode)}`);
    console.log(`  invariant checks passed: ${report.invariantChecks}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
