import { CatalogProduct } from '../../src/catalog/catalog-product.entity';
import { UnlinkRequest } from '../../src/unlinking/unlink-request.entity';
import { CURRENT_LINK, link, onboard, placeOrder, productsBySku, sendOrderEvent, toggle } from '../support/linking-flow';
import { onPostgres } from '../support/test-database';
import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;

/** Where these races really race: SQLite runs one transaction at a time, PostgreSQL runs them side by side (row locks decide). */
const raceNote = onPostgres ? 'PostgreSQL: the transactions race' : 'SQLite serialises transactions: only the outcome is checked here, the race itself runs on PostgreSQL';

beforeEach(async () => {
  // Bulk toggles and counts cost what they scan or write (docs/cost-model.md): this file's many, on a fake
  // clock that never refills a budget, would outrun the default budgets, which the limits tests cover.
  server = await startTestServer({ rateLimit: { capacity: 1_000_000, restorePerSecond: 200, merchantCapacity: 1_000_000, merchantRestorePerSecond: 600 } });
});

afterEach(async () => {
  await server.stop();
});

const DAY = 86_400;

const REQUEST = `mutation($input: RequestUnlinkInput!) {
  requestUnlink(input: $input) {
    unlinkRequest { id state reason supportCaseId requestedAt requestedBy { displayName } }
    link { state }
    userErrors { code field message remedy }
  }
}`;

const WITHDRAW = `mutation($input: WithdrawUnlinkRequestInput!) {
  withdrawUnlinkRequest(input: $input) { unlinkRequest { state withdrawnAt withdrawnBy { displayName } } link { state active } userErrors { code } }
}`;

const WAITING = `{
  unlinkRequest {
    id state unlinkingStartedAt expectedCompletionAt completedAt
    waitingFor { orderCount earliestUnlinkAt isEstimate }
    waitingOrders(first: 10) { totalCount nodes { externalId state returnWindowEndsAt openReason } }
  }
}`;

const TURN_ALL_OFF = `mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount userErrors { code } } }`;

async function requestUnlink(reason = 'Moving to another fulfillment provider', token = 'demo-acme-owner') {
  return (await server.gql(REQUEST, { input: { reason } }, token)).body.data.requestUnlink;
}

async function waiting() {
  return (await server.gql(WAITING)).body.data.unlinkRequest;
}

async function linkState() {
  return (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink?.state ?? null;
}

describe('requesting an unlink (U1, U2)', () => {
  it('U1: refused while any product offers Prime, naming those products; nothing is recorded', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    await toggle(server, products['NW-TENT-2P'].id, true);
    await toggle(server, products['NW-STOVE-1'].id, true);
    const refused = await requestUnlink();
    expect(refused).toMatchObject({
      unlinkRequest: null,
      userErrors: [{ code: 'UNLINK_BLOCKED_BY_OFFER_PRIME', message: '2 product(s) still offer Prime: NW-STOVE-1, NW-TENT-2P.', remedy: expect.stringContaining('Offer Prime toggle') }],
    });
    expect(await server.app.dataSource.manager.count(UnlinkRequest)).toBe(0);
    expect(await linkState()).toBe('LINKED');
  });

  it('U2: once nothing offers Prime, the request is recorded as a support case (who, when, why) and the link waits', async () => {
    await onboard(server);
    const accepted = await requestUnlink('Closing the web shop');
    expect(accepted).toMatchObject({
      userErrors: [],
      link: { state: 'UNLINK_REQUESTED' },
      unlinkRequest: {
        state: 'WAITING',
        reason: 'Closing the web shop',
        supportCaseId: expect.stringMatching(/^CASE-[0-9A-F]{10}$/),
        requestedAt: server.clock.now().toISOString(),
        requestedBy: { displayName: 'Olivia Owner' },
      },
    });
    expect((await requestUnlink()).userErrors[0].code).toBe('UNLINK_ALREADY_REQUESTED');
  });

  it('U2: an empty or oversized reason is a validation error; without a link there is nothing to unlink', async () => {
    const empty = await server.gql(REQUEST, { input: { reason: '' } });
    expect(empty.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const huge = await server.gql(REQUEST, { input: { reason: 'x'.repeat(1001) } });
    expect(huge.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await requestUnlink()).userErrors[0].code).toBe('LINK_NOT_ACTIVE');
  });

  it('U2: only OWNER and ADMIN may ask', async () => {
    await onboard(server);
    for (const token of ['demo-acme-staff', 'demo-acme-support', 'demo-acme-developer']) {
      expect((await requestUnlink('x', token)).userErrors[0].code).toBe('PERMISSION_DENIED');
    }
    expect((await requestUnlink('x', 'demo-acme-admin')).userErrors).toEqual([]);
  });
});

