import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app';
import { Role } from '../src/auth/role';
import { CatalogProduct } from '../src/catalog/catalog-product.entity';
import { OnboardingStep } from '../src/onboarding/onboarding-step.entity';
import { OnboardingStepKind } from '../src/onboarding/onboarding-step-state';
import { loadConfig } from '../src/config';
import { demoUsers } from '../src/demo/demo-data';
import { SandboxListing } from '../src/seller-central/sandbox/sandbox.entities';
import { chunks } from '../src/shared/chunks';
import { newId } from '../src/shared/ids';

/**
 * Measures the listings import (L6) on a Seller Central account with LISTINGS listings, against a
 * baseline in the same run: the same rows written one INSERT at a time in one transaction.
 * Usage: npm run bench:import [-- listings]
 */
const LISTINGS = Number(process.argv[2] ?? 10_000);
const ACCOUNT = 'A1NORTHWINDPRO';

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'bwp-bench-import-'));
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }), seedDemoData: true, port: 0, database: { type: 'better-sqlite3' as const, path: join(folder, 'bench.sqlite') } };
  const app = await createApp(config);
  try {
    const manager = app.dataSource.manager;
    const listings = Array.from({ length: LISTINGS }, (_, index) => ({
      accountId: ACCOUNT,
      sellerSku: `BENCH-${String(index).padStart(6, '0')}`,
      asin: `B0B${String(index).padStart(7, '0')}`,
      title: `Benchmark product ${index}`,
      priceCents: 1000 + index,
      currency: 'USD',
      fulfillableQuantity: index % 4,
    }));
    await app.transactions.run(async (tx) => {
      for (const run of chunks(listings, 500)) await tx.insert(SandboxListing, run);
    });

    const owner = demoUsers.find((user) => user.role === Role.OWNER)!;
    const viewer = { userId: owner.id, merchantId: owner.merchantId, role: owner.role };
    const { link, authorizationState } = await app.linking.startLink(viewer, { agreedToDataUse: true });
    const { code } = await app.sandbox.issueAuthorizationCode({ state: authorizationState, sellerAccountId: ACCOUNT, storeId: 'STORE-NW-US' });
    await app.linking.completeLink(viewer, { linkId: link.id, authorizationCode: code });
    const total = LISTINGS + 6;

    const [, onboardingMs] = await timed(() => app.onboarding.runDue());
    const imported = await manager.count(CatalogProduct);

    const [, resyncMs] = await timed(() => app.catalog.resync(viewer));

    const steps = await manager.find(OnboardingStep, { where: { linkId: link.id } });
    const stepMs = (kind: OnboardingStepKind) => {
      const step = steps.find((candidate) => candidate.kind === kind)!;
      return step.finishedAt!.getTime() - step.startedAt!.getTime();
    };
    const importMs = stepMs(OnboardingStepKind.IMPORT_LISTINGS);

    const product = (merchantId: string, listing: (typeof listings)[number], now: Date) => ({
      id: newId(),
      merchantId,
      sku: listing.sellerSku,
      amazonSku: listing.asin,
      title: listing.title,
      priceCents: listing.priceCents,
      currency: listing.currency,
      offerPrime: false,
      listed: true,
      importedAt: now,
      updatedAt: now,
    });
    const rowByRowMerchant = newId();
    const [, rowByRowMs] = await timed(() =>
      app.transactions.run(async (tx) => {
        for (const listing of listings) await tx.insert(CatalogProduct, product(rowByRowMerchant, listing, new Date()));
      }),
    );
    const autocommitSample = listings.slice(0, Math.min(1000, LISTINGS));
    const autocommitMerchant = newId();
    const [, autocommitSampleMs] = await timed(async () => {
      for (const listing of autocommitSample) await app.transactions.run((tx) => tx.insert(CatalogProduct, product(autocommitMerchant, listing, new Date())));
    });
    const autocommitMs = (autocommitSampleMs / autocommitSample.length) * LISTINGS;

    const rows: Array<[string, number, number]> = [
      ['all four onboarding steps (inventory, import, Amazon Pay, shipping)', onboardingMs, imported],
      ['  of which the listings import (read 500 a page, batched writes)', importMs, imported],
      ['  of which identifying inventory', stepMs(OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY), imported],
      ['re-sync with nothing changed upstream', resyncMs, total],
      ['baseline A: one INSERT per product, all in one transaction', rowByRowMs, LISTINGS],
      [`baseline B: one transaction per product (timed on ${autocommitSample.length}, scaled)`, autocommitMs, LISTINGS],
    ];
    console.log(`Listings import on SQLite (file, WAL), ${LISTINGS} listings + 6 seeded, Node ${process.version}`);
    for (const [name, ms, count] of rows) {
      console.log(`  ${name.padEnd(72)} ${ms.toFixed(0).padStart(7)} ms ${Math.round((count / ms) * 1000).toString().padStart(8)} rows/s`);
    }
    console.log(`  import speed vs baseline A: ${(rowByRowMs / importMs).toFixed(2)}x; vs baseline B: ${(autocommitMs / importMs).toFixed(1)}x`);
    if (imported !== total) throw new Error(`expected ${total} products, found ${imported}`);
  } finally {
    await app.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
