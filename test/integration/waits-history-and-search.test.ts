import { link, onboard, placeOrder, productsBySku, sendOrderEvent, toggle } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * What the console shows that the first mutation run found unpinned: the estimate flag of an unlink's
 * wait, an empty state filter, which unlink request belongs to which link in the history, the timeline's
 * room for a message, and the catalog search's case and columns.
 */

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.stop();
});

const DAY = 86_400;
const TURN_ALL_OFF = 'mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }';
const REQUEST = 'mutation($reason: String!) { requestUnlink(input: { reason: $reason }) { unlinkRequest { id } userErrors { code } } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawUnlinkRequest(input: { unlinkRequestId: $id }) { userErrors { code } } }';

async function requestUnlink(reason: string): Promise<string> {
  const { body } = await server.gql(REQUEST, { reason });
  expect(body.data.requestUnlink.userErrors).toEqual([]);
  return body.data.requestUnlink.unlinkRequest.id;
}

describe('U3: what an unlink waits for', () => {
  it('U3, O3: every order delivered but one with a return in progress: the wait is only an estimate', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    await toggle(server, products['NW-TENT-2P'].id, true);
    const kept = (await placeOrder(server, [products['NW-TENT-2P'].id])).order;
    const returned = (await placeOrder(server, [products['NW-TENT-2P'].id])).order;
    for (const order of [kept, returned]) await sendOrderEvent(server, order.id, 'PACKAGE_DELIVERED');
    await server.gql(TURN_ALL_OFF);
    await requestUnlink('Closing the shop');
    const WAIT = '{ unlinkRequest { waitingFor { orderCount earliestUnlinkAt isEstimate } } }';
    const windowEnd = new Date(server.clock.now().getTime() + 30 * DAY * 1000).toISOString();

    expect((await server.gql(WAIT)).body.data.unlinkRequest.waitingFor).toEqual({ orderCount: 2, earliestUnlinkAt: windowEnd, isEstimate: false });
    expect((await sendOrderEvent(server, returned.id, 'RETURN_STARTED')).userErrors).toEqual([]);
    expect((await server.gql(WAIT)).body.data.unlinkRequest.waitingFor).toEqual({ orderCount: 2, earliestUnlinkAt: windowEnd, isEstimate: true });
  });
});

describe('O2: the orders page', () => {
  it('O2: an empty list of states filters nothing out (as no state filter)', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    await toggle(server, products['NW-TENT-2P'].id, true);
    const placed = (await placeOrder(server, [products['NW-TENT-2P'].id])).order;
    const shipped = (await placeOrder(server, [products['NW-TENT-2P'].id])).order;
    await sendOrderEvent(server, shipped.id, 'PACKAGE_SHIPPED');
    const ORDERS = 'query($filter: OrderFilter) { orders(first: 10, filter: $filter) { totalCount nodes { id } } }';
    for (const filter of [{ states: [] }, { states: null }, {}]) {
      const { body } = await server.gql(ORDERS, { filter });
      expect({ filter, orders: body.data.orders }).toEqual({ filter, orders: { totalCount: 2, nodes: [{ id: shipped.id }, { id: placed.id }] } });
    }
    const { body } = await server.gql(ORDERS, { filter: { states: ['SHIPPED'] } });
    expect(body.data.orders).toEqual({ totalCount: 1, nodes: [{ id: shipped.id }] });
  });
});

