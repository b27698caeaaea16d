import { BwpOrder, BwpOrderEvent } from '../../src/orders/order.entity';
import { LinkState } from '../../src/linking/link-state';
import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { onboard, placeOrder, productsBySku, sendOrderEvent, toggle } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';
import { ACME_WEBHOOK_SECRET, BLUEBIRD_WEBHOOK_SECRET, orderEvent, postWebhook } from '../support/webhook';

let server: TestServer;
let products: Record<string, any>;

beforeEach(async () => {
  server = await startTestServer();
  await onboard(server);
  products = await productsBySku(server);
  for (const sku of ['NW-TENT-2P', 'NW-STOVE-1', 'NW-MUG-TI']) await toggle(server, products[sku].id, true);
});

afterEach(async () => {
  await server.stop();
});

const ORDERS = `query Orders($first: Int, $after: String, $filter: OrderFilter) {
  orders(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id externalId state placedAt deliveredAt returnWindowEndsAt insideReturnWindow openReason total { amount currencyCode }
      lines { sku quantity unitPrice { amount } returnable product { id sku title offerPrime } } }
  }
}`;

async function storedCounts() {
  const manager = server.app.dataSource.manager;
  return { orders: await manager.count(BwpOrder), events: await manager.count(BwpOrderEvent) };
}

describe('placing orders (O1)', () => {
  it('O1: a shopper orders products that offer Prime; the order has line items, a state and timestamps', async () => {
    const placed = await placeOrder(server, [products['NW-TENT-2P'].id, products['NW-STOVE-1'].id]);
    expect(placed).toMatchObject({ order: { state: 'PLACED', total: { amount: '238.00' } }, userErrors: [] });
    const { body } = await server.gql(ORDERS);
    expect(body.data.orders.nodes[0]).toMatchObject({
      state: 'PLACED',
      placedAt: '2026-03-02T09:02:00.000Z',
      insideReturnWindow: true,
      openReason: 'NOT_DELIVERED',
      lines: [
        { sku: 'NW-TENT-2P', quantity: 1, unitPrice: { amount: '189.00' }, returnable: true, product: { sku: 'NW-TENT-2P', offerPrime: true } },
        { sku: 'NW-STOVE-1', quantity: 1, unitPrice: { amount: '49.00' }, returnable: true, product: { sku: 'NW-STOVE-1' } },
      ],
    });
  });

  it('O1: an order for a product that does not offer Prime is refused, and nothing is stored', async () => {
    const before = await storedCounts();
    const refused = await placeOrder(server, [products['NW-TENT-2P'].id, products['NW-BAG-20F'].id]);
    expect(refused).toMatchObject({ order: null, userErrors: [{ code: 'PRODUCT_NOT_OFFERING_PRIME', field: ['input', 'lines', '1'] }] });
    expect(await storedCounts()).toEqual(before);
  });

  it.each([
    [LinkState.NEEDS_ATTENTION, 'LINK_NEEDS_ATTENTION'],
    [LinkState.UNLINKING, 'UNLINK_IN_PROGRESS'],
  ])('O1, U5: no order while the link is %s', async (state, code) => {
    await server.app.dataSource.manager.update(SellerCentralLink, { state: LinkState.LINKED }, { state });
    expect((await placeOrder(server, [products['NW-TENT-2P'].id])).userErrors).toEqual([expect.objectContaining({ code })]);
  });
});

