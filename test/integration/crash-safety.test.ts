import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { createDataSource } from '../../ormconfig';
import { CatalogProduct } from '../../src/catalog/catalog-product.entity';
import { DatabaseConfig } from '../../src/config';
import { LinkState } from '../../src/linking/link-state';
import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { OnboardingStep } from '../../src/onboarding/onboarding-step.entity';
import { OnboardingStepKind, StepState } from '../../src/onboarding/onboarding-step-state';
import { seedSandboxAccounts } from '../../src/seller-central/sandbox/sandbox-accounts.seed';
import { SandboxListing, SandboxSellerAccount } from '../../src/seller-central/sandbox/sandbox.entities';
import { chunks } from '../../src/shared/chunks';
import { link, productsBySku, SET_OFFER_PRIME } from '../support/linking-flow';
import { startServerProcess, waitFor } from '../support/server-process';
import { freshDatabase, onPostgres, TestDatabase } from '../support/test-database';

const LISTINGS = 30_000;

let database: TestDatabase;
let folder: string;
let config: DatabaseConfig;
let observer: DataSource;

/** A Seller Central account with many listings, so that the kill lands in the middle of its import. */
async function prepareDatabase(): Promise<void> {
  const setup = createDataSource(config);
  await setup.initialize();
  await setup.runMigrations();
  await setup.transaction(async (manager) => {
    await seedSandboxAccounts(manager);
    await manager.update(SandboxSellerAccount, { id: 'A1NORTHWINDPRO' }, { amazonPayActivationMinutes: 0 });
    const listings = Array.from({ length: LISTINGS }, (_, index) => ({
      accountId: 'A1NORTHWINDPRO',
      sellerSku: `CRASH-${String(index).padStart(6, '0')}`,
      asin: `B0C${String(index).padStart(7, '0')}`,
      title: `Crash-test product ${index}`,
      priceCents: 1000,
      currency: 'USD',
      fulfillableQuantity: 5,
      returnable: true,
    }));
    for (const run of chunks(listings, 500)) await manager.insert(SandboxListing, run);
  });
  await setup.destroy();
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'bwp-crash-'));
  database = await freshDatabase();
  config = database.config.type === 'postgres' ? database.config : { type: 'better-sqlite3', path: join(folder, 'crash.sqlite') };
  await prepareDatabase();
  observer = createDataSource(config);
  await observer.initialize();
}, 60_000);

afterAll(async () => {
  await observer?.destroy();
  await database.drop();
  rmSync(folder, { recursive: true, force: true });
});

const importStep = () => observer.manager.findOneBy(OnboardingStep, { kind: OnboardingStepKind.IMPORT_LISTINGS });

describe(`crash safety: SIGKILL, then restart (${onPostgres ? 'PostgreSQL' : 'SQLite file'})`, () => {
  it('L6: a server killed in the middle of a large import leaves the link whole and the import all or nothing; after a restart the import completes', async () => {
    const env = { ONBOARDING_LEASE_SECONDS: '1' };
    const first = await startServerProcess(config, env);
    const linked = await link(first);
    expect(linked.userErrors).toEqual([]);
    await waitFor(async () => ((await importStep())?.progressDone ?? 0) > 0, 30_000, 5);
    await first.kill();

    const afterCrash = await importStep();
    const products = await observer.manager.count(CatalogProduct);
    const links = await observer.manager.findBy(SellerCentralLink, { state: LinkState.LINKED });
    process.stdout.write(`crash during import: step ${afterCrash?.state} at ${afterCrash?.progressDone}/${afterCrash?.progressTotal}, products ${products} of ${LISTINGS + 6}\n`);
    expect(links).toHaveLength(1);
    expect([0, LISTINGS + 6]).toContain(products);

    const second = await startServerProcess(config, env);
    try {
      await waitFor(async () => (await importStep())?.state === StepState.SUCCEEDED, 30_000, 50);
      expect(await observer.manager.count(CatalogProduct)).toBe(LISTINGS + 6);
      await waitFor(async () => (await observer.manager.countBy(OnboardingStep, { state: StepState.SUCCEEDED })) === 4, 30_000, 50);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('P1: every acknowledged toggle of a burst cut short by SIGKILL is there after the restart', async () => {
    const server = await startServerProcess(config);
    const products = Object.values(await productsBySku(server)).filter((product: any) => product.eligibleForPrime);
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const worker = async (offset: number) => {
      for (let index = offset; index < products.length && !killed; index += 8) {
        sent += 1;
        try {
          const { body } = await server.gql(SET_OFFER_PRIME, { input: { productId: products[index].id, offerPrime: true } });
          if (body.data?.setOfferPrime?.userErrors?.length === 0) acknowledged.push(products[index].id);
        } catch {
          return; // the connection died with the server
        }
        if (acknowledged.length >= 40 && !killed) {
          killed = true;
          await server.kill();
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: 8 }, (_, offset) => worker(offset)));
    } finally {
      if (!killed) await server.kill();
    }
    expect(killed).toBe(true);

    const restarted = await startServerProcess(config);
    try {
      const ids = acknowledged.map((id) => Buffer.from(id, 'base64url').toString().split(':')[1]);
      const stored = await observer.manager.findBy(CatalogProduct, { id: In(ids) });
      process.stdout.write(`toggle burst: ${sent} sent, ${acknowledged.length} acknowledged before SIGKILL, ${stored.filter((product) => product.offerPrime).length} found on after restart\n`);
      expect(stored).toHaveLength(acknowledged.length);
      expect(stored.every((product) => product.offerPrime)).toBe(true);
      expect((await restarted.gql('{ catalogSummary { offeringPrimeCount } }')).body.data.catalogSummary.offeringPrimeCount).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});
