import { recordChange } from '../../src/database/transaction-runner';
import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { connectLive, listening, LiveClient } from '../support/live-client';
import { link, onboard, placeOrder, productsBySku, sendOrderEvent, startLink, toggle } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;
const clients: LiveClient[] = [];

async function connect(as: string | null = 'demo-acme-owner') {
  const client = await connectLive(server, as);
  clients.push(client);
  return client;
}

beforeEach(async () => {
  server = await startTestServer({ rateLimit: { capacity: 1_000_000, restorePerSecond: 200, merchantCapacity: 1_000_000, merchantRestorePerSecond: 600 } });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await server.stop();
});

const LINK_CHANGED = `subscription { sellerCentralLinkChanged { id state onboardingSteps { kind state } timeline(first: 50) { nodes { kind toState } } } }`;
const ORDER_CHANGED = `subscription { orderChanged { id externalId state returnWindowEndsAt insideReturnWindow lines { product { sku } } } }`;
const OFFER_PRIME_CHANGED = `subscription { offerPrimeChanged { products { id sku offerPrime } } }`;
const UNLINK_CHANGED = `subscription { unlinkRequestChanged { id state waitingFor { orderCount } } }`;
const TURN_ALL_OFF = `mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount userErrors { code } } }`;
const BULK = `mutation($input: SetOfferPrimeForProductsInput!) { setOfferPrimeForProducts(input: $input) { outcomes { userErrors { code } } userErrors { code } } }`;

