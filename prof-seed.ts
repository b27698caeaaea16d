import 'reflect-metadata';
import { createDataSource } from './ormconfig';
import { seedSandboxAccounts } from './src/seller-central/sandbox/sandbox-accounts.seed';
import { seedBenchData } from './scripts/bench-seed';
(async () => {
  const ds = createDataSource({ type: 'better-sqlite3', path: '/tmp/prof/db.sqlite' });
  await ds.initialize(); await ds.runMigrations();
  await ds.transaction((m) => seedSandboxAccounts(m));
  await seedBenchData(ds, { products: 10000, orders: 100000 }, 0);
  await ds.destroy();
})();
