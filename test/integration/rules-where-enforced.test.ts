import { SandboxStore } from '../../src/seller-central/sandbox/sandbox.entities';
import { CURRENT_LINK, onboard, PLACE_ORDER, placeOrder, productsBySku, REVERIFY, sendOrderEvent, toggle, upsertListing as upsertSandboxListing } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/** Rules checked where they are enforced, through the public API: the gaps mutation testing found. */

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.stop();
});

const RESYNC = 'mutation { resyncCatalog(input: {}) { summary { vanished offerPrimeTurnedOff } userErrors { code message } } }';
const REMOVE_STORE = `mutation($input: SandboxRemoveStoreInput!) {
  sandboxRemoveStore(input: $input) { account { id stores { id } } userErrors { code } }
}`;
const SUMMARY = '{ catalogSummary { eligibleCount offeringPrimeCount } }';

async function upsertListing(sku: string, fulfillableQuantity: number, sellerAccountId = 'A1NORTHWINDPRO') {
  expect(await upsertSandboxListing(server, sku, fulfillableQuantity, sellerAccountId)).toEqual([]);
}

async function orderCodes(productId: string): Promise<string[]> {
  const { body } = await server.gql(PLACE_ORDER, { input: { lines: [{ productId, quantity: 1 }] } });
  return body.data.sandboxPlaceOrder.userErrors.map((error: any) => error.code);
}

async function linkState(): Promise<string | null> {
  return (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink?.state ?? null;
}

describe('O1 after the product stopped qualifying', () => {
  it('O1: an order is refused for a product whose fulfillment-center inventory ran out after Offer Prime went on (the toggle stays on)', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    expect((await toggle(server, products['NW-TENT-2P'].id, true)).userErrors).toEqual([]);
    expect(await orderCodes(products['NW-TENT-2P'].id)).toEqual([]);

    await upsertListing('NW-TENT-2P', 0);
    expect((await server.gql(RESYNC)).body.data.resyncCatalog.userErrors).toEqual([]);
    expect((await productsBySku(server))['NW-TENT-2P']).toMatchObject({ offerPrime: true, fulfillableQuantity: 0, buyability: 'NOT_BUYABLE' });
    const { body } = await server.gql(PLACE_ORDER, { input: { lines: [{ productId: products['NW-TENT-2P'].id, quantity: 1 }] } });
    expect(body.data.sandboxPlaceOrder).toMatchObject({
      order: null,
      userErrors: [{ code: 'PRODUCT_NOT_ELIGIBLE', field: ['input', 'lines', '0'], message: expect.stringContaining('NO_FULFILLMENT_INVENTORY') }],
    });
  });

  it('O1: an order is refused for a product whose listing vanished after Offer Prime went on', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    expect((await toggle(server, products['NW-STOVE-1'].id, true)).userErrors).toEqual([]);
    await server.gql('mutation { sandboxRemoveListing(input: { sellerAccountId: "A1NORTHWINDPRO", sellerSku: "NW-STOVE-1" }) { userErrors { code } } }');
    expect((await server.gql(RESYNC)).body.data.resyncCatalog.summary).toEqual({ vanished: 1, offerPrimeTurnedOff: 1 });
    expect(await orderCodes(products['NW-STOVE-1'].id)).toEqual(['PRODUCT_NOT_OFFERING_PRIME']);
    expect((await toggle(server, products['NW-STOVE-1'].id, true)).userErrors.map((error: any) => error.code)).toEqual(['PRODUCT_NOT_ELIGIBLE']);
  });
});

