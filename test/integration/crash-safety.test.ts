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

/** How many times the kill is tried before the test gives up on landing it mid-import. */
const KILL_ATTEMPTS = 3;

/** Whether the kill caught the import while it was reading listings: some read, not all. */
function landedMidImport(step: OnboardingStep | null, total: number): boolean {
  return step !== null && step.state === StepState.IN_PROGRESS && step.progressDone > 0 && step.progressDone < total;
}

/** The kill came too late (the import had read everything): put the import back to pending for another try. */
async function putImportBack(): Promise<void> {
  await observer.transaction(async (manager) => {
    await manager.createQueryBuilder().delete().from(CatalogProduct).execute();
    await manager.update(
      OnboardingStep,
      { kind: OnboardingStepKind.IMPORT_LISTINGS },
      { state: StepState.PENDING, progressDone: 0, progressTotal: null, claimedUntil: null, startedAt: null, finishedAt: null, failureReason: null },
    );
  });
}

const importStep = () => observer.manager.findOneBy(OnboardingStep, { kind: OnboardingStepKind.IMPORT_LISTINGS });

describe(`crash safety: SIGKILL, then restart (${onPostgres ? 'PostgreSQL' : 'SQLite file'})`, () => {
  it('L6: a server killed in the middle of a large import (progress strictly between 0 and the total) leaves the link whole and no product imported; after a restart the import completes', async () => {
    const env = { ONBOARDING_LEASE_SECONDS: '1' };
    const total = LISTINGS + 6;
    let atKill: OnboardingStep | null = null;
    for (let attempt = 1; attempt <= KILL_ATTEMPTS; attempt += 1) {
      const first = await startServerProcess(config, env);
      if (attempt === 1) expect((await link(first)).userErrors).toEqual([]);
      await waitFor(async () => ((await importStep())?.progressDone ?? 0) > 0, 30_000, 5);
      await first.kill();
      atKill = await importStep();
      process.stdout.write(`kill attempt ${attempt}: step ${atKill?.state} at ${atKill?.progressDone}/${atKill?.progressTotal}\n`);
      if (landedMidImport(atKill, total)) break;
      await putImportBack();
    }
    // The kill landed while the listings were still being read: nothing of the import may be visible.
    expect(atKill).toMatchObject({ state: StepState.IN_PROGRESS, progressTotal: total });
    expect(atKill!.progressDone).toBeGreaterThan(0);
    expect(atKill!.progressDone).toBeLessThan(total);
    expect(await observer.manager.findBy(SellerCentralLink, { state: LinkState.LINKED })).toHaveLength(1);
    expect(await observer.manager.count(CatalogProduct)).toBe(0);

    const second = await startServerProcess(config, env);
    try {
      await waitFor(async () => (await importStep())?.state === StepState.SUCCEEDED, 30_000, 50);
      expect(await observer.manager.count(CatalogProduct)).toBe(total);
      await waitFor(async () => (await observer.manager.countBy(OnboardingStep, { state: StepState.SUCCEEDED })) === 4, 30_000, 50);
    } finally {
      await second.stop();
    }
  }, 240_000);

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
