import { countMatching } from '../../src/orders/order-tally';
import { OrderTallies } from '../../src/orders/order-tally.repository';
import { CatalogProduct } from '../../src/catalog/catalog-product.entity';
import { CatalogRepository } from '../../src/catalog/catalog.repository';
import { FulfillmentInventoryRecord } from '../../src/catalog/fulfillment-inventory.entity';
import { demoMerchants, demoUsers } from '../../src/demo/demo-data';
import { LinkEvent } from '../../src/linking/link-event.entity';
import { LinkState } from '../../src/linking/link-state';
import { LinkRepository } from '../../src/linking/link.repository';
import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { MerchantDirectory } from '../../src/merchants/merchant-directory';
import { OnboardingStep } from '../../src/onboarding/onboarding-step.entity';
import { OnboardingStepKind, StepState } from '../../src/onboarding/onboarding-step-state';
import { OnboardingStepRepository } from '../../src/onboarding/onboarding-step.repository';
import { BwpOrder, BwpOrderLine } from '../../src/orders/order.entity';
import { OrderRepository } from '../../src/orders/order.repository';
import { UnlinkRequest } from '../../src/unlinking/unlink-request.entity';
import { UnlinkRequestState } from '../../src/unlinking/unlink-request-state';
import { UnlinkRequestRepository } from '../../src/unlinking/unlink-request.repository';
import { link, onboard, PLACE_ORDER, productsBySku, toggle } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The repositories' own merchant filter, probed directly. Through GraphQL several of these filters are
 * hidden: the caller passes IDs it has already scoped, and the loaders pick rows by ID in memory. Each
 * probe asks for one merchant's rows with the other merchant's IDs mixed in (what a caller with a bug, or
 * a forged ID that slipped past a check, would pass), and expects only the named merchant's rows back.
 */

const [ACME, BLUEBIRD] = demoMerchants.map((merchant) => merchant.id);
const ACME_TOKEN = 'demo-acme-owner';
const BLUEBIRD_TOKEN = 'demo-bluebird-owner';

let server: TestServer;
let links: LinkRepository;
let acmeLink: SellerCentralLink;
let bluebirdLink: SellerCentralLink;
const orderIds: Record<'acme' | 'bluebird', string> = { acme: '', bluebird: '' };

async function placeOne(token: string, sku: string): Promise<void> {
  const products = await productsBySku(server, token);
  expect((await toggle(server, products[sku].id, true, token)).userErrors).toEqual([]);
  const { body } = await server.gql(PLACE_ORDER, { input: { lines: [{ productId: products[sku].id, quantity: 1 }] } }, token);
  expect(body.data.sandboxPlaceOrder.userErrors).toEqual([]);
}

beforeAll(async () => {
  server = await startTestServer();
  links = new LinkRepository(server.app.dataSource);
  await onboard(server, 'A1NORTHWINDPRO', 'STORE-NW-US', ACME_TOKEN);
  await onboard(server, 'A2BLUEBIRDPRO', 'STORE-BB-US', BLUEBIRD_TOKEN);
  await placeOne(ACME_TOKEN, 'NW-TENT-2P');
  await placeOne(BLUEBIRD_TOKEN, 'BB-MUG-01');
  // Acme asks to unlink: its link waits in UNLINK_REQUESTED, with a request; Bluebird's stays LINKED.
  await server.gql('mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }', {}, ACME_TOKEN);
  const requested = await server.gql('mutation { requestUnlink(input: { reason: "probe" }) { userErrors { code } } }', {}, ACME_TOKEN);
  expect(requested.body.data.requestUnlink.userErrors).toEqual([]);

  const manager = server.app.dataSource.manager;
  acmeLink = await manager.findOneByOrFail(SellerCentralLink, { currentForMerchantId: ACME });
  bluebirdLink = await manager.findOneByOrFail(SellerCentralLink, { currentForMerchantId: BLUEBIRD });
  orderIds.acme = (await manager.findOneByOrFail(BwpOrder, { merchantId: ACME })).id;
  orderIds.bluebird = (await manager.findOneByOrFail(BwpOrder, { merchantId: BLUEBIRD })).id;
}, 60_000);

afterAll(async () => {
  await server.stop();
});

