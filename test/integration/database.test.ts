import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../../ormconfig';
import { createApp } from '../../src/app';
import { MerchantUser } from '../../src/auth/merchant-user.entity';
import { DatabaseConfig } from '../../src/config';
import { postgresMigrations, sqliteMigrations } from '../../src/database/migrations';
import { Merchant } from '../../src/merchants/merchant.entity';
import { SandboxListing, SandboxSellerAccount, SandboxStore } from '../../src/seller-central/sandbox/sandbox.entities';
import { freshDatabase, onPostgres, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-server';

const migrations = onPostgres ? postgresMigrations : sqliteMigrations;

let database: TestDatabase;

beforeEach(async () => {
  database = await freshDatabase();
});

afterEach(async () => {
  await database.drop();
});

async function tableNames(config: DatabaseConfig): Promise<string[]> {
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  const rows: Array<{ name: string }> = await dataSource.query(
    onPostgres
      ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`
      : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')`,
  );
  await dataSource.destroy();
  return rows.map((row) => row.name).sort();
}

describe(`migrations (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('build exactly the schema the entities describe, and undo cleanly', async () => {
    const dataSource = createDataSource(database.config);
    await dataSource.initialize();
    try {
      expect(await dataSource.runMigrations()).toHaveLength(migrations.length);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);
      for (let undone = 0; undone < migrations.length; undone += 1) await dataSource.undoLastMigration();
    } finally {
      await dataSource.destroy();
    }
    if (database.config.type === 'postgres') expect(await tableNames(database.config)).toEqual([]);
  });

  it('never synchronize', () => {
    expect(createDataSource(database.config).options.synchronize).toBe(false);
  });
});

describe('starting on a database', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'bwp-start-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  /** On SQLite, a file in a folder that does not exist yet; on PostgreSQL, the test's own database. */
  function persistentDatabase(name: string): DatabaseConfig {
    return database.config.type === 'postgres' ? database.config : { type: 'better-sqlite3', path: join(folder, 'nested', name) };
  }

  async function counts(config: DatabaseConfig) {
    const app = await createApp(testConfig({ database: config }));
    const manager = app.dataSource.manager;
    const result = {
      merchants: await manager.count(Merchant),
      users: await manager.count(MerchantUser),
      accounts: await manager.count(SandboxSellerAccount),
      stores: await manager.count(SandboxStore),
      listings: await manager.count(SandboxListing),
      migrations: Number((await app.dataSource.query('SELECT count(*) AS n FROM migrations'))[0].n),
    };
    await app.stop();
    return result;
  }

  it('migrates and seeds once; a second start adds nothing twice', async () => {
    const config = persistentDatabase('console.sqlite');
    const first = await counts(config);
    expect(first).toEqual({ merchants: 2, users: 6, accounts: 6, stores: 7, listings: 11, migrations: migrations.length });
    expect(await counts(config)).toEqual(first);
  });

  it('the sandbox covers every linking case: Professional with several stores and listings with and without inventory; Individual; suspended; deactivated; under review', async () => {
    const app = await createApp(testConfig({ database: persistentDatabase('db.sqlite') }));
    const accounts = await app.sandbox.listAccounts();
    await app.stop();
    const rich = accounts.find(({ account, stores }) => account.plan === 'PROFESSIONAL' && account.standing === 'ACTIVE' && stores.length >= 2)!;
    expect(rich.listings.some((listing) => listing.fulfillableQuantity > 0)).toBe(true);
    expect(rich.listings.some((listing) => listing.fulfillableQuantity === 0)).toBe(true);
    const cases = accounts.map(({ account }) => `${account.plan}/${account.standing}`);
    expect(cases).toEqual(
      expect.arrayContaining(['INDIVIDUAL/ACTIVE', 'PROFESSIONAL/SUSPENDED', 'PROFESSIONAL/DEACTIVATED', 'PROFESSIONAL/UNDER_REVIEW']),
    );
  });

  it('without demo data (the production default) no merchant or user is seeded', async () => {
    const app = await createApp(testConfig({ seedDemoData: false, database: persistentDatabase('prod.sqlite') }));
    expect(await app.dataSource.manager.count(MerchantUser)).toBe(0);
    await app.stop();
  });
});
