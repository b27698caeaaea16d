import { onboard, link, PLACE_ORDER, productsBySku, toggle } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Tenant isolation for what tenant-isolation.test.ts cannot reach with another merchant's ID: the
 * fields that take no ID (each answers from the signed-in merchant's rows alone), and the lookups
 * keyed by SKU, where two merchants hold the same SKU with different inventory.
 */

const ACME = 'demo-acme-owner';
const BLUEBIRD = 'demo-bluebird-owner';
const SHARED_SKU = 'NW-TENT-2P';

let server: TestServer;
let acmeProducts: Record<string, any>;
let bluebirdProducts: Record<string, any>;
const orderIds: Record<'acme' | 'bluebird', string[]> = { acme: [], bluebird: [] };

async function onboardBluebird() {
  await link(server, 'A2BLUEBIRDPRO', 'STORE-BB-US', BLUEBIRD);
  await server.app.onboarding.runDue();
  server.clock.advanceSeconds(120);
  await server.app.onboarding.runDue();
}

async function order(token: string, productId: string): Promise<string> {
  const { body } = await server.gql(PLACE_ORDER, { input: { lines: [{ productId, quantity: 1 }] } }, token);
  expect(body.data.sandboxPlaceOrder.userErrors).toEqual([]);
  return body.data.sandboxPlaceOrder.order.id;
}

beforeAll(async () => {
  server = await startTestServer();
  // Bluebird's Seller Central account lists Acme's tent SKU too, with nothing in fulfillment centers.
  const upsert = await server.gql(
    `mutation { sandboxUpsertListing(input: { sellerAccountId: "A2BLUEBIRDPRO", sellerSku: "${SHARED_SKU}", asin: "B0BBTENT01", title: "Bluebird tent", priceCents: 9900, fulfillableQuantity: 0 }) { userErrors { code } } }`,
  );
  expect(upsert.body.data.sandboxUpsertListing.userErrors).toEqual([]);
  await onboard(server);
  await onboardBluebird();
  acmeProducts = await productsBySku(server, ACME);
  bluebirdProducts = await productsBySku(server, BLUEBIRD);

  // Acme: two products on, three orders; Bluebird: one product on, one order.
  for (const sku of ['NW-TENT-2P', 'NW-STOVE-1']) expect((await toggle(server, acmeProducts[sku].id, true, ACME)).userErrors).toEqual([]);
  expect((await toggle(server, bluebirdProducts['BB-MUG-01'].id, true, BLUEBIRD)).userErrors).toEqual([]);
  for (const sku of ['NW-TENT-2P', 'NW-STOVE-1', 'NW-TENT-2P']) orderIds.acme.push(await order(ACME, acmeProducts[sku].id));
  orderIds.bluebird.push(await order(BLUEBIRD, bluebirdProducts['BB-MUG-01'].id));
}, 60_000);

afterAll(async () => {
  await server.stop();
});

describe('tenant scoping of SKU-keyed lookups (two merchants hold the same SKU)', () => {
  it('P2: each merchant reads its own fulfillment-center inventory for the shared SKU', async () => {
    expect(acmeProducts[SHARED_SKU]).toMatchObject({ fulfillableQuantity: 42, eligibleForPrime: true });
    expect(bluebirdProducts[SHARED_SKU]).toMatchObject({
      title: 'Bluebird tent',
      fulfillableQuantity: 0,
      eligibleForPrime: false,
      ineligibilityReasons: ['NO_FULFILLMENT_INVENTORY'],
    });
  });

  it('P2: Offer Prime on the shared SKU is refused for the merchant without inventory, whatever the other merchant holds', async () => {
    const refused = await toggle(server, bluebirdProducts[SHARED_SKU].id, true, BLUEBIRD);
    expect(refused.userErrors.map((error: any) => error.code)).toEqual(['PRODUCT_NOT_ELIGIBLE']);
    expect((await toggle(server, acmeProducts[SHARED_SKU].id, true, ACME)).userErrors).toEqual([]);
  });

  it('P2: the eligible filter and the summary count the shared SKU for its stocked merchant only', async () => {
    const eligibleSkus = async (token: string) =>
      (await server.gql('{ catalogProducts(first: 50, filter: { eligible: true }) { nodes { sku } } }', {}, token)).body.data.catalogProducts.nodes.map((p: any) => p.sku);
    const ineligibleSkus = async (token: string) =>
      (await server.gql('{ catalogProducts(first: 50, filter: { eligible: false }) { nodes { sku } } }', {}, token)).body.data.catalogProducts.nodes.map((p: any) => p.sku);
    expect(await eligibleSkus(BLUEBIRD)).toEqual(['BB-MUG-01']);
    expect(await ineligibleSkus(BLUEBIRD)).toEqual(['BB-TOWEL-SET', SHARED_SKU]);
    expect(await eligibleSkus(ACME)).toEqual(['NW-BAG-20F', 'NW-MUG-TI', 'NW-STOVE-1', 'NW-TENT-2P']);
  });

  it('O1: an order for the shared SKU is refused for the merchant without inventory', async () => {
    await server.gql('mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }', {}, BLUEBIRD);
    const { body } = await server.gql(PLACE_ORDER, { input: { lines: [{ productId: bluebirdProducts[SHARED_SKU].id, quantity: 1 }] } }, BLUEBIRD);
    expect(body.data.sandboxPlaceOrder.userErrors.map((error: any) => error.code)).toEqual(['PRODUCT_NOT_OFFERING_PRIME']);
    expect((await toggle(server, bluebirdProducts['BB-MUG-01'].id, true, BLUEBIRD)).userErrors).toEqual([]);
  });
});

describe('tenant scoping of the fields that take no ID', () => {
  it('catalogSummary counts the signed-in merchant\'s products only', async () => {
    const summary = async (token: string) => (await server.gql('{ catalogSummary { productCount eligibleCount offeringPrimeCount } }', {}, token)).body.data.catalogSummary;
    expect(await summary(ACME)).toEqual({ productCount: 6, eligibleCount: 4, offeringPrimeCount: 2 });
    expect(await summary(BLUEBIRD)).toEqual({ productCount: 3, eligibleCount: 1, offeringPrimeCount: 1 });
  });

  it('catalogProducts lists and counts the signed-in merchant\'s products only', async () => {
    const { body } = await server.gql('{ catalogProducts(first: 50) { totalCount nodes { id } } }', {}, BLUEBIRD);
    expect(body.data.catalogProducts.totalCount).toBe(3);
    expect(body.data.catalogProducts.nodes.map((p: any) => p.id).sort()).toEqual(Object.values(bluebirdProducts).map((p: any) => p.id).sort());
  });

  it('O2: orders lists and counts the signed-in merchant\'s orders only, with every filter', async () => {
    for (const [token, merchant] of [[ACME, 'acme'], [BLUEBIRD, 'bluebird']] as const) {
      for (const filter of [{}, { insideReturnWindow: true }, { states: ['PLACED'] }]) {
        const { body } = await server.gql('query($filter: OrderFilter) { orders(first: 50, filter: $filter) { totalCount nodes { id lines { product { id } } } } }', { filter }, token);
        const expected = [...orderIds[merchant]].sort();
        expect({ merchant, filter, count: body.data.orders.totalCount, ids: body.data.orders.nodes.map((o: any) => o.id).sort() }).toEqual({ merchant, filter, count: expected.length, ids: expected });
        const own = new Set(Object.values(merchant === 'acme' ? acmeProducts : bluebirdProducts).map((p: any) => p.id));
        expect(body.data.orders.nodes.flatMap((o: any) => o.lines.map((line: any) => own.has(line.product.id)))).not.toContain(false);
      }
    }
  });

  it('U7: the link\'s timeline holds the signed-in merchant\'s entries only', async () => {
    for (const [token, account] of [[ACME, 'A1NORTHWINDPRO'], [BLUEBIRD, 'A2BLUEBIRDPRO']] as const) {
      const { body } = await server.gql('{ sellerCentralLink { timeline(first: 50) { nodes { kind message actor { displayName } } } } }', {}, token);
      const entries = body.data.sellerCentralLink.timeline.nodes;
      const linked = entries.filter((entry: any) => entry.kind === 'LINKED');
      expect(linked).toHaveLength(1);
      expect(linked[0].message).toContain(account);
      expect(entries.filter((entry: any) => entry.kind === 'CONSENT_RECORDED')).toHaveLength(1);
      expect(entries.map((entry: any) => entry.actor?.displayName).filter(Boolean)).toEqual(
        expect.arrayContaining([token === ACME ? 'Olivia Owner' : 'Bea Owner']),
      );
      expect(entries.map((entry: any) => entry.actor?.displayName).filter(Boolean)).not.toContain(token === ACME ? 'Bea Owner' : 'Olivia Owner');
    }
  });

  it('U3: unlinkRequest answers with the signed-in merchant\'s request only, and waits on its own orders only', async () => {
    const UNLINK = '{ unlinkRequest { id reason waitingFor { orderCount } waitingOrders(first: 50) { totalCount nodes { id } } } }';
    await server.gql('mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }', {}, ACME);
    const requested = await server.gql('mutation { requestUnlink(input: { reason: "Acme leaves" }) { unlinkRequest { id } userErrors { code } } }', {}, ACME);
    expect(requested.body.data.requestUnlink.userErrors).toEqual([]);

    const asBluebird = await server.gql(UNLINK, {}, BLUEBIRD);
    // Null because Bluebird has no request, not because the lookup failed: an error would read as null too.
    expect(asBluebird.body.errors).toBeUndefined();
    expect(asBluebird.body.data.unlinkRequest).toBeNull();
    const acme = (await server.gql(UNLINK, {}, ACME)).body.data.unlinkRequest;
    expect(acme).toMatchObject({ id: requested.body.data.requestUnlink.unlinkRequest.id, reason: 'Acme leaves', waitingFor: { orderCount: 3 } });
    expect(acme.waitingOrders.nodes.map((o: any) => o.id).sort()).toEqual([...orderIds.acme].sort());

    await server.gql('mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }', {}, BLUEBIRD);
    await server.gql('mutation { requestUnlink(input: { reason: "Bluebird leaves" }) { userErrors { code } } }', {}, BLUEBIRD);
    expect((await server.gql(UNLINK, {}, ACME)).body.data.unlinkRequest).toMatchObject({ reason: 'Acme leaves', waitingFor: { orderCount: 3 } });
    const bluebird = (await server.gql(UNLINK, {}, BLUEBIRD)).body.data.unlinkRequest;
    expect(bluebird).toMatchObject({ reason: 'Bluebird leaves', waitingFor: { orderCount: 1 }, waitingOrders: { totalCount: 1 } });
    expect(bluebird.waitingOrders.nodes.map((o: any) => o.id)).toEqual(orderIds.bluebird);
  });
});