describe('what an unlink waits for (U3) and while it waits (U4)', () => {
  it('U3: shows the orders it waits on, each with its window end, and the earliest time unlinking could begin', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    await toggle(server, products['NW-TENT-2P'].id, true);
    const delivered = (await placeOrder(server, [products['NW-TENT-2P'].id])).order;
    const inTransit = (await placeOrder(server, [products['NW-TENT-2P'].id])).order;
    const refunding = (await placeOrder(server, [products['NW-TENT-2P'].id])).order;
    await sendOrderEvent(server, delivered.id, 'PACKAGE_DELIVERED');
    await sendOrderEvent(server, inTransit.id, 'PACKAGE_SHIPPED');
    await sendOrderEvent(server, refunding.id, 'PACKAGE_DELIVERED');
    await sendOrderEvent(server, refunding.id, 'REFUND_REQUESTED');
    await server.gql(TURN_ALL_OFF);
    await requestUnlink();

    const now = server.clock.now().getTime();
    let request = await waiting();
    expect(request.waitingFor).toEqual({ orderCount: 3, earliestUnlinkAt: new Date(now + 30 * DAY * 1000).toISOString(), isEstimate: true });
    expect(request.waitingOrders.nodes.map((order: any) => [order.externalId, order.openReason])).toEqual([
      [refunding.externalId, 'REFUND_PENDING'],
      [inTransit.externalId, 'NOT_DELIVERED'],
      [delivered.externalId, 'INSIDE_RETURN_WINDOW'],
    ]);
    expect(request.waitingOrders.nodes[2].returnWindowEndsAt).toBe(new Date(now + 30 * DAY * 1000).toISOString());

    await sendOrderEvent(server, inTransit.id, 'PACKAGE_DELIVERED');
    await sendOrderEvent(server, refunding.id, 'REFUND_COMPLETED');
    server.clock.advanceSeconds(10 * DAY);
    request = await waiting();
    expect(request.waitingFor).toEqual({ orderCount: 2, earliestUnlinkAt: new Date(now + 30 * DAY * 1000).toISOString(), isEstimate: false });

    await server.app.unlinking.advance();
    expect(await linkState()).toBe('UNLINK_REQUESTED');
  });

  it('U4: while it waits, Offer Prime cannot be turned back on; withdrawn, the link is active again', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const requested = await requestUnlink();
    expect((await toggle(server, products['NW-TENT-2P'].id, true)).userErrors[0].code).toBe('UNLINK_IN_PROGRESS');
    expect((await placeOrder(server, [products['NW-TENT-2P'].id])).userErrors[0].code).toBe('UNLINK_IN_PROGRESS');

    const { body } = await server.gql(WITHDRAW, { input: { unlinkRequestId: requested.unlinkRequest.id } });
    expect(body.data.withdrawUnlinkRequest).toMatchObject({
      unlinkRequest: { state: 'WITHDRAWN', withdrawnAt: expect.any(String), withdrawnBy: { displayName: 'Olivia Owner' } },
      link: { state: 'LINKED', active: true },
      userErrors: [],
    });
    expect((await toggle(server, products['NW-TENT-2P'].id, true)).userErrors).toEqual([]);
    const again = await server.gql(WITHDRAW, { input: { unlinkRequestId: requested.unlinkRequest.id } });
    expect(again.body.data.withdrawUnlinkRequest.userErrors).toEqual([{ code: 'UNLINK_NOT_WITHDRAWABLE' }]);
  });

  it('U4: another merchant cannot withdraw it (NOT_FOUND), and a malformed ID is INVALID_ID', async () => {
    await onboard(server);
    const requested = await requestUnlink();
    const foreign = await server.gql(WITHDRAW, { input: { unlinkRequestId: requested.unlinkRequest.id } }, 'demo-bluebird-owner');
    expect(foreign.body.data.withdrawUnlinkRequest.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    const malformed = await server.gql(WITHDRAW, { input: { unlinkRequestId: 'nope' } });
    expect(malformed.body.data.withdrawUnlinkRequest.userErrors).toEqual([{ code: 'INVALID_ID' }]);
    expect(await linkState()).toBe('UNLINK_REQUESTED');
  });
});

