import { CatalogCountCheck } from '../src/catalog/catalog-count.check';
import { OrderTallyCheck } from '../src/orders/order-tally.check';
import { systemClock } from '../src/shared/clock';
import { runDatabaseCommand } from './database-command';

const usage = `Usage: npm run tally -- --check | --repair

Compares each merchant's stored counts with a recount of its rows:
- its order tally (its orders per state and inside their return window: what an unlink waits for, U3, and
  every orders totalCount) with its orders;
- its catalog counts (products, offering Prime, listed with units: the catalog header and an unsearched
  page's totalCount) with its products and their inventory.
--check prints the merchants whose counts disagree and exits 1 if any does; --repair recounts them from
their rows. Uses the configured database (DATABASE_URL or DATABASE_PATH).`;

const mode = process.argv.includes('--repair') ? 'repair' : process.argv.includes('--check') ? 'check' : null;
if (!mode) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}

runDatabaseCommand(async (dataSource) => {
  const orders = new OrderTallyCheck(dataSource);
  const catalog = new CatalogCountCheck(dataSource);
  const found = [
    ...(mode === 'repair' ? await orders.repair(systemClock.now()) : await orders.mismatches(systemClock.now())).map((mismatch) => ({ ...mismatch, of: 'order tally' })),
    ...(mode === 'repair' ? await catalog.repair() : await catalog.mismatches()).map((mismatch) => ({ ...mismatch, of: 'catalog counts' })),
  ];
  for (const { merchantId, of, differences } of found) process.stdout.write(`${merchantId} (${of}): ${differences.join('; ')}\n`);
  if (found.length === 0) process.stdout.write('Every order tally and catalog count agrees with its rows.\n');
  else process.stdout.write(mode === 'repair' ? `Repaired ${found.length} count(s).\n` : `${found.length} count(s) disagree: run npm run tally -- --repair\n`);
  return mode === 'check' && found.length > 0 ? 1 : 0;
});
