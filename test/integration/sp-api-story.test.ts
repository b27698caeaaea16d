import { SpApiCredential, SpApiNotificationSubscription } from '../../src/seller-central/sp-api/sp-api.entities';
import { FakeSellerCentral } from '../support/fake-seller-central';
import { CURRENT_LINK, placeOrder, productsBySku, sendOrderEvent, toggle } from '../support/linking-flow';
import { linkOverRedirect, SpApiTestServer, startSpApiServer } from '../support/sp-api-flow';

let fake: FakeSellerCentral;
let server: SpApiTestServer;

beforeEach(async () => {
  fake = await FakeSellerCentral.start();
  server = await startSpApiServer(fake);
});

afterEach(async () => {
  await server.stop();
  await fake.stop();
});

const DAY = 86_400;
const REQUEST = `mutation($input: RequestUnlinkInput!) { requestUnlink(input: $input) { unlinkRequest { id state } userErrors { code } } }`;
const TURN_ALL_OFF = `mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount userErrors { code } } }`;

async function onboardOverSpApi(sellerId = 'A1NORTHWINDSP') {
  const { console } = await linkOverRedirect(server, fake, sellerId);
  expect(console.searchParams.get('sellerCentralLink')).toBe('LINKED');
  await server.app.onboarding.runDue();
  server.clock.advanceSeconds(120);
  await server.app.onboarding.runDue();
}

async function linkState() {
  return (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink?.state ?? null;
}

describe('the help page\'s whole story over SP-API', () => {
  it('L1-L8, P1-P4, O1-O3, U1-U7: link through Seller Central\'s consent page, import, offer Prime, take an order, turn everything off, unlink after the return window (the refresh token goes with the link), relink', async () => {
    await onboardOverSpApi();
    const products = await productsBySku(server);
    expect(products['NW-SKU-002']).toMatchObject({ eligibleForPrime: true, fulfillableQuantity: 20 });
    expect(products['NW-SKU-005']).toMatchObject({ eligibleForPrime: false });
    expect((await toggle(server, products['NW-SKU-005'].id, true)).userErrors[0].code).toBe('PRODUCT_NOT_ELIGIBLE');
    expect((await toggle(server, products['NW-SKU-002'].id, true)).userErrors).toEqual([]);

    const order = (await placeOrder(server, [products['NW-SKU-002'].id])).order;
    await sendOrderEvent(server, order.id, 'PACKAGE_SHIPPED');
    await sendOrderEvent(server, order.id, 'PACKAGE_DELIVERED');

    expect((await server.gql(REQUEST, { input: { reason: 'Moving on' } })).body.data.requestUnlink.userErrors[0].code).toBe('UNLINK_BLOCKED_BY_OFFER_PRIME');
    expect((await server.gql(TURN_ALL_OFF)).body.data.turnOffOfferPrimeForAllProducts.turnedOffCount).toBe(1);
    expect((await server.gql(REQUEST, { input: { reason: 'Moving on' } })).body.data.requestUnlink.userErrors).toEqual([]);
    await server.app.unlinking.advance();
    expect(await linkState()).toBe('UNLINK_REQUESTED');

    server.clock.advanceSeconds(31 * DAY);
    await server.app.unlinking.advance();
    expect(await linkState()).toBe('UNLINKING');
    expect(await server.app.dataSource.manager.count(SpApiCredential)).toBe(1);
    server.clock.advanceSeconds(72 * 3600);
    await server.app.unlinking.advance();
    expect(await linkState()).toBeNull();
    // U6 and the secret: the unlinked link's refresh token is deleted with it.
    expect(await server.app.dataSource.manager.count(SpApiCredential)).toBe(0);

    await onboardOverSpApi();
    expect(await linkState()).toBe('LINKED');
    expect(await server.app.dataSource.manager.count(SpApiCredential)).toBe(1);
    // L8: the seller's ACCOUNT_STATUS_CHANGED subscription outlives the unlink and serves the relink.
    expect(fake.apiRequests('/notifications/v1/subscriptions/').map((request) => request.method)).toEqual(['POST']);
    expect(await server.app.dataSource.manager.count(SpApiNotificationSubscription)).toBe(1);
    expect((await toggle(server, products['NW-SKU-002'].id, true)).userErrors).toEqual([]);
    const { body } = await server.gql(`{ viewer { merchant { sellerCentralLinks { nodes { state store { id name } } } } } }`);
    expect(body.data.viewer.merchant.sellerCentralLinks.nodes).toEqual([
      { state: 'LINKED', store: { id: 'ATVPDKIKX0DER', name: 'Northwind Outfitters' } },
      { state: 'UNLINKED', store: { id: 'ATVPDKIKX0DER', name: 'Northwind Outfitters' } },
    ]);
  });
});
