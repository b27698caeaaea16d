import { CatalogCountCheck } from '../../src/catalog/catalog-count.check';
import { CatalogCountStore } from '../../src/catalog/catalog-counts.repository';
import { CatalogSyncService } from '../../src/catalog/catalog-sync.service';
import { onboard, productsBySku, toggle, upsertListing as upsertSandboxListing } from '../support/linking-flow';
import { onPostgres } from '../support/test-database';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * P2 in constant time: the catalog header's counts, and the `totalCount` of an unsearched page, come from the
 * merchant's stored counts (src/catalog/catalog-counts.ts), kept in the transaction of every sync and toggle.
 * These tests hold the counts to a recount of the products, on SQLite and, in `npm run test:postgres`, on
 * PostgreSQL.
 */
const database = onPostgres ? 'PostgreSQL' : 'SQLite';
const SUMMARY = '{ catalogSummary { productCount offeringPrimeCount eligibleCount } }';
const RESYNC = 'mutation { resyncCatalog(input: {}) { summary { added vanished } userErrors { code } } }';
const BULK = `mutation($input: SetOfferPrimeForProductsInput!) {
  setOfferPrimeForProducts(input: $input) { outcomes { productId userErrors { code } } userErrors { code } }
}`;
const FILTERS: Array<Record<string, unknown> | null> = [null, { offeringPrime: true }, { offeringPrime: false }, { eligible: true }, { eligible: false }];

let server: TestServer;
let check: CatalogCountCheck;

beforeEach(async () => {
  server = await startTestServer();
  check = new CatalogCountCheck(server.app.dataSource);
});

afterEach(async () => {
  await server.stop();
});

async function upsertListing(sku: string, fulfillableQuantity: number, sellerAccountId = 'A1NORTHWINDPRO') {
  expect(await upsertSandboxListing(server, sku, fulfillableQuantity, sellerAccountId)).toEqual([]);
}

async function summary() {
  return (await server.gql(SUMMARY)).body.data.catalogSummary;
}

/** The same counts, by reading every product of the catalog through the API. */
async function countedThroughPages() {
  const products = Object.values(await productsBySku(server));
  return {
    productCount: products.length,
    offeringPrimeCount: products.filter((product) => product.offerPrime).length,
    eligibleCount: products.filter((product) => product.eligibleForPrime).length,
  };
}

async function totalCount(filter: Record<string, unknown> | null): Promise<number> {
  const { body } = await server.gql('query($filter: CatalogProductFilter) { catalogProducts(first: 1, filter: $filter) { totalCount } }', { filter });
  return body.data.catalogProducts.totalCount;
}