describe('unlinking and after (U5, U6, U7)', () => {
  it('U5, U6: with nothing to wait for, unlinking begins; after the processing time the link is history', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const { unlinkRequest } = await requestUnlink();
    await server.app.unlinking.advance();
    let request = await waiting();
    expect(request).toMatchObject({ state: 'UNLINKING', unlinkingStartedAt: server.clock.now().toISOString(), waitingFor: null });
    expect(request.expectedCompletionAt).toBe(new Date(server.clock.now().getTime() + 72 * 3600 * 1000).toISOString());
    expect(await linkState()).toBe('UNLINKING');

    expect((await toggle(server, products['NW-TENT-2P'].id, true)).userErrors[0].code).toBe('UNLINK_IN_PROGRESS');
    expect((await toggle(server, products['NW-TENT-2P'].id, false)).userErrors).toEqual([]);
    const withdraw = await server.gql(WITHDRAW, { input: { unlinkRequestId: unlinkRequest.id } });
    expect(withdraw.body.data.withdrawUnlinkRequest.userErrors).toEqual([{ code: 'UNLINK_NOT_WITHDRAWABLE' }]);

    server.clock.advanceSeconds(72 * 3600 - 1);
    await server.app.unlinking.advance();
    expect(await linkState()).toBe('UNLINKING');
    server.clock.advanceSeconds(1);
    await server.app.unlinking.advance();
    expect(await linkState()).toBeNull();
    request = await waiting();
    expect(request).toMatchObject({ state: 'COMPLETED', completedAt: server.clock.now().toISOString() });

    const { body } = await server.gql(`{ viewer { merchant { sellerCentralLinks { nodes { state endedAt unlinkRequest { state } timeline(first: 50) { nodes { kind fromState toState actorKind } } } } } } }`);
    const [history] = body.data.viewer.merchant.sellerCentralLinks.nodes;
    expect(history).toMatchObject({ state: 'UNLINKED', endedAt: server.clock.now().toISOString(), unlinkRequest: { state: 'COMPLETED' } });
    const stateChanges = history.timeline.nodes.filter((event: any) => event.toState).map((event: any) => [event.kind, event.fromState, event.toState, event.actorKind]);
    expect(stateChanges).toEqual([
      ['CONSENT_RECORDED', null, 'AWAITING_AUTHORIZATION', 'USER'],
      ['LINKED', 'AWAITING_AUTHORIZATION', 'LINKED', 'USER'],
      ['UNLINK_REQUESTED', 'LINKED', 'UNLINK_REQUESTED', 'USER'],
      ['UNLINKING_STARTED', 'UNLINK_REQUESTED', 'UNLINKING', 'SYSTEM'],
      ['UNLINKED', 'UNLINKING', 'UNLINKED', 'SYSTEM'],
    ]);
  });

  it(`U3, U5: the scheduler's advance is idempotent: running it again, or three at once, moves each request once (${raceNote})`, async () => {
    await onboard(server);
    await requestUnlink();
    await Promise.all([server.app.unlinking.advance(), server.app.unlinking.advance(), server.app.unlinking.advance()]);
    await server.app.unlinking.advance();
    const { body } = await server.gql(CURRENT_LINK);
    const kinds = body.data.sellerCentralLink.timeline.nodes.map((event: any) => event.kind);
    expect(kinds.filter((kind: string) => kind === 'UNLINKING_STARTED')).toHaveLength(1);
  });
});

describe('races (U1 against P1)', () => {
  it(`U1, P2: a toggle-on and an unlink request at the same moment never end with an unlink request while a product offers Prime (${raceNote})`, async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const eligible = ['NW-TENT-2P', 'NW-STOVE-1', 'NW-BAG-20F', 'NW-MUG-TI'].map((sku) => products[sku].id);
    for (let round = 0; round < 20; round += 1) {
      const [toggled, requested] = await Promise.all([toggle(server, eligible[round % eligible.length], true), requestUnlink(`round ${round}`)]);
      const offering = await server.app.dataSource.manager.countBy(CatalogProduct, { offerPrime: true });
      const state = await linkState();
      expect(state === 'UNLINK_REQUESTED' && offering > 0).toBe(false);
      expect(toggled.userErrors.length === 0 || requested.userErrors.length === 0).toBe(true);
      if (state === 'UNLINK_REQUESTED') {
        await server.gql(WITHDRAW, { input: { unlinkRequestId: requested.unlinkRequest.id } });
      }
      await server.gql(TURN_ALL_OFF);
    }
  });
});

