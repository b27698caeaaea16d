import { BwpOrder, BwpOrderEvent } from '../../src/orders/order.entity';
import { onboard, placeOrder, productsBySku, toggle } from '../support/linking-flow';
import { onPostgres } from '../support/test-database';
import { startTestServer, TestServer } from '../support/test-server';
import { orderEvent, postWebhook } from '../support/webhook';

let server: TestServer;
let order: { id: string; externalId: string };

beforeEach(async () => {
  server = await startTestServer();
  await onboard(server);
  const products = await productsBySku(server);
  await toggle(server, products['NW-TENT-2P'].id, true);
  order = (await placeOrder(server, [products['NW-TENT-2P'].id])).order;
});

afterEach(async () => {
  await server.stop();
});

const ORDERS = `{ orders(first: 10) { nodes { state placedAt shippedAt deliveredAt returnWindowEndsAt insideReturnWindow openReason } } }`;

async function stored() {
  const manager = server.app.dataSource.manager;
  return { events: await manager.count(BwpOrderEvent), order: await manager.findOneByOrFail(BwpOrder, { externalId: order.externalId }) };
}

describe('O4: upstream time is bounded', () => {
  it('O4: an event dated beyond the webhook tolerance in the future is refused with 400 and a reason; nothing is stored', async () => {
    const before = await stored();
    const tolerance = server.app.config.webhookToleranceSeconds;
    const future = new Date(server.clock.now().getTime() + (tolerance + 1) * 1000);
    const { status, body } = await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_DELIVERED', future));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'EVENT_TIME_OUT_OF_RANGE', reason: 'IN_THE_FUTURE', message: expect.stringContaining(`${tolerance} seconds`) });
    expect(await stored()).toEqual(before);
  });

  it('O4: within the tolerance, a clock slightly ahead is accepted', async () => {
    const ahead = new Date(server.clock.now().getTime() + 60_000);
    const { status, body } = await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_SHIPPED', ahead));
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'APPLIED' });
  });

  it.each([
    ['1970', new Date(0)],
    ['a second before the order was placed', null],
  ])('O4, U3: an event dated before the order was placed (%s) is refused; the return window does not close', async (_name, date) => {
    const before = await stored();
    const eventTime = date ?? new Date(before.order.placedAt.getTime() - 1000);
    const { status, body } = await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_DELIVERED', eventTime));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'EVENT_TIME_OUT_OF_RANGE', reason: 'BEFORE_ORDER_PLACED', message: expect.stringContaining(before.order.placedAt.toISOString()) });
    expect(await stored()).toEqual(before);
    expect((await server.gql(ORDERS)).body.data.orders.nodes[0]).toMatchObject({ state: 'PLACED', insideReturnWindow: true });
  });

  it('O4: year +275760 (the largest date JavaScript knows) is refused', async () => {
    const text = JSON.stringify({ ...orderEvent(order.externalId, 'PACKAGE_DELIVERED', new Date()), eventTime: '+275760-09-13T00:00:00.000Z' });
    const { status, body } = await postWebhook(server, null, { rawBody: text });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'EVENT_TIME_OUT_OF_RANGE', reason: 'IN_THE_FUTURE' });
  });

  it('the orders page never fails on a stored date (stored before these checks): out of ISO range is clamped, unreadable is null', async () => {
    const far = new Date(8.64e15);
    await server.app.dataSource.manager.update(BwpOrder, { externalId: order.externalId }, { state: 'DELIVERED' as BwpOrder['state'], shippedAt: far, deliveredAt: far, returnWindowEndsAt: far });
    if (!onPostgres) await server.app.dataSource.query(`UPDATE bwp_order SET return_window_ends_at = '0NaN-aN-aN aN:aN:aN.NaN'`);
    const { status, body } = await server.gql(ORDERS);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const [node] = body.data.orders.nodes;
    // SQLite keeps four digits of a year (+275760 reads back as 5760); PostgreSQL keeps it all, and the driver reads it
    // back as an Invalid Date: unreadable, so null.
    expect(node.deliveredAt).toBe(onPostgres ? null : '5760-09-13T00:00:00.000Z');
    expect(node.returnWindowEndsAt).toBeNull();
  });


});