describe(`P2: the catalog's counts agree with its products (${database})`, () => {
  it('P1, P2, P4, L6: after the import, toggles one by one and in bulk (some already set), turning all off, new and vanished listings and inventory changes, the header equals the products', async () => {
    expect(await summary()).toEqual({ productCount: 0, offeringPrimeCount: 0, eligibleCount: 0 });
    await onboard(server);
    const steps: string[] = [];
    const agree = async (step: string) => {
      steps.push(step);
      server.clock.advance(60_000); // the cost budget refills: this test reads the whole catalog at each step
      expect({ step, header: await summary() }).toEqual({ step, header: await countedThroughPages() });
      expect({ step, mismatches: await check.mismatches() }).toEqual({ step, mismatches: [] });
    };
    await agree('imported');
    const products = await productsBySku(server);
    const eligible = Object.values(products).filter((product) => product.eligibleForPrime).map((product) => product.id as string);
    expect(eligible.length).toBeGreaterThanOrEqual(3);

    expect((await toggle(server, eligible[0], true)).userErrors).toEqual([]);
    await agree('one on');
    expect((await toggle(server, eligible[0], true)).userErrors).toEqual([]);
    await agree('the same one on again');
    const bulk = await server.gql(BULK, { input: { changes: [...eligible.map((productId) => ({ productId, offerPrime: true })), { productId: eligible[0], offerPrime: false }] } });
    expect(bulk.body.data.setOfferPrimeForProducts.userErrors).toEqual([]);
    await agree('bulk: all eligible on, the first off again');
    expect((await summary()).offeringPrimeCount).toBe(eligible.length - 1);

    await upsertListing('NW-NEW-1', 4);
    await upsertListing('NW-NEW-2', 0);
    await server.gql(`mutation { sandboxRemoveListing(input: { sellerAccountId: "A1NORTHWINDPRO", sellerSku: "${(await productsBySku(server))[Object.keys(products)[1]].sku}" }) { userErrors { code } } }`);
    const resync = (await server.gql(RESYNC)).body.data.resyncCatalog;
    expect(resync).toMatchObject({ summary: { added: 2, vanished: 1 }, userErrors: [] });
    await agree('re-synced: two new listings (one with units), one vanished');

    await upsertListing('NW-NEW-2', 7);
    await upsertListing('NW-NEW-1', 0);
    expect((await server.gql(RESYNC)).body.data.resyncCatalog.userErrors).toEqual([]);
    await agree('re-synced: inventory moved between SKUs');

    const { body } = await server.gql('mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }');
    expect(body.data.turnOffOfferPrimeForAllProducts.turnedOffCount).toBeGreaterThan(0);
    await agree('all off');
    expect((await summary()).offeringPrimeCount).toBe(0);
    expect(steps).toHaveLength(7);
  });

  it('P2: each unsearched filter\'s totalCount comes from the counts and equals a count of the products; a search is counted', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const eligible = Object.values(products).filter((product) => product.eligibleForPrime);
    expect((await toggle(server, eligible[0].id, true)).userErrors).toEqual([]);
    const all = Object.values(products).map((product) => ({ ...product, offerPrime: product.id === eligible[0].id }));
    const expected = [all.length, 1, all.length - 1, eligible.length, all.length - eligible.length];
    for (const [index, filter] of FILTERS.entries()) {
      const statements = await server.sql.count(async () => expect({ filter, totalCount: await totalCount(filter) }).toEqual({ filter, totalCount: expected[index] }));
      const counts = statements.filter((sql) => /COUNT\(/i.test(sql));
      expect({ filter, counts }).toEqual({ filter, counts: [] });
      expect(statements.some((sql) => /catalog_count/.test(sql))).toBe(true);
    }
    // Offer Prime and eligibility together, and a search, are counted over the products.
    const both = await server.sql.count(async () => expect(await totalCount({ offeringPrime: true, eligible: true })).toBe(1));
    expect(both.some((sql) => /COUNT\(\*\) FROM catalog_product/i.test(sql))).toBe(true);
    const sku = eligible[0].sku as string;
    const searched = await server.sql.count(async () => expect(await totalCount({ search: sku })).toBe(Object.keys(products).filter((other) => other.includes(sku)).length));
    expect(searched.some((sql) => /COUNT\(\*\) FROM catalog_product/i.test(sql))).toBe(true);
  });

  it('L6: an inventory write on its own (the import\'s inventory step, before its listings step) keeps the counts right', async () => {
    await onboard(server);
    expect((await summary()).eligibleCount).toBeGreaterThan(0);
    const [{ merchantId }] = await server.app.dataSource.query('SELECT merchant_id AS "merchantId" FROM catalog_count');
    const skus = Object.keys(await productsBySku(server));
    const sync = new CatalogSyncService(undefined as never, undefined as never, new CatalogCountStore(server.app.dataSource));
    await server.app.dataSource.transaction((manager) =>
      sync.writeInventory(manager, { linkId: 'unused', merchantId, sellerAccountId: 'A1NORTHWINDPRO' }, skus.map((sellerSku) => ({ sellerSku, fulfillableQuantity: 0 })), server.clock.now()),
    );
    expect(await check.mismatches()).toEqual([]);
    expect((await summary()).eligibleCount).toBe(0);
  });

  it('P2: the header is one primary-key read, whatever the size of the catalog', async () => {
    await onboard(server);
    await summary();
    const statements = await server.sql.count(() => summary());
    expect(statements.filter((sql) => /catalog_product/.test(sql))).toEqual([]);
    expect(statements.filter((sql) => /catalog_count/.test(sql))).toHaveLength(1);
  });

  it('P2: without a ready merchant nothing is eligible, whatever the counts say', async () => {
    await onboard(server);
    await server.gql('mutation { requestUnlink(input: { reason: "counts" }) { userErrors { code } } }');
    expect((await summary()).eligibleCount).toBe(0);
    expect(await totalCount({ eligible: true })).toBe(0);
    expect(await totalCount({ eligible: false })).toBe((await summary()).productCount);
  });

  it('P2: the check finds counts that drifted (a write that bypassed the services), and the repair recounts them from the products', async () => {
    await onboard(server);
    const before = await summary();
    await server.app.dataSource.query('UPDATE catalog_count SET products = products + 3, listed_with_units = 0');
    const [{ merchantId }] = await server.app.dataSource.query('SELECT merchant_id AS "merchantId" FROM catalog_count');
    expect(await check.mismatches()).toEqual([
      { merchantId, differences: [`products: stored ${before.productCount + 3}, products ${before.productCount}`, `listed with units: stored 0, products ${before.eligibleCount}`] },
    ]);
    expect(await check.repair()).toHaveLength(1);
    expect(await check.mismatches()).toEqual([]);
    expect(await summary()).toEqual(before);
  });

  it('P2: the migration fills the counts from the products already stored', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const eligible = Object.values(products).find((product) => product.eligibleForPrime);
    expect((await toggle(server, eligible.id, true)).userErrors).toEqual([]);
    const before = await summary();
    const dataSource = server.app.dataSource;
    await dataSource.undoLastMigration();
    expect((await dataSource.query('SELECT name FROM migrations')).map((row: { name: string }) => row.name)).not.toContain('CatalogCounts1795900000000');
    await dataSource.runMigrations();
    expect(await check.mismatches()).toEqual([]);
    expect(await summary()).toEqual(before);
    expect(before.offeringPrimeCount).toBe(1);
  });

  (onPostgres ? it : it.skip)('P1, P4, L6: a toggle, a bulk toggle, turning all off and a re-sync that race all succeed and keep the counts right (PostgreSQL; SQLite serialises transactions)', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const eligible = Object.values(products).filter((product) => product.eligibleForPrime).map((product) => product.id as string);
    for (let round = 0; round < 6; round += 1) {
      await upsertListing(`NW-RACE-${round}`, round % 2);
      const [bulk, resync, turnOff, one] = await Promise.all([
        server.gql(BULK, { input: { changes: eligible.map((productId) => ({ productId, offerPrime: round % 2 === 0 })) } }),
        server.gql(RESYNC),
        server.gql('mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }'),
        toggle(server, eligible[round % eligible.length], round % 2 !== 0),
      ]);
      // Every writer answered (none deadlocked or failed), and the counts agree with what they wrote.
      expect({ round, errors: [bulk, resync, turnOff].map((answer) => answer.body.errors ?? null) }).toEqual({ round, errors: [null, null, null] });
      expect({ round, bulk: bulk.body.data.setOfferPrimeForProducts.userErrors, resync: resync.body.data.resyncCatalog.userErrors, one: one.userErrors }).toEqual({ round, bulk: [], resync: [], one: [] });
      expect({ round, mismatches: await check.mismatches() }).toEqual({ round, mismatches: [] });
    }
  });
});

describe(`P2: the stored counts are the merchant's own (${database})`, () => {
  it('P2: each merchant reads its own counts; a merchant without products reads zeros', async () => {
    await onboard(server);
    const store = new CatalogCountStore(server.app.dataSource);
    const [{ merchantId }] = await server.app.dataSource.query('SELECT merchant_id AS "merchantId" FROM catalog_count');
    expect((await store.read(merchantId)).products).toBe((await summary()).productCount);
    expect(await store.read('another-merchant')).toEqual({ products: 0, offeringPrime: 0, listedWithUnits: 0 });
    expect((await server.gql(SUMMARY, {}, 'demo-bluebird-owner')).body.data.catalogSummary).toEqual({ productCount: 0, offeringPrimeCount: 0, eligibleCount: 0 });
  });
});
