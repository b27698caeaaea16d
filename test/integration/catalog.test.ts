import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { LinkState } from '../../src/linking/link-state';
import { CatalogProduct } from '../../src/catalog/catalog-product.entity';
import { SandboxListing } from '../../src/seller-central/sandbox/sandbox.entities';
import { parseGlobalId } from '../../src/shared/graphql/global-id';
import { CATALOG, CURRENT_LINK, link, onboard, productsBySku, setSandboxAccount, toggle } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.stop();
});

const STEPS = `{ sellerCentralLink { id state onboardingSteps { kind state attempts startedAt finishedAt failureReason progress { done total } } timeline(first: 100) { nodes { kind actorKind message } } } }`;

async function steps() {
  const { body } = await server.gql(STEPS);
  const link = body.data.sellerCentralLink;
  return { link, byKind: Object.fromEntries(link.onboardingSteps.map((step: any) => [step.kind, step])) };
}

async function setLinkState(state: LinkState, currentForMerchantId: string | null = undefined as never) {
  const changes: Partial<SellerCentralLink> = { state };
  if (currentForMerchantId !== undefined) changes.currentForMerchantId = currentForMerchantId;
  await server.app.dataSource.manager.update(SellerCentralLink, { state: LinkState.LINKED }, changes);
}