describe('lookups by ID answer with the named merchant\'s rows only, whatever IDs they are given', () => {
  it('users: findUsers with the other merchant\'s user ID mixed in returns the merchant\'s own user only', async () => {
    const directory = new MerchantDirectory(server.app.dataSource);
    const [olivia, bea] = [demoUsers.find((user) => user.subject === ACME_TOKEN)!, demoUsers.find((user) => user.subject === BLUEBIRD_TOKEN)!];
    expect((await directory.findUsers([olivia.id, bea.id], ACME)).map((user) => user.id)).toEqual([olivia.id]);
    expect(await directory.findUsers([olivia.id], BLUEBIRD)).toEqual([]);
  });

  it('O1: order lines of another merchant\'s order are not returned (linesWithProducts filters by merchant)', async () => {
    const orders = new OrderRepository(server.app.dataSource);
    const lines = await orders.linesWithProducts([orderIds.acme, orderIds.bluebird], ACME);
    expect(lines.map((line) => [line.orderId, line.sku])).toEqual([[orderIds.acme, 'NW-TENT-2P']]);
    expect(await orders.linesWithProducts([orderIds.bluebird], ACME)).toEqual([]);
    expect((await orders.linesWithProducts([orderIds.bluebird], BLUEBIRD)).map((line) => line.orderId)).toEqual([orderIds.bluebird]);
  });

  it('O1: the orders page\'s lines-with-products read returns the merchant\'s lines only, and joins no other merchant\'s product', async () => {
    const orders = new OrderRepository(server.app.dataSource);
    const lines = await orders.linesWithProducts([orderIds.acme, orderIds.bluebird], ACME);
    expect(lines.map((line) => [line.orderId, line.sku, line.product?.sku])).toEqual([[orderIds.acme, 'NW-TENT-2P', 'NW-TENT-2P']]);
    expect(await orders.linesWithProducts([orderIds.bluebird], ACME)).toEqual([]);
    // A line of Acme's that names Bluebird's product (a bug, or a forged ID) gets no product.
    const manager = server.app.dataSource.manager;
    const [line] = await manager.findBy(BwpOrderLine, { orderId: orderIds.acme });
    const bluebirdProduct = await manager.findOneByOrFail(CatalogProduct, { merchantId: BLUEBIRD });
    await manager.update(BwpOrderLine, { id: line.id }, { productId: bluebirdProduct.id });
    try {
      expect((await orders.linesWithProducts([orderIds.acme], ACME))[0].product).toBeNull();
      const page = await orders.page(ACME, {}, 50, undefined, server.clock.now(), { withLines: true });
      expect(page.lines?.get(orderIds.acme)?.map((read) => [read.sku, read.product])).toEqual([['NW-TENT-2P', null]]);
    } finally {
      await manager.update(BwpOrderLine, { id: line.id }, { productId: line.productId });
    }
  });

  it('O1: the orders page read with its lines (one statement) joins the merchant\'s own lines and products only', async () => {
    const orders = new OrderRepository(server.app.dataSource);
    const manager = server.app.dataSource.manager;
    const page = await orders.page(ACME, {}, 50, undefined, server.clock.now(), { withTally: true, withLines: true });
    expect(page.rows.map((order) => order.id)).toEqual([orderIds.acme]);
    expect([...page.lines!.entries()].map(([orderId, lines]) => [orderId, lines.map((read) => [read.sku, read.product?.sku])])).toEqual([[orderIds.acme, [['NW-TENT-2P', 'NW-TENT-2P']]]]);
    expect(page.tally && countMatching(page.tally, {})).toBe(1);
    // A line stored under Acme's order but Bluebird's merchant (a bug, or a forged row) is not Acme's to see.
    const bluebirdProduct = await manager.findOneByOrFail(CatalogProduct, { merchantId: BLUEBIRD });
    const [acmeLine] = await manager.findBy(BwpOrderLine, { orderId: orderIds.acme });
    const stray = { ...acmeLine, id: `${acmeLine.id.slice(0, -1)}x`, merchantId: BLUEBIRD, productId: bluebirdProduct.id, sku: bluebirdProduct.sku };
    await manager.insert(BwpOrderLine, stray);
    try {
      const again = await orders.page(ACME, {}, 50, undefined, server.clock.now(), { withLines: true });
      expect(again.lines!.get(orderIds.acme)!.map((read) => read.sku)).toEqual(['NW-TENT-2P']);
      // Not asked for, the tally is not read.
      expect(again.tally).toBeNull();
      expect(await orders.linesWithProducts([orderIds.acme], ACME)).toHaveLength(1);
    } finally {
      await manager.delete(BwpOrderLine, { id: stray.id });
    }
  });

  it('O1: the orders page read (page and tally) is the merchant\'s own', async () => {
    const orders = new OrderRepository(server.app.dataSource);
    const page = await orders.page(ACME, {}, 50, undefined, server.clock.now(), { withTally: true });
    expect(page.rows.map((order) => order.id)).toEqual([orderIds.acme]);
    // Not asked for, the lines are not read.
    expect(page.lines).toBeNull();
    expect(page.tally && countMatching(page.tally, {})).toBe(1);
    expect(await new OrderTallies(server.app.dataSource).read(ACME, server.clock.now())).toEqual(page.tally);
  });

  it('P2: the catalog page joins the merchant\'s own inventory, never another merchant\'s for the same SKU; its count and readiness are its own', async () => {
    const catalog = new CatalogRepository(server.app.dataSource, links, new OnboardingStepRepository(server.app.dataSource, server.app.transactions));
    const manager = server.app.dataSource.manager;
    // Bluebird gets inventory under one of Acme's SKUs, and a product of its own under it too.
    await manager.insert(FulfillmentInventoryRecord, { merchantId: BLUEBIRD, sku: 'NW-TENT-2P', fulfillableQuantity: 9999, identifiedAt: server.clock.now() });
    try {
      const acme = await catalog.page(ACME, null, {}, 100, undefined, { totalCount: true, readiness: true });
      const acmeProducts = await manager.countBy(CatalogProduct, { merchantId: ACME });
      expect(acme.totalCount).toBe(acmeProducts);
      expect(acme.rows).toHaveLength(acmeProducts);
      expect(acme.rows.find((row) => row.sku === 'NW-TENT-2P')!.fulfillableQuantity).not.toBe(9999);
      const bluebird = await catalog.page(BLUEBIRD, null, {}, 100, undefined, { totalCount: true, readiness: true });
      expect(bluebird.rows.map((row) => row.sku)).not.toContain('NW-TENT-2P');
      expect(bluebird.totalCount).toBe(await manager.countBy(CatalogProduct, { merchantId: BLUEBIRD }));
      expect([acme.readiness?.linkState, bluebird.readiness?.linkState]).toEqual([LinkState.UNLINK_REQUESTED, LinkState.LINKED]);
    } finally {
      await manager.delete(FulfillmentInventoryRecord, { merchantId: BLUEBIRD, sku: 'NW-TENT-2P' });
    }
    // Readiness: Acme waits on its unlink request; Bluebird's link is LINKED; each reads its own link's steps.
    expect(await catalog.readiness(ACME)).toMatchObject({ linkState: LinkState.UNLINK_REQUESTED, amazonPay: StepState.SUCCEEDED });
    await manager.update(OnboardingStep, { linkId: bluebirdLink.id, kind: OnboardingStepKind.REGISTER_AMAZON_PAY }, { state: StepState.FAILED });
    try {
      expect(await catalog.readiness(BLUEBIRD)).toMatchObject({ linkState: LinkState.LINKED, amazonPay: StepState.FAILED, primeShipping: StepState.SUCCEEDED });
      expect(await catalog.readiness(ACME)).toMatchObject({ amazonPay: StepState.SUCCEEDED });
    } finally {
      await manager.update(OnboardingStep, { linkId: bluebirdLink.id, kind: OnboardingStepKind.REGISTER_AMAZON_PAY }, { state: StepState.SUCCEEDED });
    }
  });

  it('U2: unlink requests of another merchant\'s link are not returned (forLinks filters by merchant)', async () => {
    const requests = new UnlinkRequestRepository(server.app.dataSource);
    const acme = await requests.forLinks([acmeLink.id, bluebirdLink.id], ACME);
    expect(acme.map((request) => [request.linkId, request.merchantId, request.reason])).toEqual([[acmeLink.id, ACME, 'probe']]);
    expect(await requests.forLinks([acmeLink.id], BLUEBIRD)).toEqual([]);
  });

  it('U7: timeline entries of another merchant\'s link are not returned (timelinePages filters by merchant)', async () => {
    const acme = await links.timelinePages([acmeLink.id, bluebirdLink.id], ACME, 100, undefined);
    expect(acme.length).toBeGreaterThan(0);
    expect(new Set(acme.map((event) => `${event.linkId} ${event.merchantId}`))).toEqual(new Set([`${acmeLink.id} ${ACME}`]));
    expect(await links.timelinePages([acmeLink.id], BLUEBIRD, 100, undefined)).toEqual([]);
  });

  it('L6: onboarding steps of another merchant\'s link are not returned (forLinks filters by merchant)', async () => {
    const steps = new OnboardingStepRepository(server.app.dataSource, server.app.transactions);
    const byLink = await steps.forLinks([acmeLink.id, bluebirdLink.id], ACME);
    expect(byLink.get(acmeLink.id)!.map((step) => `${step.linkId} ${step.merchantId}`)).toEqual(Array(4).fill(`${acmeLink.id} ${ACME}`));
    expect(byLink.get(bluebirdLink.id)).toEqual([]);
  });

  it('P2: a link\'s step states are read for its own merchant and the kinds asked for only (statesOf)', async () => {
    const steps = new OnboardingStepRepository(server.app.dataSource, server.app.transactions);
    expect([...(await steps.statesOf({ id: acmeLink.id, merchantId: BLUEBIRD }, [OnboardingStepKind.REGISTER_AMAZON_PAY]))]).toEqual([]);
    expect([...(await steps.statesOf(acmeLink, [OnboardingStepKind.REGISTER_AMAZON_PAY]))]).toEqual([[OnboardingStepKind.REGISTER_AMAZON_PAY, StepState.SUCCEEDED]]);
    // Bluebird's Amazon Pay step fails: Acme's readiness must not read it, nor Bluebird's read Acme's.
    await server.app.dataSource.manager.update(OnboardingStep, { linkId: bluebirdLink.id, kind: OnboardingStepKind.REGISTER_AMAZON_PAY }, { state: StepState.FAILED });
    try {
      expect([...(await steps.statesOf(bluebirdLink, [OnboardingStepKind.REGISTER_AMAZON_PAY, OnboardingStepKind.ACTIVATE_PRIME_SHIPPING]))].sort()).toEqual([
        [OnboardingStepKind.ACTIVATE_PRIME_SHIPPING, StepState.SUCCEEDED],
        [OnboardingStepKind.REGISTER_AMAZON_PAY, StepState.FAILED],
      ]);
      expect((await steps.statesOf(acmeLink, [OnboardingStepKind.REGISTER_AMAZON_PAY])).get(OnboardingStepKind.REGISTER_AMAZON_PAY)).toBe(StepState.SUCCEEDED);
    } finally {
      await server.app.dataSource.manager.update(OnboardingStep, { linkId: bluebirdLink.id, kind: OnboardingStepKind.REGISTER_AMAZON_PAY }, { state: StepState.SUCCEEDED });
    }
  });
});

