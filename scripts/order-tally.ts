import { OrderTallyCheck } from '../src/orders/order-tally.check';
import { systemClock } from '../src/shared/clock';
import { runDatabaseCommand } from './database-command';

const usage = `Usage: npm run tally -- --check | --repair

Compares each merchant's order tally (its orders per state and inside their return window: what an unlink
waits for, U3) with a recount of its orders.
--check prints the merchants whose tally disagrees and exits 1 if any does; --repair rebuilds them from
their orders. Uses the configured database (DATABASE_URL or DATABASE_PATH).`;

const mode = process.argv.includes('--repair') ? 'repair' : process.argv.includes('--check') ? 'check' : null;
if (!mode) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}

runDatabaseCommand(async (dataSource) => {
  const check = new OrderTallyCheck(dataSource);
  const found = mode === 'repair' ? await check.repair(systemClock.now()) : await check.mismatches(systemClock.now());
  for (const { merchantId, differences } of found) process.stdout.write(`${merchantId}: ${differences.join('; ')}\n`);
  if (found.length === 0) process.stdout.write('Every tally agrees with its orders.\n');
  else process.stdout.write(mode === 'repair' ? `Repaired ${found.length} tally(ies).\n` : `${found.length} tally(ies) disagree: run npm run tally -- --repair\n`);
  return mode === 'check' && found.length > 0 ? 1 : 0;
});
