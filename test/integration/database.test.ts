import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../../ormconfig';
import { createApp } from '../../src/app';
import { migrations } from '../../src/database/migrations';
import { MerchantUser } from '../../src/auth/merchant-user.entity';
import { Merchant } from '../../src/merchants/merchant.entity';
import { SandboxListing, SandboxSellerAccount, SandboxStore } from '../../src/seller-central/sandbox/sandbox.entities';
import { testConfig } from '../support/test-server';

describe('migrations', () => {
  it('build exactly the schema the entities describe, and undo cleanly', async () => {
    const dataSource = createDataSource({ type: 'better-sqlite3', path: ':memory:' });
    await dataSource.initialize();
    try {
      expect(await dataSource.runMigrations()).not.toHaveLength(0);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);

      while (dataSource.migrations.length > 0 && (await dataSource.query(`SELECT count(*) AS n FROM migrations`))[0].n > 0) {
        await dataSource.undoLastMigration();
      }
      const tables = await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')`);
      expect(tables).toEqual([]);
      await dataSource.runMigrations();
      expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('never synchronize', () => {
    expect(createDataSource({ type: 'better-sqlite3', path: ':memory:' }).options.synchronize).toBe(false);
  });
});

describe('starting on a database file', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'bwp-start-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  async function counts(path: string) {
    const app = await createApp(testConfig({ database: { type: 'better-sqlite3', path } }));
    const manager = app.dataSource.manager;
    const result = {
      merchants: await manager.count(Merchant),
      users: await manager.count(MerchantUser),
      accounts: await manager.count(SandboxSellerAccount),
      stores: await manager.count(SandboxStore),
      listings: await manager.count(SandboxListing),
      migrations: (await app.dataSource.query('SELECT count(*) AS n FROM migrations'))[0].n,
    };
    await app.stop();
    return result;
  }

  it('creates the file (and its folder), migrates and seeds once; a second start adds nothing twice', async () => {
    const path = join(folder, 'nested', 'console.sqlite');
    const first = await counts(path);
    expect(first).toEqual({ merchants: 2, users: 6, accounts: 6, stores: 7, listings: 11, migrations: migrations.length });
    expect(await counts(path)).toEqual(first);
  });

  it('the sandbox covers every linking case: Professional with several stores and listings with and without inventory; Individual; suspended; deactivated; under review', async () => {
    const app = await createApp(testConfig({ database: { type: 'better-sqlite3', path: join(folder, 'db.sqlite') } }));
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
    const app = await createApp(testConfig({ seedDemoData: false, database: { type: 'better-sqlite3', path: join(folder, 'prod.sqlite') } }));
    expect(await app.dataSource.manager.count(MerchantUser)).toBe(0);
    await app.stop();
  });
});