describe('the work lists of the background tasks (every merchant\'s, but only what is due)', () => {
  it('L8: the links in use for one Seller Central account are that account\'s only (findInUseForAccount)', async () => {
    expect((await links.findInUseForAccount('A1NORTHWINDPRO')).map((found) => found.id)).toEqual([acmeLink.id]);
    expect((await links.findInUseForAccount('A2BLUEBIRDPRO')).map((found) => found.id)).toEqual([bluebirdLink.id]);
  });

  it('L6: the onboarding worker takes only LINKED links of those it is given (findInState)', async () => {
    expect((await links.findInState([acmeLink.id, bluebirdLink.id], LinkState.LINKED)).map((found) => found.id)).toEqual([bluebirdLink.id]);
    expect((await links.findInState([acmeLink.id, bluebirdLink.id], LinkState.UNLINK_REQUESTED)).map((found) => found.id)).toEqual([acmeLink.id]);
    expect(await links.findInState([], LinkState.LINKED)).toEqual([]);
  });

  it('L6: links whose steps are all done have nothing due; a step is due when unclaimed or when its lease ran out, not while it is held', async () => {
    const steps = new OnboardingStepRepository(server.app.dataSource, server.app.transactions);
    const now = server.clock.now();
    expect(await steps.linkIdsWithDueSteps(now)).toEqual([]);
    const import_ = { linkId: bluebirdLink.id, kind: OnboardingStepKind.IMPORT_LISTINGS };
    const manager = server.app.dataSource.manager;
    try {
      await manager.update(OnboardingStep, import_, { state: StepState.PENDING, claimedUntil: null });
      expect(await steps.linkIdsWithDueSteps(now)).toEqual([bluebirdLink.id]);
      await manager.update(OnboardingStep, import_, { state: StepState.IN_PROGRESS, claimedUntil: new Date(now.getTime() + 60_000) });
      expect(await steps.linkIdsWithDueSteps(now)).toEqual([]);
      expect(await steps.linkIdsWithDueSteps(new Date(now.getTime() + 60_001))).toEqual([bluebirdLink.id]);
    } finally {
      await manager.update(OnboardingStep, import_, { state: StepState.SUCCEEDED, claimedUntil: null });
    }
  });
});