describe('live updates: each event fires once per change, with the committed state', () => {
  it('the link: a start, then its completion, each one event carrying the state the query reads', async () => {
    const owner = await connect();
    expect(owner.acknowledged).toBe(true);
    const changes = owner.subscribe(LINK_CHANGED);
    await listening(server, 1);
    const started = await startLink(server);
    await changes.until(1);
    expect(changes.data).toEqual([{ sellerCentralLinkChanged: expect.objectContaining({ state: 'AWAITING_AUTHORIZATION' }) }]);
    expect(changes.data[0].sellerCentralLinkChanged.id).toBe(started.linkId);

    await link(server);
    await changes.until(4);
    // The second start abandons the first link (one event for it) and opens a new one (one event); the completion is one more.
    const states = changes.data.map((data) => data.sellerCentralLinkChanged.state);
    expect(states.slice(1).sort()).toEqual(['ABANDONED', 'AWAITING_AUTHORIZATION', 'LINKED'].sort());
    expect(changes.data[3].sellerCentralLinkChanged.onboardingSteps).toHaveLength(4);
    expect(changes.errors).toEqual([]);
  });

  it('onboarding: each step\'s moves are the link\'s events, up to every step SUCCEEDED', async () => {
    await link(server);
    const owner = await connect();
    const changes = owner.subscribe(`subscription { sellerCentralLinkChanged { state onboardingSteps { kind state progress { done total } } } }`);
    await listening(server, 1);
    await server.app.onboarding.runDue();
    server.clock.advanceSeconds(120);
    await server.app.onboarding.runDue();
    const done = await changes.first((data) => data.sellerCentralLinkChanged.onboardingSteps.every((step: any) => step.state === 'SUCCEEDED'));
    expect(done?.sellerCentralLinkChanged.state).toBe('LINKED');
    // The steps' moves were events on the way, not only the last one (each read shows the state as committed when it reads,
    // so a step claimed and finished before its read shows finished).
    expect(changes.data.length).toBeGreaterThan(1);
    expect(changes.errors).toEqual([]);
  });

  it('Offer Prime: one event per change set, a toggle, a bulk toggle and turning all off, with the products as now', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const eligible = ['NW-TENT-2P', 'NW-STOVE-1', 'NW-BAG-20F'].map((sku) => products[sku].id);
    const owner = await connect();
    const changes = owner.subscribe(OFFER_PRIME_CHANGED);
    await listening(server, 1);

    expect((await toggle(server, eligible[0], true)).userErrors).toEqual([]);
    await changes.until(1);
    expect(changes.data[0].offerPrimeChanged.products).toEqual([{ id: eligible[0], sku: 'NW-TENT-2P', offerPrime: true }]);

    const bulk = await server.gql(BULK, { input: { changes: eligible.map((productId) => ({ productId, offerPrime: true })) } });
    expect(bulk.body.errors).toBeUndefined();
    await changes.until(2);
    // The first was already on: the change set holds the two that changed.
    expect(changes.data[1].offerPrimeChanged.products.map((product: any) => [product.sku, product.offerPrime])).toEqual([
      ['NW-BAG-20F', true],
      ['NW-STOVE-1', true],
    ]);

    expect((await server.gql(TURN_ALL_OFF)).body.data.turnOffOfferPrimeForAllProducts.turnedOffCount).toBe(3);
    await changes.until(3);
    expect(changes.data[2].offerPrimeChanged.products.map((product: any) => [product.sku, product.offerPrime])).toEqual([
      ['NW-BAG-20F', false],
      ['NW-STOVE-1', false],
      ['NW-TENT-2P', false],
    ]);

    // Turning off what is already off changes nothing and publishes nothing; the next real change is the fourth event.
    await server.gql(TURN_ALL_OFF);
    expect((await toggle(server, eligible[1], true)).userErrors).toEqual([]);
    await changes.until(4);
    expect(changes.data).toHaveLength(4);
    expect(changes.data[3].offerPrimeChanged.products).toEqual([{ id: eligible[1], sku: 'NW-STOVE-1', offerPrime: true }]);
  });

  it('orders and the unlink request: placed, delivered (its return window), and what the unlink waits for', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    expect((await toggle(server, products['NW-TENT-2P'].id, true)).userErrors).toEqual([]);
    const owner = await connect();
    const orders = owner.subscribe(ORDER_CHANGED);
    const unlink = owner.subscribe(UNLINK_CHANGED);
    await listening(server, 2);

    const placed = (await placeOrder(server, [products['NW-TENT-2P'].id])).order;
    await orders.until(1);
    expect(orders.data[0].orderChanged).toMatchObject({ id: placed.id, state: 'PLACED', returnWindowEndsAt: null, lines: [{ product: { sku: 'NW-TENT-2P' } }] });

    await sendOrderEvent(server, placed.id, 'PACKAGE_SHIPPED');
    await sendOrderEvent(server, placed.id, 'PACKAGE_DELIVERED');
    await orders.until(3);
    expect(orders.data.map((data) => data.orderChanged.state)).toEqual(['PLACED', 'SHIPPED', 'DELIVERED']);
    expect(orders.data[2].orderChanged.returnWindowEndsAt).not.toBeNull();

    await server.gql(TURN_ALL_OFF);
    const requested = await server.gql(`mutation { requestUnlink(input: { reason: "Moving on" }) { unlinkRequest { id } userErrors { code } } }`);
    expect(requested.body.data.requestUnlink.userErrors).toEqual([]);
    await unlink.until(1);
    expect(unlink.data[0].unlinkRequestChanged).toMatchObject({ id: requested.body.data.requestUnlink.unlinkRequest.id, state: 'WAITING', waitingFor: { orderCount: 1 } });

    // An order the unlink waits on moves: the request's wait is delivered again.
    await sendOrderEvent(server, placed.id, 'RETURN_STARTED');
    await unlink.until(2);
    await orders.until(4);
    expect(unlink.data[1].unlinkRequestChanged).toMatchObject({ state: 'WAITING', waitingFor: { orderCount: 1 } });
    expect(orders.data[3].orderChanged.state).toBe('RETURN_STARTED');
    expect([...orders.errors, ...unlink.errors]).toEqual([]);
  });
});

describe('live updates: the unlink request\'s own moves', () => {
  it('U4, U5: each move of the request is an event with its new state: WAITING, WITHDRAWN, WAITING again, then UNLINKING', async () => {
    await onboard(server);
    const owner = await connect();
    const unlink = owner.subscribe(`subscription { unlinkRequestChanged { id state } }`);
    await listening(server, 1);
    const request = async () => (await server.gql(`mutation { requestUnlink(input: { reason: "Moving on" }) { unlinkRequest { id } userErrors { code } } }`)).body.data.requestUnlink;
    const first = await request();
    expect(first.userErrors).toEqual([]);
    await unlink.until(1);
    const withdrawn = await server.gql('mutation($id: ID!) { withdrawUnlinkRequest(input: { unlinkRequestId: $id }) { userErrors { code } } }', { id: first.unlinkRequest.id });
    expect(withdrawn.body.data.withdrawUnlinkRequest.userErrors).toEqual([]);
    await unlink.until(2);
    const second = await request();
    await unlink.until(3);
    // No order is open: the scheduler begins unlinking at once.
    await server.app.unlinking.advance();
    await unlink.until(4);
    expect(unlink.data.map((data) => [data.unlinkRequestChanged.id, data.unlinkRequestChanged.state])).toEqual([
      [first.unlinkRequest.id, 'WAITING'],
      [first.unlinkRequest.id, 'WITHDRAWN'],
      [second.unlinkRequest.id, 'WAITING'],
      [second.unlinkRequest.id, 'UNLINKING'],
    ]);
    expect(unlink.errors).toEqual([]);
  });
});