describe('L8 when the linked store leaves the account', () => {
  it('L8, L5: a store that leaves the account puts its link in need of attention, and re-verification is refused until the merchant relinks', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    expect((await toggle(server, products['NW-TENT-2P'].id, true)).userErrors).toEqual([]);
    const removedAt = server.clock.now().toISOString();
    const removed = await server.gql(REMOVE_STORE, { input: { sellerAccountId: 'A1NORTHWINDPRO', storeId: 'STORE-NW-US' } });
    expect(removed.body.data.sandboxRemoveStore).toEqual({ account: { id: 'A1NORTHWINDPRO', stores: [{ id: 'STORE-NW-OUTLET' }] }, userErrors: [] });

    const current = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink;
    expect(current).toMatchObject({
      state: 'NEEDS_ATTENTION',
      active: false,
      attention: { code: 'STORE_NOT_IN_ACCOUNT', remedy: expect.stringContaining('store picker'), since: removedAt },
    });
    expect((await toggle(server, products['NW-STOVE-1'].id, true)).userErrors.map((error: any) => error.code)).toEqual(['LINK_NEEDS_ATTENTION']);
    expect(await orderCodes(products['NW-TENT-2P'].id)).toEqual(['LINK_NEEDS_ATTENTION']);

    const { body } = await server.gql(REVERIFY, { input: { linkId: current.id } });
    expect(body.data.reverifySellerCentralLink.userErrors.map((error: any) => error.code)).toEqual(['STORE_NOT_IN_ACCOUNT']);
    expect(await linkState()).toBe('NEEDS_ATTENTION');
  });

  it('L8: another store of the same account leaving does not touch the link', async () => {
    await onboard(server);
    await server.gql(REMOVE_STORE, { input: { sellerAccountId: 'A1NORTHWINDPRO', storeId: 'STORE-NW-OUTLET' } });
    expect((await server.gql(CURRENT_LINK)).body.data.sellerCentralLink).toMatchObject({ state: 'LINKED', attention: null });
  });

  it('L8: re-verifying a linked link whose store left (before Seller Central said so) finds the store missing and marks it', async () => {
    await onboard(server);
    const current = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink;
    await server.app.dataSource.manager.delete(SandboxStore, { id: 'STORE-NW-US' });
    const { body } = await server.gql(REVERIFY, { input: { linkId: current.id } });
    expect(body.data.reverifySellerCentralLink).toMatchObject({ link: { state: 'NEEDS_ATTENTION', attention: { code: 'STORE_NOT_IN_ACCOUNT' } }, userErrors: [] });
  });
});

describe('U1: the refusal names the products and counts all of them', () => {
  it('U1: with twelve products offering Prime, the refusal counts twelve, names the first ten by SKU and says how many more', async () => {
    const extra = Array.from({ length: 8 }, (_, index) => `NW-EXTRA-${String(index).padStart(2, '0')}`);
    for (const sku of extra) await upsertListing(sku, 3);
    await onboard(server);
    const products = await productsBySku(server);
    const eligible = Object.values(products).filter((product: any) => product.eligibleForPrime);
    expect(eligible).toHaveLength(12);
    for (const product of eligible) expect((await toggle(server, product.id, true)).userErrors).toEqual([]);

    const { body } = await server.gql('mutation { requestUnlink(input: { reason: "many" }) { unlinkRequest { id } userErrors { code message } } }');
    const skus = eligible.map((product: any) => product.sku).sort();
    expect(body.data.requestUnlink).toEqual({
      unlinkRequest: null,
      userErrors: [{ code: 'UNLINK_BLOCKED_BY_OFFER_PRIME', message: `12 product(s) still offer Prime: ${skus.slice(0, 10).join(', ')} and 2 more.` }],
    });
  });

  it('U1: with exactly ten products offering Prime, the refusal names all ten and no "more"', async () => {
    const extra = Array.from({ length: 6 }, (_, index) => `NW-EXTRA-${String(index).padStart(2, '0')}`);
    for (const sku of extra) await upsertListing(sku, 3);
    await onboard(server);
    const eligible = Object.values(await productsBySku(server)).filter((product: any) => product.eligibleForPrime);
    expect(eligible).toHaveLength(10);
    for (const product of eligible) await toggle(server, product.id, true);
    const { body } = await server.gql('mutation { requestUnlink(input: { reason: "ten" }) { userErrors { message } } }');
    expect(body.data.requestUnlink.userErrors).toEqual([{ message: `10 product(s) still offer Prime: ${eligible.map((product: any) => product.sku).sort().join(', ')}.` }]);
  });
});