describe('order events on the webhook (O4)', () => {
  let order: { id: string; externalId: string };

  beforeEach(async () => {
    order = (await placeOrder(server, [products['NW-TENT-2P'].id])).order;
  });

  it('O4: a signed event moves the order and is stored once', async () => {
    const response = await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_SHIPPED', server.clock.now()));
    expect(response).toEqual({ status: 200, body: { status: 'APPLIED', orderState: 'SHIPPED' } });
  });

  it.each([
    ['a wrong signature', { signature: 'v1=deadbeef' }, 'SIGNATURE_INVALID'],
    ['another secret', { secret: 'not-the-shared-secret' }, 'SIGNATURE_INVALID'],
    ['a stale timestamp', { timestamp: Math.floor(new Date('2026-03-02T08:00:00Z').getTime() / 1000) }, 'SIGNATURE_STALE'],
  ])('O4: %s gets 401 and stores nothing', async (_case, options, error) => {
    const before = await storedCounts();
    const response = await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_SHIPPED', server.clock.now()), options);
    expect(response).toEqual({ status: 401, body: { error } });
    expect(await storedCounts()).toEqual(before);
  });

  it('O4: a failure inside the server answers a bare 500, without internals; the sender retries', async () => {
    const spy = jest.spyOn(server.app.dataSource, 'transaction').mockRejectedValueOnce(new Error('relation "bwp_order" is locked by pid 4242'));
    const response = await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_SHIPPED', server.clock.now()));
    spy.mockRestore();
    expect(response).toEqual({ status: 500, body: { error: 'INTERNAL_ERROR' } });
  });

  it('O4: an unsigned request gets 401', async () => {
    const body = JSON.stringify(orderEvent(order.externalId, 'PACKAGE_SHIPPED', server.clock.now()));
    const response = await fetch(`${server.url}/webhooks/buy-with-prime/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'SIGNATURE_MISSING' });
  });

  it('O4: malformed JSON, a malformed event or an unknown order gets a 4xx and stores nothing', async () => {
    const before = await storedCounts();
    expect(await postWebhook(server, null, { rawBody: '{"eventId": ' })).toEqual({ status: 400, body: { error: 'MALFORMED_JSON' } });
    const invalid = await postWebhook(server, { eventId: 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('INVALID_EVENT');
    // An unknown order has no merchant, so no secret can have signed it: 401, and an unsigned caller learns nothing.
    expect(await postWebhook(server, orderEvent('BWP-NOPE', 'PACKAGE_SHIPPED', server.clock.now()))).toEqual({ status: 401, body: { error: 'SIGNATURE_INVALID' } });
    expect(await storedCounts()).toEqual(before);
  });

  it('O4: an event signed with merchant A\'s secret for merchant B\'s order gets 401 and stores nothing', async () => {
    const before = await storedCounts();
    const forged = await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_SHIPPED', server.clock.now()), { secret: BLUEBIRD_WEBHOOK_SECRET });
    expect(forged).toEqual({ status: 401, body: { error: 'SIGNATURE_INVALID' } });
    expect(await storedCounts()).toEqual(before);
  });

  it('O4: after a rotation, the new secret and (during the overlap) the previous one verify; then only the new one', async () => {
    const ROTATE = 'mutation { rotateWebhookSecret(input: {}) { secret webhookSecret { displayPrefix retiresAt } userErrors { code } } }';
    const rotated = (await server.gql(ROTATE)).body.data.rotateWebhookSecret;
    expect(rotated.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(rotated.webhookSecret).toEqual({ displayPrefix: `${rotated.secret.slice(0, 10)}…`, retiresAt: null });
    const shipped = await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_SHIPPED', server.clock.now()), { secret: rotated.secret });
    expect(shipped.status).toBe(200);
    const old = await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_SHIPPED', server.clock.now()), { secret: ACME_WEBHOOK_SECRET });
    expect(old.status).toBe(200);
    const secrets = (await server.gql('{ viewer { merchant { webhookSecrets { displayPrefix retiresAt } } } }')).body.data.viewer.merchant.webhookSecrets;
    expect(secrets).toEqual([
      { displayPrefix: rotated.webhookSecret.displayPrefix, retiresAt: null },
      { displayPrefix: 'whsec_demo…', retiresAt: new Date(server.clock.now().getTime() + 24 * 3_600_000).toISOString() },
    ]);
    server.clock.advance(24 * 3_600_000);
    expect((await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_DELIVERED', server.clock.now()), { secret: ACME_WEBHOOK_SECRET })).status).toBe(401);
    expect((await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_DELIVERED', server.clock.now()), { secret: rotated.secret })).status).toBe(200);
    // A second rotation retires the first at once: never more than two secrets verify.
    const again = (await server.gql(ROTATE)).body.data.rotateWebhookSecret;
    const third = (await server.gql(ROTATE)).body.data.rotateWebhookSecret;
    expect((await server.gql('{ viewer { merchant { webhookSecrets { displayPrefix } } } }')).body.data.viewer.merchant.webhookSecrets).toHaveLength(2);
    expect(third.secret).not.toBe(again.secret);
    expect((await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_DELIVERED', server.clock.now()), { secret: rotated.secret })).status).toBe(401);
    // After a leak, the previous secret can stop at once.
    const leak = (await server.gql('mutation { rotateWebhookSecret(input: { previousSecretVerifiesForHours: 0 }) { secret } }')).body.data.rotateWebhookSecret;
    expect((await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_DELIVERED', server.clock.now()), { secret: third.secret })).status).toBe(401);
    expect((await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_DELIVERED', server.clock.now()), { secret: leak.secret })).status).toBe(200);
  });

  it('O4: only an OWNER or ADMIN rotates the webhook secret, and the rotation is audited', async () => {
    const ROTATE = 'mutation { rotateWebhookSecret(input: {}) { secret userErrors { code } } }';
    expect((await server.gql(ROTATE, {}, 'demo-acme-developer')).body.data.rotateWebhookSecret).toEqual({ secret: null, userErrors: [{ code: 'PERMISSION_DENIED' }] });
    expect((await server.gql(ROTATE, {}, 'demo-acme-admin')).body.data.rotateWebhookSecret.userErrors).toEqual([]);
    const audit = (await server.gql('{ viewer { merchant { accessAudit(first: 1) { action actorName details } } } }')).body.data.viewer.merchant.accessAudit;
    expect(audit).toEqual([{ action: 'WEBHOOK_SECRET_ROTATED', actorName: 'Adam Admin', details: expect.stringMatching(/^new webhook secret whsec_\S{4}…; the previous one verifies events for 24 more hour\(s\)$/) }]);
  });

  it('O4: an event delivered twice (same ID, or same idempotency key) is applied once', async () => {
    const event = orderEvent(order.externalId, 'PACKAGE_DELIVERED', server.clock.now());
    expect((await postWebhook(server, event)).body).toMatchObject({ status: 'APPLIED' });
    expect((await postWebhook(server, event)).body).toMatchObject({ status: 'DUPLICATE' });
    const sameKey = { ...orderEvent(order.externalId, 'PACKAGE_DELIVERED', server.clock.now()), idempotencyKey: event.idempotencyKey };
    expect((await postWebhook(server, sameKey)).body).toMatchObject({ status: 'DUPLICATE' });
    expect(await server.app.dataSource.manager.count(BwpOrderEvent)).toBe(1);
  });

  it('O4: events out of order do not move the order backwards', async () => {
    const delivered = new Date('2026-03-05T10:00:00Z');
    server.clock.advanceSeconds(4 * 86_400);
    await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_DELIVERED', delivered));
    const late = await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_SHIPPED', new Date('2026-03-03T10:00:00Z')));
    expect(late).toEqual({ status: 200, body: { status: 'NOT_APPLIED', orderState: 'DELIVERED', notAppliedBecause: 'the order is already DELIVERED' } });
    const stored = await server.app.dataSource.manager.findOneByOrFail(BwpOrder, { externalId: order.externalId });
    expect(stored).toMatchObject({ state: 'DELIVERED', deliveredAt: delivered, shippedAt: new Date('2026-03-03T10:00:00Z') });
  });

  it('O2: delivery starts a 30-day window; an order of non-returnable items has none', async () => {
    const delivered = new Date('2026-03-05T10:00:00Z');
    server.clock.advanceSeconds(4 * 86_400);
    await postWebhook(server, orderEvent(order.externalId, 'PACKAGE_DELIVERED', delivered));
    expect((await server.app.dataSource.manager.findOneByOrFail(BwpOrder, { externalId: order.externalId })).returnWindowEndsAt).toEqual(new Date('2026-04-04T10:00:00Z'));
    const mug = (await placeOrder(server, [products['NW-MUG-TI'].id])).order;
    const now = server.clock.now();
    await postWebhook(server, orderEvent(mug.externalId, 'PACKAGE_DELIVERED', now));
    const { body } = await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { returnWindowEndsAt insideReturnWindow openReason } } }`, { id: mug.id });
    expect(body.data.node).toEqual({ returnWindowEndsAt: now.toISOString(), insideReturnWindow: false, openReason: null });
  });
});