describe('the help page\'s whole story', () => {
  it('link (the wrong store), import, offer Prime, take orders, turn everything off, request the unlink, wait out the return windows, unlink, relink to the right store', async () => {
    // Link, but to the outlet store by mistake; onboarding imports the listings and activates Prime.
    await link(server, 'A1NORTHWINDPRO', 'STORE-NW-OUTLET');
    await server.app.onboarding.runDue();
    server.clock.advanceSeconds(120);
    await server.app.onboarding.runDue();
    expect((await server.gql(CURRENT_LINK)).body.data.sellerCentralLink).toMatchObject({ state: 'LINKED', store: { name: 'Northwind Outlet' } });

    // Offer Prime and take orders.
    const products = await productsBySku(server);
    for (const sku of ['NW-TENT-2P', 'NW-STOVE-1']) expect((await toggle(server, products[sku].id, true)).userErrors).toEqual([]);
    const first = (await placeOrder(server, [products['NW-TENT-2P'].id])).order;
    const second = (await placeOrder(server, [products['NW-STOVE-1'].id, products['NW-TENT-2P'].id])).order;
    await sendOrderEvent(server, first.id, 'PACKAGE_SHIPPED');
    await sendOrderEvent(server, first.id, 'PACKAGE_DELIVERED');

    // The unlink is refused until Offer Prime is off everywhere.
    expect((await requestUnlink('Linked the wrong store')).userErrors[0].code).toBe('UNLINK_BLOCKED_BY_OFFER_PRIME');
    expect((await server.gql(TURN_ALL_OFF)).body.data.turnOffOfferPrimeForAllProducts.turnedOffCount).toBe(2);
    expect((await requestUnlink('Linked the wrong store')).userErrors).toEqual([]);
    expect((await waiting()).waitingFor.orderCount).toBe(2);

    // Time passes: the second order is delivered, then returned and refunded; the first window runs out.
    server.clock.advanceSeconds(3 * DAY);
    await sendOrderEvent(server, second.id, 'PACKAGE_DELIVERED');
    server.clock.advanceSeconds(2 * DAY);
    await sendOrderEvent(server, second.id, 'RETURN_STARTED');
    await sendOrderEvent(server, second.id, 'REFUND_REQUESTED');
    server.clock.advanceSeconds(26 * DAY);
    await server.app.unlinking.advance();
    expect((await waiting()).waitingFor).toMatchObject({ orderCount: 1 });
    await sendOrderEvent(server, second.id, 'REFUND_COMPLETED');
    await server.app.unlinking.advance();
    expect(await linkState()).toBe('UNLINKING');

    // Unlinking completes after the processing time; then the merchant links the right store.
    server.clock.advanceSeconds(72 * 3600);
    await server.app.unlinking.advance();
    expect(await linkState()).toBeNull();
    const relinked = await link(server, 'A1NORTHWINDPRO', 'STORE-NW-US');
    expect(relinked).toMatchObject({ userErrors: [], link: { state: 'LINKED', store: { name: 'Northwind Outfitters US' } } });
    await server.app.onboarding.runDue();
    server.clock.advanceSeconds(120);
    await server.app.onboarding.runDue();
    expect((await toggle(server, products['NW-TENT-2P'].id, true)).userErrors).toEqual([]);

    const { body } = await server.gql(`{ viewer { merchant { sellerCentralLinks { nodes { state store { name } } } } } }`);
    expect(body.data.viewer.merchant.sellerCentralLinks.nodes).toEqual([
      { state: 'LINKED', store: { name: 'Northwind Outfitters US' } },
      { state: 'UNLINKED', store: { name: 'Northwind Outlet' } },
    ]);
  });
});


describe('L8 across an unlink request', () => {
  const SUSPEND = `mutation { sandboxUpdateSellerAccount(input: { sellerAccountId: "A1NORTHWINDPRO", standing: SUSPENDED }) { userErrors { code } } }`;

  it('L8, U4: a link that needed attention when the unlink was asked returns to NEEDS_ATTENTION when it is withdrawn', async () => {
    await onboard(server);
    await server.gql(SUSPEND);
    const { unlinkRequest } = await requestUnlink();
    const { body } = await server.gql(WITHDRAW, { input: { unlinkRequestId: unlinkRequest.id } });
    expect(body.data.withdrawUnlinkRequest).toMatchObject({ link: { state: 'NEEDS_ATTENTION', active: false }, userErrors: [] });
    const products = await productsBySku(server);
    expect((await toggle(server, products['NW-TENT-2P'].id, true)).userErrors[0].code).toBe('LINK_NEEDS_ATTENTION');
  });

  it('L8, U4: an account that stops qualifying while the unlink waits is noted, and withdrawing returns to NEEDS_ATTENTION', async () => {
    await onboard(server);
    const { unlinkRequest } = await requestUnlink();
    await server.gql(SUSPEND);
    const waitingLink = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink;
    expect(waitingLink).toMatchObject({ state: 'UNLINK_REQUESTED', attention: { code: 'ACCOUNT_NOT_ACTIVE' } });
    const { body } = await server.gql(WITHDRAW, { input: { unlinkRequestId: unlinkRequest.id } });
    expect(body.data.withdrawUnlinkRequest.link).toMatchObject({ state: 'NEEDS_ATTENTION' });
  });
});

describe('long inputs fit the database', () => {
  it('U2, U7: the longest reason is recorded in full on the request, and the timeline entry is cut to fit', async () => {
    await onboard(server);
    const reason = 'r'.repeat(1000);
    const requested = await requestUnlink(reason);
    expect(requested.userErrors).toEqual([]);
    expect(requested.unlinkRequest.reason).toBe(reason);
    const { body } = await server.gql(CURRENT_LINK);
    expect(body.data.sellerCentralLink.timeline.nodes.at(-1).message).toHaveLength(1000);
  });
});