describe('L8: the Seller Central accounts in use, for the periodic check', () => {
  it('L8: each account once, in account order, and only those of current links that rely on one', async () => {
    const fresh = await startTestServer();
    try {
      const repository = new LinkRepository(fresh.app.dataSource);
      // A link that waits for Seller Central's authorization relies on no account yet.
      const { body } = await fresh.gql('mutation { startSellerCentralLink(input: { agreedToDataUse: true }) { userErrors { code } } }', {}, BLUEBIRD_TOKEN);
      expect(body.data.startSellerCentralLink.userErrors).toEqual([]);
      expect(await repository.sellerAccountsInUse()).toEqual([]);
    } finally {
      await fresh.stop();
    }
  });

  it('L8: two merchants linked to the same account: that account is checked once', async () => {
    const fresh = await startTestServer();
    try {
      const repository = new LinkRepository(fresh.app.dataSource);
      expect((await link(fresh, 'A1NORTHWINDPRO', 'STORE-NW-US', ACME_TOKEN)).userErrors).toEqual([]);
      expect((await link(fresh, 'A1NORTHWINDPRO', 'STORE-NW-OUTLET', BLUEBIRD_TOKEN)).userErrors).toEqual([]);
      expect(await repository.sellerAccountsInUse()).toEqual(['A1NORTHWINDPRO']);
    } finally {
      await fresh.stop();
    }
  });

  it('L8: accounts come in account order, whatever order the links were made in', async () => {
    const fresh = await startTestServer();
    try {
      const repository = new LinkRepository(fresh.app.dataSource);
      expect((await link(fresh, 'A2BLUEBIRDPRO', 'STORE-BB-US', BLUEBIRD_TOKEN)).userErrors).toEqual([]);
      expect((await link(fresh, 'A1NORTHWINDPRO', 'STORE-NW-US', ACME_TOKEN)).userErrors).toEqual([]);
      expect(await repository.sellerAccountsInUse()).toEqual(['A1NORTHWINDPRO', 'A2BLUEBIRDPRO']);
    } finally {
      await fresh.stop();
    }
  });
});