describe('L6: the onboarding steps do real work', () => {
  it('inventory and listings first, Amazon Pay after its activation minutes, then Prime shipping; each with timestamps and on the timeline', async () => {
    await link(server);
    await server.app.onboarding.runDue();
    let { byKind, link: current } = await steps();
    expect(byKind.IDENTIFY_FULFILLMENT_INVENTORY).toMatchObject({ state: 'SUCCEEDED', attempts: 1, startedAt: expect.any(String), finishedAt: expect.any(String) });
    expect(byKind.IMPORT_LISTINGS).toMatchObject({ state: 'SUCCEEDED', progress: { done: 6, total: 6 } });
    expect(byKind.REGISTER_AMAZON_PAY).toMatchObject({ state: 'IN_PROGRESS', finishedAt: null });
    expect(byKind.ACTIVATE_PRIME_SHIPPING).toMatchObject({ state: 'PENDING' });

    server.clock.advanceSeconds(60);
    await server.app.onboarding.runDue();
    expect((await steps()).byKind.REGISTER_AMAZON_PAY.state).toBe('IN_PROGRESS');

    server.clock.advanceSeconds(60);
    await server.app.onboarding.runDue();
    ({ byKind, link: current } = await steps());
    expect(byKind.REGISTER_AMAZON_PAY.state).toBe('SUCCEEDED');
    expect(byKind.ACTIVATE_PRIME_SHIPPING.state).toBe('SUCCEEDED');
    expect(current.timeline.nodes.filter((event: any) => event.kind === 'ONBOARDING_STEP_SUCCEEDED')).toHaveLength(4);

    const products = await productsBySku(server);
    expect(Object.keys(products).sort()).toEqual(['NW-BAG-20F', 'NW-LAMP-HD', 'NW-MUG-TI', 'NW-POLE-CF', 'NW-STOVE-1', 'NW-TENT-2P']);
    expect(products['NW-TENT-2P']).toMatchObject({
      amazonSku: 'B0NWTENT02',
      title: 'Two-person trail tent',
      price: { amount: '189.00', currencyCode: 'USD' },
      fulfillableQuantity: 42,
      offerPrime: false,
      eligibleForPrime: true,
      ineligibilityReasons: [],
      buyability: 'NOT_BUYABLE',
    });
    expect(products['NW-LAMP-HD']).toMatchObject({ fulfillableQuantity: 0, eligibleForPrime: false, ineligibilityReasons: ['NO_FULFILLMENT_INVENTORY'] });
  });

  it('a failed import keeps its reason, never undoes the link, and can be retried', async () => {
    await setSandboxAccount(server, 'A1NORTHWINDPRO', { listingsAvailable: false });
    await link(server);
    await server.app.onboarding.runDue();
    let { byKind, link: current } = await steps();
    expect(current.state).toBe('LINKED');
    expect(byKind.IMPORT_LISTINGS).toMatchObject({ state: 'FAILED', failureReason: expect.stringContaining('Listings service'), attempts: 1 });
    expect(current.timeline.nodes.at(-1)).toMatchObject({ kind: 'ONBOARDING_STEP_FAILED' });

    const retry = `mutation($input: RetryOnboardingStepInput!) { retryOnboardingStep(input: $input) { link { onboardingSteps { kind state } } userErrors { code field } } }`;
    const tooEarly = await server.gql(retry, { input: { linkId: current.id, step: 'REGISTER_AMAZON_PAY' } });
    expect(tooEarly.body.data.retryOnboardingStep.userErrors).toEqual([{ code: 'INVALID_STEP_TRANSITION', field: ['input', 'step'] }]);

    const retried = await server.gql(retry, { input: { linkId: current.id, step: 'IMPORT_LISTINGS' } });
    expect(retried.body.data.retryOnboardingStep.userErrors).toEqual([]);
    expect((await steps()).byKind.IMPORT_LISTINGS.state).toBe('PENDING');

    await setSandboxAccount(server, 'A1NORTHWINDPRO', { listingsAvailable: true });
    await server.app.onboarding.runDue();
    ({ byKind, link: current } = await steps());
    expect(byKind.IMPORT_LISTINGS).toMatchObject({ state: 'SUCCEEDED', attempts: 2, failureReason: null });
    expect(current.timeline.nodes.map((event: any) => event.kind)).toContain('ONBOARDING_STEP_RETRIED');
  });

  it('Amazon Pay can fail; Prime shipping waits for it, and a retry registers again', async () => {
    await setSandboxAccount(server, 'A1NORTHWINDPRO', { amazonPayOutcome: 'FAILS' });
    await link(server);
    await server.app.onboarding.runDue();
    server.clock.advanceSeconds(120);
    await server.app.onboarding.runDue();
    let { byKind, link: current } = await steps();
    expect(byKind.REGISTER_AMAZON_PAY).toMatchObject({ state: 'FAILED', failureReason: expect.stringContaining('Amazon Pay') });
    expect(byKind.ACTIVATE_PRIME_SHIPPING.state).toBe('PENDING');
    expect(current.state).toBe('LINKED');

    await setSandboxAccount(server, 'A1NORTHWINDPRO', { amazonPayOutcome: 'ACTIVATES' });
    await server.gql(`mutation($input: RetryOnboardingStepInput!) { retryOnboardingStep(input: $input) { userErrors { code } } }`, {
      input: { linkId: current.id, step: 'REGISTER_AMAZON_PAY' },
    });
    await server.app.onboarding.runDue();
    server.clock.advanceSeconds(120);
    await server.app.onboarding.runDue();
    ({ byKind } = await steps());
    expect(byKind.REGISTER_AMAZON_PAY).toMatchObject({ state: 'SUCCEEDED', attempts: 2 });
    expect(byKind.ACTIVATE_PRIME_SHIPPING.state).toBe('SUCCEEDED');
  });

  it('a long import shows its progress while it runs (listings read of the total)', async () => {
    const manager = server.app.dataSource.manager;
    const extra = Array.from({ length: 1194 }, (_, index) => ({
      accountId: 'A1NORTHWINDPRO',
      sellerSku: `NW-BULK-${String(index).padStart(5, '0')}`,
      asin: `B0BULK${index}`,
      title: `Bulk item ${index}`,
      priceCents: 999,
      currency: 'USD',
      fulfillableQuantity: index % 2,
    }));
    for (let start = 0; start < extra.length; start += 200) await manager.insert(SandboxListing, extra.slice(start, start + 200));
    await link(server);
    const seen: Array<{ done: number; total: number }> = [];
    const listListings = server.app.sandbox.listListings.bind(server.app.sandbox);
    jest.spyOn(server.app.sandbox, 'listListings').mockImplementation(async (...args) => {
      const { byKind } = await steps();
      if (byKind.IMPORT_LISTINGS.progress) seen.push(byKind.IMPORT_LISTINGS.progress);
      return listListings(...args);
    });
    await server.app.onboarding.runDue();
    expect(seen).toEqual([
      { done: 500, total: 1200 },
      { done: 1000, total: 1200 },
    ]);
    expect((await steps()).byKind.IMPORT_LISTINGS).toMatchObject({ state: 'SUCCEEDED', progress: { done: 1200, total: 1200 } });
    expect(await manager.count(CatalogProduct)).toBe(1200);
  });

  it('one link\'s failing step does not hold up another merchant\'s onboarding', async () => {
    await link(server);
    await link(server, 'A2BLUEBIRDPRO', 'STORE-BB-US', 'demo-bluebird-owner');
    const inventory = server.app.sandbox.getFulfillmentInventory.bind(server.app.sandbox);
    jest.spyOn(server.app.sandbox, 'getFulfillmentInventory').mockImplementation(async (account) => {
      if (account === 'A1NORTHWINDPRO') throw new Error('database lost');
      return inventory(account);
    });
    await expect(server.app.onboarding.runDue()).rejects.toThrow('database lost');
    const bluebird = (await server.gql(STEPS, {}, 'demo-bluebird-owner')).body.data.sellerCentralLink.onboardingSteps;
    expect(bluebird.find((step: any) => step.kind === 'IMPORT_LISTINGS').state).toBe('SUCCEEDED');
  });

  it('a step that another worker holds is left alone; one whose worker died is taken over after its lease', async () => {
    await link(server);
    const spy = jest.spyOn(server.app.sandbox, 'getFulfillmentInventory').mockRejectedValueOnce(new Error('process killed'));
    await expect(server.app.onboarding.runDue()).rejects.toThrow('process killed');
    spy.mockRestore();
    await server.app.onboarding.runDue();
    expect((await steps()).byKind.IDENTIFY_FULFILLMENT_INVENTORY.state).toBe('IN_PROGRESS');
    server.clock.advanceSeconds(5 * 60 + 1);
    await server.app.onboarding.runDue();
    expect((await steps()).byKind.IDENTIFY_FULFILLMENT_INVENTORY).toMatchObject({ state: 'SUCCEEDED', attempts: 1 });
  });
});