describe('live updates: who receives what', () => {
  it('never another merchant\'s events: Bluebird\'s subscriber sees only Bluebird\'s link', async () => {
    const acme = await connect('demo-acme-owner');
    const bluebird = await connect('demo-bluebird-owner');
    const acmeLinks = acme.subscribe(LINK_CHANGED);
    const bluebirdLinks = bluebird.subscribe(LINK_CHANGED);
    await listening(server, 2);
    const acmeLink = await startLink(server, 'demo-acme-owner');
    await acmeLinks.until(1);
    // Bluebird's own change comes after Acme's on the same bus: when it has arrived, Acme's would have too.
    const bluebirdLink = await startLink(server, 'demo-bluebird-owner');
    await bluebirdLinks.until(1);
    expect(bluebirdLinks.data.map((data) => data.sellerCentralLinkChanged.id)).toEqual([bluebirdLink.linkId]);
    expect(acmeLinks.data.map((data) => data.sellerCentralLinkChanged.id)).toEqual([acmeLink.linkId]);
  });

  it('roles apply as for the queries: STAFF gets no link, unlink or Offer Prime events (FORBIDDEN), but gets orders', async () => {
    const staff = await connect('demo-acme-staff');
    for (const query of [LINK_CHANGED, UNLINK_CHANGED, OFFER_PRIME_CHANGED]) {
      const refused = staff.subscribe(query);
      await refused.until(1);
      expect(refused.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
      expect(refused.data).toEqual([]);
    }
    const orders = staff.subscribe(`subscription { orderChanged { id state lines { product { sku } } } }`);
    await listening(server, 1);
    const support = await connect('demo-acme-support');
    const links = support.subscribe(`subscription { sellerCentralLinkChanged { state } }`);
    await listening(server, 2);
    await onboard(server);
    const products = await productsBySku(server);
    await toggle(server, products['NW-TENT-2P'].id, true);
    await placeOrder(server, [products['NW-TENT-2P'].id]);
    await orders.until(1);
    // STAFF reads orders but not the catalog: the line's product is null, as in the orders query.
    expect(orders.data[0].orderChanged).toMatchObject({ state: 'PLACED', lines: [{ product: null }] });
    await links.until(1);
    expect(links.errors).toEqual([]);
  });
});

describe('live updates: only committed changes', () => {
  it('a rolled-back transaction publishes nothing; the next committed change is the first event', async () => {
    const owner = await connect();
    const changes = owner.subscribe(LINK_CHANGED);
    await listening(server, 1);
    const started = await startLink(server);
    await changes.until(1);

    // A transaction that writes the link, records the change, then fails: rolled back, never published.
    await expect(
      server.app.transactions.run(async (manager) => {
        await manager.update(SellerCentralLink, { id: started.linkId }, { version: 99 });
        recordChange(manager, { type: 'LINK', merchantId: '0190c0de-0000-7000-8000-00000000a001', linkId: started.linkId });
        throw new Error('refused after writing');
      }),
    ).rejects.toThrow('refused after writing');
    // A refused completion (L3: an Individual plan) changes nothing and publishes nothing.
    const code = (await server.gql(`mutation($input: SandboxAuthorizeSellerCentralInput!) { sandboxAuthorizeSellerCentral(input: $input) { authorizationCode } }`, {
      input: { authorizationState: started.authorizationState, sellerAccountId: 'A3INDIVIDUAL', storeId: 'STORE-IDA' },
    })).body.data?.sandboxAuthorizeSellerCentral?.authorizationCode;
    {
      const refused = await server.gql(`mutation($input: CompleteSellerCentralLinkInput!) { completeSellerCentralLink(input: $input) { userErrors { code } } }`, { input: { linkId: started.linkId, authorizationCode: code } });
      expect(refused.body.data.completeSellerCentralLink.userErrors.length).toBeGreaterThan(0);
    }

    const restarted = await startLink(server);
    await changes.until(3);
    expect(changes.data.map((data) => data.sellerCentralLinkChanged.state)).toEqual(['AWAITING_AUTHORIZATION', expect.any(String), expect.any(String)]);
    expect(changes.data.slice(1).map((data) => data.sellerCentralLinkChanged.id).sort()).toEqual([started.linkId, restarted.linkId].sort());
    expect(changes.data[0].sellerCentralLinkChanged.state).toBe('AWAITING_AUTHORIZATION');
  });
});