describe('L1, U5: re-sync needs a link that is not being unlinked', () => {
  it('L1: without a link there is nothing to re-sync', async () => {
    expect((await server.gql(RESYNC)).body.data.resyncCatalog.userErrors.map((error: any) => error.code)).toEqual(['LINK_NOT_ACTIVE']);
  });

  it('L1, U5: re-sync is refused once unlinking has begun, and changes nothing', async () => {
    await onboard(server);
    await server.gql('mutation { requestUnlink(input: { reason: "done" }) { userErrors { code } } }');
    await server.app.unlinking.advance();
    expect(await linkState()).toBe('UNLINKING');
    await upsertListing('NW-NEW-AFTER', 5);
    const before = (await server.gql('{ catalogProducts(first: 50) { totalCount } }')).body.data.catalogProducts.totalCount;
    expect((await server.gql(RESYNC)).body.data.resyncCatalog.userErrors.map((error: any) => error.code)).toEqual(['UNLINK_IN_PROGRESS']);
    expect((await server.gql('{ catalogProducts(first: 50) { totalCount } }')).body.data.catalogProducts.totalCount).toBe(before);
  });
});

describe('L1, L8, U4, U5 where they are enforced: Offer Prime, orders and the eligible count in every link state', () => {
  it('L1, L8, U4, U5: only a LINKED link lets a toggle go on, an order be placed and a product count as eligible', async () => {
    const expectRefused = async (rule: string, code: string, productId: string) => {
      expect({ rule, toggle: (await toggle(server, productId, true)).userErrors.map((error: any) => error.code) }).toEqual({ rule, toggle: [code] });
      expect({ rule, order: await orderCodes(productId) }).toEqual({ rule, order: [code] });
      expect({ rule, summary: (await server.gql(SUMMARY)).body.data.catalogSummary.eligibleCount }).toEqual({ rule, summary: 0 });
      expect({ rule, toggleOff: (await toggle(server, productId, false)).userErrors }).toEqual({ rule, toggleOff: [] });
    };

    await onboard(server);
    const products = await productsBySku(server);
    const tent = products['NW-TENT-2P'].id;
    expect((await server.gql(SUMMARY)).body.data.catalogSummary.eligibleCount).toBe(4);

    await server.gql('mutation { sandboxUpdateSellerAccount(input: { sellerAccountId: "A1NORTHWINDPRO", plan: INDIVIDUAL }) { userErrors { code } } }');
    expect(await linkState()).toBe('NEEDS_ATTENTION');
    await expectRefused('L8', 'LINK_NEEDS_ATTENTION', tent);
    await server.gql('mutation { sandboxUpdateSellerAccount(input: { sellerAccountId: "A1NORTHWINDPRO", plan: PROFESSIONAL }) { userErrors { code } } }');
    const linkId = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink.id;
    await server.gql(REVERIFY, { input: { linkId } });
    expect(await linkState()).toBe('LINKED');

    expect((await toggle(server, tent, true)).userErrors).toEqual([]);
    const placed = await placeOrder(server, [tent]);
    expect(placed.userErrors).toEqual([]);
    await server.gql('mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }');
    await server.gql('mutation { requestUnlink(input: { reason: "states" }) { userErrors { code } } }');
    expect(await linkState()).toBe('UNLINK_REQUESTED');
    await expectRefused('U4', 'UNLINK_IN_PROGRESS', tent);

    await sendOrderEvent(server, placed.order.id, 'ORDER_CANCELLED');
    await server.app.unlinking.advance();
    expect(await linkState()).toBe('UNLINKING');
    await expectRefused('U5', 'UNLINK_IN_PROGRESS', tent);

    server.clock.advanceSeconds(72 * 3600);
    await server.app.unlinking.advance();
    expect(await linkState()).toBeNull();
    await expectRefused('L1', 'LINK_NOT_ACTIVE', tent);
  });
});