describe('the Offer Prime toggle (P1-P3)', () => {
  it('P1, P2: an eligible product offers Prime once the link, Amazon Pay and Prime shipping are in place', async () => {
    await onboard(server);
    const { 'NW-TENT-2P': tent } = await productsBySku(server);
    expect(await toggle(server, tent.id, true)).toEqual({ product: { sku: 'NW-TENT-2P', offerPrime: true, buyability: 'BUYABLE' }, userErrors: [] });
    expect(await toggle(server, tent.id, true)).toMatchObject({ product: { offerPrime: true }, userErrors: [] });
  });

  it('P2: checks in order: link, Amazon Pay, Prime shipping, product; each with its own code and remedy', async () => {
    await link(server);
    await server.app.onboarding.runDue();
    const { 'NW-TENT-2P': tent, 'NW-LAMP-HD': lamp } = await productsBySku(server);
    expect((await toggle(server, tent.id, true)).userErrors).toEqual([
      expect.objectContaining({ code: 'AMAZON_PAY_NOT_REGISTERED', field: null, remedy: expect.stringContaining('retry') }),
    ]);
    await server.app.dataSource.manager.query(`UPDATE onboarding_step SET state = 'SUCCEEDED' WHERE kind = 'REGISTER_AMAZON_PAY'`);
    expect((await toggle(server, tent.id, true)).userErrors[0].code).toBe('PRIME_SHIPPING_NOT_ACTIVE');
    server.clock.advanceSeconds(120);
    await server.app.onboarding.runDue();
    expect((await toggle(server, lamp.id, true)).userErrors).toEqual([
      expect.objectContaining({ code: 'PRODUCT_NOT_ELIGIBLE', message: expect.stringContaining('no inventory in an Amazon fulfillment center') }),
    ]);
    expect((await toggle(server, tent.id, true)).userErrors).toEqual([]);
  });

  it.each([
    ['L8: needs attention', LinkState.NEEDS_ATTENTION, 'LINK_NEEDS_ATTENTION'],
    ['U4: an unlink request waits', LinkState.UNLINK_REQUESTED, 'UNLINK_IN_PROGRESS'],
    ['U5: unlinking has begun', LinkState.UNLINKING, 'UNLINK_IN_PROGRESS'],
  ])('%s: turning on is refused, turning off is not (P3)', async (_case, state, code) => {
    await onboard(server);
    const { 'NW-TENT-2P': tent, 'NW-STOVE-1': stove } = await productsBySku(server);
    await toggle(server, stove.id, true);
    await setLinkState(state);
    expect((await toggle(server, tent.id, true)).userErrors).toEqual([expect.objectContaining({ code })]);
    expect(await toggle(server, stove.id, false)).toMatchObject({ product: { offerPrime: false }, userErrors: [] });
    expect((await productsBySku(server))['NW-TENT-2P'].ineligibilityReasons).toEqual([code === 'LINK_NEEDS_ATTENTION' ? 'LINK_NEEDS_ATTENTION' : 'UNLINK_IN_PROGRESS']);
  });

  it('L1: after the link is history, Prime cannot be offered, but can be turned off (P3)', async () => {
    await onboard(server);
    const { 'NW-TENT-2P': tent } = await productsBySku(server);
    await toggle(server, tent.id, true);
    await setLinkState(LinkState.UNLINKED, null);
    expect((await toggle(server, tent.id, true)).userErrors[0].code).toBe('LINK_NOT_ACTIVE');
    expect((await toggle(server, tent.id, false)).userErrors).toEqual([]);
  });

  it('bad product IDs: malformed is INVALID_ID, another merchant\'s is NOT_FOUND; nothing changes', async () => {
    await onboard(server);
    const { 'NW-TENT-2P': tent } = await productsBySku(server);
    const before = await server.app.dataSource.manager.find(CatalogProduct, { order: { id: 'ASC' } });
    expect((await toggle(server, 'nope', true)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_ID', field: ['input', 'productId'] })]);
    expect((await toggle(server, tent.id, true, 'demo-bluebird-owner')).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    const node = await server.gql('query($id: ID!) { node(id: $id) { id } }', { id: tent.id }, 'demo-bluebird-owner');
    expect(node.body.data.node).toBeNull();
    expect(await server.app.dataSource.manager.find(CatalogProduct, { order: { id: 'ASC' } })).toEqual(before);
  });
});

describe('bulk toggles (P4)', () => {
  const BULK = `mutation($input: SetOfferPrimeForProductsInput!) {
    setOfferPrimeForProducts(input: $input) { outcomes { productId product { sku offerPrime } userErrors { code field } } userErrors { code } }
  }`;

  it('P4: each product gets its own outcome; one that fails does not stop the others', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const { body } = await server.gql(BULK, {
      input: {
        changes: [
          { productId: products['NW-TENT-2P'].id, offerPrime: true },
          { productId: products['NW-LAMP-HD'].id, offerPrime: true },
          { productId: 'not-an-id', offerPrime: true },
          { productId: products['NW-STOVE-1'].id, offerPrime: true },
        ],
      },
    });
    expect(body.data.setOfferPrimeForProducts).toEqual({
      userErrors: [],
      outcomes: [
        { productId: products['NW-TENT-2P'].id, product: { sku: 'NW-TENT-2P', offerPrime: true }, userErrors: [] },
        { productId: products['NW-LAMP-HD'].id, product: { sku: 'NW-LAMP-HD', offerPrime: false }, userErrors: [{ code: 'PRODUCT_NOT_ELIGIBLE', field: ['input', 'changes', '1'] }] },
        { productId: 'not-an-id', product: null, userErrors: [{ code: 'INVALID_ID', field: ['input', 'changes', '2', 'productId'] }] },
        { productId: products['NW-STOVE-1'].id, product: { sku: 'NW-STOVE-1', offerPrime: true }, userErrors: [] },
      ],
    });
    const after = await productsBySku(server);
    expect(Object.values(after).filter((product: any) => product.offerPrime).map((product: any) => product.sku).sort()).toEqual(['NW-STOVE-1', 'NW-TENT-2P']);
  });

  it('P4: the same product twice gets the outcome of each change, in order', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const lamp = products['NW-LAMP-HD'].id;
    const { body } = await server.gql(BULK, { input: { changes: [{ productId: lamp, offerPrime: true }, { productId: lamp, offerPrime: false }] } });
    expect(body.data.setOfferPrimeForProducts.outcomes.map((outcome: any) => outcome.userErrors.map((error: any) => error.code))).toEqual([['PRODUCT_NOT_ELIGIBLE'], []]);
  });

  it('P4: the list is capped at 250 changes', async () => {
    const changes = Array.from({ length: 251 }, () => ({ productId: 'x', offerPrime: false }));
    const response = await server.gql(BULK, { input: { changes } });
    expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', validationErrors: [{ field: ['changes'] }] });
  });

  it('P4, U1: turning Offer Prime off for every product, in one action and in any link state', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    for (const sku of ['NW-TENT-2P', 'NW-STOVE-1', 'NW-MUG-TI']) await toggle(server, products[sku].id, true);
    await setLinkState(LinkState.NEEDS_ATTENTION);
    const { body } = await server.gql(`mutation { turnOffOfferPrimeForAllProducts(input: { clientMutationId: "c1" }) { turnedOffCount clientMutationId userErrors { code } } }`);
    expect(body.data.turnOffOfferPrimeForAllProducts).toEqual({ turnedOffCount: 3, clientMutationId: 'c1', userErrors: [] });
    expect(Object.values(await productsBySku(server)).some((product: any) => product.offerPrime)).toBe(false);
  });
});