describe('orders of rows: by ID, not by the order rows were written in (several instances mint IDs independently)', () => {
  /** An ID another instance minted `ms` earlier than `id` (UUIDv7: the first 48 bits are the time), written after it. */
  function idBefore(id: string, ms: number): string {
    const hex = id.replace(/-/g, '');
    const millis = (parseInt(hex.slice(0, 12), 16) - ms).toString(16).padStart(12, '0');
    const next = millis + hex.slice(12);
    return `${next.slice(0, 8)}-${next.slice(8, 12)}-${next.slice(12, 16)}-${next.slice(16, 20)}-${next.slice(20)}`;
  }

  it('O1: an order with no line of its own is on the orders page read with its lines, with none (the join\'s empty row is no line)', async () => {
    const manager = server.app.dataSource.manager;
    const orders = new OrderRepository(server.app.dataSource);
    const acmeOrder = await manager.findOneByOrFail(BwpOrder, { id: orderIds.acme });
    const bare = { ...acmeOrder, id: idBefore(acmeOrder.id, -5), externalId: `${acmeOrder.externalId}-bare` };
    await manager.insert(BwpOrder, bare);
    try {
      const page = await orders.page(ACME, {}, 50, undefined, server.clock.now(), { withLines: true });
      expect(page.rows.map((order) => order.id)).toEqual([bare.id, orderIds.acme]);
      expect(page.lines!.get(bare.id)).toEqual([]);
      expect(page.lines!.get(orderIds.acme)).toHaveLength(1);
    } finally {
      await manager.delete(BwpOrder, { id: bare.id });
    }
  });

  it('O1: an order\'s lines come in ID order even when a line with an earlier ID was written last', async () => {
    const manager = server.app.dataSource.manager;
    const [line] = await manager.findBy(BwpOrderLine, { orderId: orderIds.bluebird });
    const earlier = { ...line, id: idBefore(line.id, 5), sku: 'BB-EARLIER' };
    await manager.insert(BwpOrderLine, earlier);
    try {
      const lines = await new OrderRepository(server.app.dataSource).linesWithProducts([orderIds.bluebird], BLUEBIRD);
      expect(lines.map((found) => found.sku)).toEqual(['BB-EARLIER', line.sku]);
    } finally {
      await manager.delete(BwpOrderLine, { id: earlier.id });
    }
  });

  it('U2: the scheduler takes waiting unlink requests oldest first, by ID, whatever order they were written in', async () => {
    const manager = server.app.dataSource.manager;
    const requests = new UnlinkRequestRepository(server.app.dataSource);
    const [acme] = await requests.inState(UnlinkRequestState.WAITING);
    const earlier = { ...acme, id: idBefore(acme.id, 5), merchantId: BLUEBIRD, linkId: bluebirdLink.id, supportCaseId: 'CASE-EARLIER01', reason: 'asked first' };
    await manager.insert(UnlinkRequest, earlier);
    try {
      expect((await requests.inState(UnlinkRequestState.WAITING)).map((request) => request.reason)).toEqual(['asked first', 'probe']);
    } finally {
      await manager.delete(UnlinkRequest, { id: earlier.id });
    }
  });

  it('U7: a timeline pages by ID: every entry appears once across pages, even one written last with an earlier time', async () => {
    const manager = server.app.dataSource.manager;
    const events = await manager.find(LinkEvent, { where: { linkId: bluebirdLink.id }, order: { id: 'ASC' } });
    // A slow transaction: its time was taken before every other entry's, its ID when it wrote, after them all.
    const slow = { ...events.at(-1)!, id: idBefore(events.at(-1)!.id, -5), occurredAt: new Date(events[0].occurredAt.getTime() - 1000), message: 'slow' };
    await manager.insert(LinkEvent, slow);
    try {
      const expected = [...events.map((event) => event.id), slow.id];
      expect((await links.timelinePages([bluebirdLink.id], BLUEBIRD, 100, undefined)).map((event) => event.id)).toEqual(expected);

      const messages: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        const { body }: { body: any } = await server.gql(
          'query($after: String) { sellerCentralLink { timeline(first: 2, after: $after) { nodes { message } pageInfo { hasNextPage endCursor } } } }',
          { after },
          BLUEBIRD_TOKEN,
        );
        const timeline: any = body.data.sellerCentralLink.timeline;
        messages.push(...timeline.nodes.map((node: any) => node.message));
        if (!timeline.pageInfo.hasNextPage) break;
        after = timeline.pageInfo.endCursor;
      }
      expect(messages).toEqual([...events.map((event) => event.message), 'slow']);
    } finally {
      await manager.delete(LinkEvent, { id: slow.id });
    }
  });

  it('U7: pages of one timeline asked for side by side in one request each get their own entries (the loader keys a page by its size and cursor)', async () => {
    const events = await server.app.dataSource.manager.find(LinkEvent, { where: { linkId: bluebirdLink.id }, order: { id: 'ASC' } });
    expect(events.length).toBeGreaterThanOrEqual(3);
    const cursors = (await server.gql('{ sellerCentralLink { timeline(first: 2) { edges { cursor } } } }', {}, BLUEBIRD_TOKEN)).body.data.sellerCentralLink.timeline.edges;
    const { body } = await server.gql(
      `query($first: String, $second: String) { sellerCentralLink {
        one: timeline(first: 1) { nodes { message } }
        two: timeline(first: 2) { nodes { message } }
        next: timeline(first: 1, after: $first) { nodes { message } }
        rest: timeline(first: 2, after: $first) { nodes { message } }
        third: timeline(first: 1, after: $second) { nodes { message } }
      } }`,
      { first: cursors[0].cursor, second: cursors[1].cursor },
      BLUEBIRD_TOKEN,
    );
    const messages = (page: string) => body.data.sellerCentralLink[page].nodes.map((node: { message: string }) => node.message);
    const written = events.map((event) => event.message);
    expect(Object.fromEntries(['one', 'two', 'next', 'rest', 'third'].map((page) => [page, messages(page)]))).toEqual({
      one: written.slice(0, 1),
      two: written.slice(0, 2),
      next: written.slice(1, 2),
      rest: written.slice(1, 3),
      third: written.slice(2, 3),
    });
  });
});