describe('U4, U6: which unlink request belongs to which link', () => {
  const HISTORY = '{ viewer { merchant { sellerCentralLinks(first: 10) { nodes { state store { id } unlinkRequest { state reason } } } } } }';

  it('U4: asked again after a withdrawal, the link and the unlinkRequest field show the new request, not the withdrawn one', async () => {
    await onboard(server);
    const first = await requestUnlink('first thoughts');
    expect((await server.gql(WITHDRAW, { id: first })).body.data.withdrawUnlinkRequest.userErrors).toEqual([]);
    await requestUnlink('second thoughts');
    const { body } = await server.gql('{ sellerCentralLink { state unlinkRequest { state reason } } }');
    expect(body.data.sellerCentralLink).toEqual({ state: 'UNLINK_REQUESTED', unlinkRequest: { state: 'WAITING', reason: 'second thoughts' } });
    const latest = await server.gql('{ unlinkRequest { state reason } }');
    expect(latest.body.data.unlinkRequest).toEqual({ state: 'WAITING', reason: 'second thoughts' });
    const history = (await server.gql(HISTORY)).body.data.viewer.merchant.sellerCentralLinks.nodes;
    expect(history).toEqual([{ state: 'UNLINK_REQUESTED', store: { id: 'STORE-NW-US' }, unlinkRequest: { state: 'WAITING', reason: 'second thoughts' } }]);
  });

  it('U6: after an unlink and a new link, each link in the history shows its own request (the new one has none)', async () => {
    await onboard(server, 'A1NORTHWINDPRO', 'STORE-NW-OUTLET');
    await requestUnlink('wrong store');
    await server.app.unlinking.advance();
    server.clock.advanceSeconds(72 * 3600);
    await server.app.unlinking.advance();
    expect((await server.gql('{ sellerCentralLink { id } }')).body.data.sellerCentralLink).toBeNull();
    expect((await link(server, 'A1NORTHWINDPRO', 'STORE-NW-US')).userErrors).toEqual([]);

    const history = (await server.gql(HISTORY)).body.data.viewer.merchant.sellerCentralLinks.nodes;
    expect(history).toEqual([
      { state: 'LINKED', store: { id: 'STORE-NW-US' }, unlinkRequest: null },
      { state: 'UNLINKED', store: { id: 'STORE-NW-OUTLET' }, unlinkRequest: { state: 'COMPLETED', reason: 'wrong store' } },
    ]);
  });
});

describe('U7: a timeline entry\'s room', () => {
  // "Asked merchant support to unlink (case CASE-XXXXXXXXXX): "<reason>"." is 60 characters around the reason.
  const AROUND_REASON = 60;
  const lastMessage = async () => (await server.gql('{ sellerCentralLink { timeline(first: 50) { nodes { message } } } }')).body.data.sellerCentralLink.timeline.nodes.at(-1).message;

  it('U7: a message of exactly 1000 characters is kept whole; one of 1001 is cut to 1000, ending with an ellipsis', async () => {
    await onboard(server);
    const fits = 'f'.repeat(1000 - AROUND_REASON);
    const id = await requestUnlink(fits);
    const whole = await lastMessage();
    expect(whole).toHaveLength(1000);
    expect(whole.endsWith(`${fits}".`)).toBe(true);

    expect((await server.gql(WITHDRAW, { id })).body.data.withdrawUnlinkRequest.userErrors).toEqual([]);
    const over = 'o'.repeat(1001 - AROUND_REASON);
    await requestUnlink(over);
    const cut = await lastMessage();
    expect(cut).toHaveLength(1000);
    expect(cut.endsWith(`"${over}…`)).toBe(true); // the closing quote and full stop gave way to the ellipsis
  });
});

describe('P1: the catalog search', () => {
  const SEARCH = 'query($search: String) { catalogProducts(first: 50, filter: { search: $search }) { nodes { sku } } }';
  const skus = async (search: string) =>
    (await server.gql(SEARCH, { search }, 'demo-bluebird-owner')).body.data.catalogProducts.nodes.map((product: any) => product.sku);

  it('P1: the search matches the SKU or the title, case-insensitively, accented letters included', async () => {
    const upsert = await server.gql(
      'mutation { sandboxUpsertListing(input: { sellerAccountId: "A2BLUEBIRDPRO", sellerSku: "BB-BOWL-02", asin: "B0BBBOWL02", title: "Café au lait bowl", priceCents: 2200, fulfillableQuantity: 5 }) { userErrors { code } } }',
    );
    expect(upsert.body.data.sandboxUpsertListing.userErrors).toEqual([]);
    await onboard(server, 'A2BLUEBIRDPRO', 'STORE-BB-US', 'demo-bluebird-owner');

    expect(await skus('bb-mug')).toEqual(['BB-MUG-01']); // the SKU only: the title is "Stoneware mug"
    expect(await skus('STONEWARE')).toEqual(['BB-MUG-01']); // the title only
    expect(await skus('CAFÉ')).toEqual(['BB-BOWL-02']);
    expect(await skus('Café AU')).toEqual(['BB-BOWL-02']);
    expect(await skus('bowl-02')).toEqual(['BB-BOWL-02']);
  });
});
