import { onboard, placeOrder, productsBySku, sendOrderEvent, toggle } from '../support/linking-flow';
import { onPostgres } from '../support/test-database';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * O2 and U3 with a return window other than the default (RETURN_WINDOW_DAYS=7), and at the exact
 * instant it ends: the TypeScript rule (an order's own fields) and the SQL filters (the orders page,
 * what an unlink waits for) must agree on both sides of the boundary. Runs on SQLite and, in
 * `npm run test:postgres`, on PostgreSQL.
 */
const WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;
const database = onPostgres ? 'PostgreSQL' : 'SQLite';

const ORDER = `query($filter: OrderFilter) {
  orders(first: 10, filter: $filter) { totalCount nodes { id state deliveredAt returnWindowEndsAt insideReturnWindow openReason } }
}`;
const WAITING = '{ unlinkRequest { state waitingFor { orderCount earliestUnlinkAt isEstimate } waitingOrders(first: 10) { totalCount } } }';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer({ returnWindowDays: WINDOW_DAYS });
});

afterEach(async () => {
  await server.stop();
});

async function orderedProduct(): Promise<string> {
  await onboard(server);
  const products = await productsBySku(server);
  expect((await toggle(server, products['NW-TENT-2P'].id, true)).userErrors).toEqual([]);
  const { order, userErrors } = await placeOrder(server, [products['NW-TENT-2P'].id]);
  expect(userErrors).toEqual([]);
  return order.id;
}

async function ordersWith(filter: Record<string, unknown> = {}) {
  return (await server.gql(ORDER, { filter })).body.data.orders;
}

async function requestUnlink() {
  await server.gql('mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }');
  const { body } = await server.gql('mutation { requestUnlink(input: { reason: "boundary" }) { userErrors { code } } }');
  expect(body.data.requestUnlink.userErrors).toEqual([]);
}

describe(`O2, U3: RETURN_WINDOW_DAYS=${WINDOW_DAYS} at the window's last instant (${database})`, () => {
  it('O2: a delivered order\'s window ends RETURN_WINDOW_DAYS after delivery, not after the default 30', async () => {
    const orderId = await orderedProduct();
    server.clock.advanceSeconds(3600);
    const deliveredAt = server.clock.now();
    await sendOrderEvent(server, orderId, 'PACKAGE_DELIVERED');
    const [order] = (await ordersWith()).nodes;
    expect(order).toMatchObject({
      state: 'DELIVERED',
      deliveredAt: deliveredAt.toISOString(),
      returnWindowEndsAt: new Date(deliveredAt.getTime() + WINDOW_DAYS * DAY_MS).toISOString(),
    });
  });

  it('U3: an undelivered order holds an unlink for a full RETURN_WINDOW_DAYS window from now', async () => {
    await orderedProduct();
    await requestUnlink();
    const now = server.clock.now().getTime();
    expect((await server.gql(WAITING)).body.data.unlinkRequest.waitingFor).toEqual({
      orderCount: 1,
      earliestUnlinkAt: new Date(now + WINDOW_DAYS * DAY_MS).toISOString(),
      isEstimate: true,
    });
  });

  it('O2, U3: one millisecond before the end the order is inside its window everywhere; at the exact end it is outside everywhere', async () => {
    const orderId = await orderedProduct();
    await sendOrderEvent(server, orderId, 'PACKAGE_DELIVERED');
    const windowEnd = new Date(server.clock.now().getTime() + WINDOW_DAYS * DAY_MS);
    await requestUnlink();

    server.clock.advance(WINDOW_DAYS * DAY_MS - 1);
    expect((await ordersWith()).nodes[0]).toMatchObject({ insideReturnWindow: true, openReason: 'INSIDE_RETURN_WINDOW', returnWindowEndsAt: windowEnd.toISOString() });
    expect((await ordersWith({ insideReturnWindow: true })).totalCount).toBe(1);
    expect((await ordersWith({ insideReturnWindow: false })).totalCount).toBe(0);
    expect((await server.gql(WAITING)).body.data.unlinkRequest).toMatchObject({
      state: 'WAITING',
      waitingFor: { orderCount: 1, earliestUnlinkAt: windowEnd.toISOString(), isEstimate: false },
      waitingOrders: { totalCount: 1 },
    });
    await server.app.unlinking.advance();
    expect((await server.gql(WAITING)).body.data.unlinkRequest.state).toBe('WAITING');

    server.clock.advance(1);
    expect(server.clock.now().toISOString()).toBe(windowEnd.toISOString());
    expect((await ordersWith()).nodes[0]).toMatchObject({ insideReturnWindow: false, openReason: null });
    expect((await ordersWith({ insideReturnWindow: true })).totalCount).toBe(0);
    expect((await ordersWith({ insideReturnWindow: false })).totalCount).toBe(1);
    expect((await server.gql(WAITING)).body.data.unlinkRequest).toMatchObject({
      waitingFor: { orderCount: 0, earliestUnlinkAt: windowEnd.toISOString(), isEstimate: false },
      waitingOrders: { totalCount: 0 },
    });
    await server.app.unlinking.advance();
    expect((await server.gql(WAITING)).body.data.unlinkRequest.state).toBe('UNLINKING');
  });
});