describe('the orders page', () => {
  it('newest first, filtered by state and by "inside its return window", page by page', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      server.clock.advanceSeconds(60);
      ids.push((await placeOrder(server, [products['NW-STOVE-1'].id])).order.id);
    }
    await sendOrderEvent(server, ids[0], 'PACKAGE_DELIVERED');
    await sendOrderEvent(server, ids[1], 'ORDER_CANCELLED');
    server.clock.advanceSeconds(31 * 86_400);
    const page = async (variables: Record<string, unknown>) => (await server.gql(ORDERS, variables)).body.data.orders;
    const idsOf = (connection: any) => connection.nodes.map((node: any) => node.id);

    const first = await page({ first: 3 });
    expect(idsOf(first)).toEqual([ids[3], ids[2], ids[1]]);
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    expect(idsOf(await page({ first: 3, after: first.pageInfo.endCursor }))).toEqual([ids[0]]);
    expect(idsOf(await page({ filter: { states: ['CANCELLED'] } }))).toEqual([ids[1]]);
    expect(idsOf(await page({ filter: { insideReturnWindow: true } }))).toEqual([ids[3], ids[2]]);
    expect(idsOf(await page({ filter: { insideReturnWindow: false } }))).toEqual([ids[1], ids[0]]);
  });

  it('a page of 50 orders with line items and products runs the same SQL statements as a page of 5', async () => {
    for (let i = 0; i < 55; i += 1) await placeOrder(server, [products['NW-TENT-2P'].id, products['NW-STOVE-1'].id]);
    // One signed-in token, as a console sends on every page: its viewer is cached after the first request.
    const token = await server.signIn('demo-acme-owner');
    await server.gql(ORDERS, { first: 5 }, token);
    const small = await server.sql.count(() => server.gql(ORDERS, { first: 5 }, token));
    const large = await server.sql.count(() => server.gql(ORDERS, { first: 50 }, token));
    const nodes = (await server.gql(ORDERS, { first: 50 }, token)).body.data.orders.nodes;
    expect(nodes).toHaveLength(50);
    // Each order's own lines, in the order they were placed, each with its product.
    for (const node of nodes) expect(node.lines.map((line: any) => [line.sku, line.product.sku])).toEqual([['NW-TENT-2P', 'NW-TENT-2P'], ['NW-STOVE-1', 'NW-STOVE-1']]);
    // The same through edges: one statement too.
    const edges = `{ orders(first: 50) { edges { node { id lines { sku product { title } } } } } }`;
    expect(await server.sql.count(() => server.gql(edges, {}, token))).toHaveLength(1);
    expect((await server.gql(edges, {}, token)).body.data.orders.edges.map((edge: any) => edge.node.id)).toEqual(nodes.map((node: any) => node.id));
    expect(large.length).toBe(small.length);
    // Issue 16: one statement, the page's orders with their totalCount, their lines and each line's product.
    expect(large).toHaveLength(1);
    const filtered = await server.sql.count(() => server.gql(ORDERS, { first: 50, filter: { insideReturnWindow: true, states: ['PLACED'] } }, token));
    expect(filtered).toHaveLength(1);
  });

  it('STAFF sees the orders but not the products\' Prime data (it has no access to the Prime page)', async () => {
    await placeOrder(server, [products['NW-TENT-2P'].id]);
    const { body } = await server.gql(ORDERS, {}, 'demo-acme-staff');
    expect(body.data.orders.nodes[0].lines).toEqual([expect.objectContaining({ sku: 'NW-TENT-2P', product: null })]);
  });

  it('CUSTOMER_SERVICE reads orders but may not toggle or unlink; every role sees only its merchant\'s orders', async () => {
    await placeOrder(server, [products['NW-TENT-2P'].id]);
    expect((await server.gql(ORDERS, {}, 'demo-acme-support')).body.data.orders.totalCount).toBe(1);
    expect((await toggle(server, products['NW-TENT-2P'].id, false, 'demo-acme-support')).userErrors[0].code).toBe('PERMISSION_DENIED');
    const unlink = await server.gql(`mutation { requestUnlink(input: { reason: "x" }) { userErrors { code } } }`, {}, 'demo-acme-support');
    expect(unlink.body.data.requestUnlink.userErrors[0].code).toBe('PERMISSION_DENIED');
    expect((await server.gql(ORDERS, {}, 'demo-bluebird-owner')).body.data.orders.totalCount).toBe(0);
  });
});