describe('roles on the Prime page', () => {
  it('STAFF has no access to the Prime page: it cannot read the catalog', async () => {
    const { body } = await server.gql(CATALOG, {}, 'demo-acme-staff');
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each(['demo-acme-support', 'demo-acme-developer', 'demo-acme-staff'])('%s cannot toggle, turn all off or re-sync', async (token) => {
    await onboard(server);
    const { 'NW-TENT-2P': tent } = await productsBySku(server);
    expect((await toggle(server, tent.id, true, token)).userErrors[0].code).toBe('PERMISSION_DENIED');
    const all = await server.gql(`mutation { turnOffOfferPrimeForAllProducts(input: {}) { userErrors { code } } }`, {}, token);
    expect(all.body.data.turnOffOfferPrimeForAllProducts.userErrors[0].code).toBe('PERMISSION_DENIED');
    const resync = await server.gql(`mutation { resyncCatalog(input: {}) { userErrors { code } } }`, {}, token);
    expect(resync.body.data.resyncCatalog.userErrors[0].code).toBe('PERMISSION_DENIED');
  });

  it.each(['demo-acme-support', 'demo-acme-developer'])('%s reads the catalog', async (token) => {
    await onboard(server);
    expect(Object.keys(await productsBySku(server, token))).toHaveLength(6);
  });
});

describe('the catalog page', () => {
  it('filters by offering Prime, eligibility and text, with totalCount, pages and header counts', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    await toggle(server, products['NW-TENT-2P'].id, true);
    const page = async (filter: object, first = 10, after?: string) =>
      (await server.gql(CATALOG, { filter, first, after })).body.data.catalogProducts;
    const skus = (connection: any) => connection.nodes.map((product: any) => product.sku);

    expect(skus(await page({ offeringPrime: true }))).toEqual(['NW-TENT-2P']);
    expect(skus(await page({ eligible: true }))).toEqual(['NW-BAG-20F', 'NW-MUG-TI', 'NW-STOVE-1', 'NW-TENT-2P']);
    expect(skus(await page({ eligible: false }))).toEqual(['NW-LAMP-HD', 'NW-POLE-CF']);
    expect(skus(await page({ search: 'TENT' }))).toEqual(['NW-TENT-2P']);
    expect(skus(await page({ search: 'headlamp' }))).toEqual(['NW-LAMP-HD']);
    expect(skus(await page({ search: '%' }))).toEqual([]);

    const first = await page({}, 4);
    expect(first).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true } });
    const second = await page({}, 4, first.pageInfo.endCursor);
    expect([...skus(first), ...skus(second)]).toEqual(['NW-BAG-20F', 'NW-LAMP-HD', 'NW-MUG-TI', 'NW-POLE-CF', 'NW-STOVE-1', 'NW-TENT-2P']);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const { body } = await server.gql(`{ catalogSummary { productCount eligibleCount offeringPrimeCount } }`);
    expect(body.data.catalogSummary).toEqual({ productCount: 6, eligibleCount: 4, offeringPrimeCount: 1 });
  });

  it('P1: a page past the last match has the same totalCount as the first, whatever the filter (no row carries it: it is read on its own)', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    await toggle(server, products['NW-TENT-2P'].id, true);
    const filters: Array<[object, number]> = [
      [{}, 6],
      [{ offeringPrime: true }, 1],
      [{ offeringPrime: false }, 5],
      [{ eligible: true }, 4],
      [{ eligible: false }, 2],
      [{ search: 'TENT' }, 1],
      [{ search: 'nw-', offeringPrime: false }, 5],
      [{ search: 'HEADLAMP', eligible: false }, 1],
    ];
    for (const [filter, total] of filters) {
      const all = (await server.gql(CATALOG, { filter, first: 10 })).body.data.catalogProducts;
      const past = (await server.gql(CATALOG, { filter, first: 10, after: all.pageInfo.endCursor })).body.data.catalogProducts;
      expect({ filter, first: all.totalCount, past: past.totalCount, nodes: past.nodes }).toEqual({ filter, first: total, past: total, nodes: [] });
    }
  });

  it('nothing is eligible while the link needs attention', async () => {
    await onboard(server);
    await setSandboxAccount(server, 'A1NORTHWINDPRO', { standing: 'SUSPENDED' });
    const { body } = await server.gql(`{ catalogSummary { eligibleCount } catalogProducts(filter: { eligible: true }) { totalCount } }`);
    expect(body.data).toEqual({ catalogSummary: { eligibleCount: 0 }, catalogProducts: { totalCount: 0 } });
  });

  it('a page of 50 products with eligibility and inventory runs the same SQL statements as a page of 5', async () => {
    const manager = server.app.dataSource.manager;
    await manager.insert(
      SandboxListing,
      Array.from({ length: 60 }, (_, index) => ({
        accountId: 'A1NORTHWINDPRO',
        sellerSku: `NW-X-${String(index).padStart(3, '0')}`,
        asin: `B0X${index}`,
        title: `Item ${index}`,
        priceCents: 500,
        currency: 'USD',
        fulfillableQuantity: index % 3,
      })),
    );
    await onboard(server);
    // One signed-in token, as a console sends on every page: its viewer is cached after the first request.
    const token = await server.signIn('demo-acme-owner');
    await server.gql(CATALOG, { first: 5 }, token);
    const small = await server.sql.count(() => server.gql(CATALOG, { first: 5 }, token));
    const large = await server.sql.count(() => server.gql(CATALOG, { first: 50 }, token));
    const { body } = await server.gql(CATALOG, { first: 50 }, token);
    expect(body.data.catalogProducts.nodes).toHaveLength(50);
    expect(large.length).toBe(small.length);
    // Issue 16: the page with its inventory, its totalCount and the merchant's readiness, in one statement.
    expect(large).toHaveLength(1);
    // A filter on eligibility reads the readiness first, then the page.
    const eligibleOnly = await server.sql.count(() => server.gql(CATALOG, { first: 50, filter: { eligible: true } }, token));
    expect(eligibleOnly).toHaveLength(2);
    const withoutCount = await server.sql.count(() => server.gql(`{ catalogProducts(first: 50) { nodes { sku fulfillableQuantity } } }`, {}, token));
    expect(withoutCount).toHaveLength(1);
    expect(withoutCount[0]).not.toMatch(/COUNT\(/i);
  });
});

describe('re-syncing from Seller Central', () => {
  const RESYNC = `mutation { resyncCatalog(input: {}) { summary { listingCount added updated unchanged vanished offerPrimeTurnedOff } userErrors { code } } }`;

  it('is idempotent, keeps each toggle, and unlists a vanished listing (which stops offering Prime, on the timeline)', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    await toggle(server, products['NW-TENT-2P'].id, true);
    await toggle(server, products['NW-STOVE-1'].id, true);

    expect((await server.gql(RESYNC)).body.data.resyncCatalog.summary).toEqual({ listingCount: 6, added: 0, updated: 0, unchanged: 6, vanished: 0, offerPrimeTurnedOff: 0 });

    await server.app.sandbox.upsertListing({ accountId: 'A1NORTHWINDPRO', sellerSku: 'NW-TENT-2P', asin: 'B0NWTENT02', title: 'Two-person trail tent (2027)', priceCents: 19900, fulfillableQuantity: 40 });
    await server.app.sandbox.upsertListing({ accountId: 'A1NORTHWINDPRO', sellerSku: 'NW-NEW-1', asin: 'B0NWNEW001', title: 'Camp chair', priceCents: 5900, fulfillableQuantity: 3 });
    await server.app.sandbox.removeListing('A1NORTHWINDPRO', 'NW-STOVE-1');
    expect((await server.gql(RESYNC)).body.data.resyncCatalog.summary).toEqual({ listingCount: 6, added: 1, updated: 1, unchanged: 4, vanished: 1, offerPrimeTurnedOff: 1 });

    const after = await productsBySku(server);
    expect(after['NW-TENT-2P']).toMatchObject({ title: 'Two-person trail tent (2027)', price: { amount: '199.00' }, offerPrime: true, fulfillableQuantity: 40 });
    expect(after['NW-STOVE-1']).toMatchObject({ listed: false, offerPrime: false, eligibleForPrime: false, ineligibilityReasons: ['NO_LISTING'] });
    expect(after['NW-NEW-1']).toMatchObject({ offerPrime: false, eligibleForPrime: true });
    expect((await toggle(server, after['NW-STOVE-1'].id, true)).userErrors[0].code).toBe('PRODUCT_NOT_ELIGIBLE');

    const { body } = await server.gql(CURRENT_LINK);
    const kinds = body.data.sellerCentralLink.timeline.nodes.map((event: any) => event.kind);
    expect(kinds.slice(-2)).toEqual(['LISTINGS_VANISHED', 'CATALOG_SYNCED']);
    expect(body.data.sellerCentralLink.timeline.nodes.at(-2).message).toContain('NW-STOVE-1');
    expect((await server.gql(RESYNC)).body.data.resyncCatalog.summary).toMatchObject({ added: 0, updated: 0, vanished: 0 });
  });

  it('L1: there is nothing to sync without a link; a Seller Central outage is SELLER_CENTRAL_UNAVAILABLE', async () => {
    expect((await server.gql(RESYNC)).body.data.resyncCatalog.userErrors).toEqual([{ code: 'LINK_NOT_ACTIVE' }]);
    await onboard(server);
    await server.app.sandbox.upsertListing({ accountId: 'A1NORTHWINDPRO', sellerSku: 'NW-LAMP-HD', asin: 'B0NWLAMPHD', title: 'Rechargeable headlamp', priceCents: 3500, fulfillableQuantity: 9 });
    await setSandboxAccount(server, 'A1NORTHWINDPRO', { listingsAvailable: false });
    expect((await server.gql(RESYNC)).body.data.resyncCatalog.userErrors).toEqual([{ code: 'SELLER_CENTRAL_UNAVAILABLE' }]);
    expect((await productsBySku(server))['NW-LAMP-HD'].fulfillableQuantity).toBe(0);
  });

  it('a relink to the same account keeps the catalog and its toggles', async () => {
    const linkId = await onboard(server);
    const { 'NW-MUG-TI': mug } = await productsBySku(server);
    await server.app.dataSource.manager.update(SellerCentralLink, { id: parseGlobalId(linkId)!.id }, { state: LinkState.UNLINKED, currentForMerchantId: null });
    await onboard(server);
    const again = await productsBySku(server);
    expect(again['NW-MUG-TI'].id).toBe(mug.id);
    expect(Object.keys(again)).toHaveLength(6);
  });
});
