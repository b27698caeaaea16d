import { UnlinkRequest } from '../../src/unlinking/unlink-request.entity';
import { link, onboard, productsBySku, setSandboxAccount, startLink, toggle } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/** Refusals carry what they name as typed fields of `UserError`, not only inside the message. */
let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.stop();
});

const DETAILS = `code message remedy
  linkMove { from to }
  attention { code message remedy since }
  blockingProducts { count products { id sku offerPrime } }
  ineligibilityReason`;

const REQUEST_UNLINK = `mutation($input: RequestUnlinkInput!) {
  requestUnlink(input: $input) { unlinkRequest { id state } link { state } userErrors { ${DETAILS} } }
}`;

const WITHDRAW = `mutation($input: WithdrawUnlinkRequestInput!) {
  withdrawUnlinkRequest(input: $input) { unlinkRequest { state } link { state } userErrors { ${DETAILS} } }
}`;

const SET_OFFER_PRIME = `mutation($input: SetOfferPrimeInput!) { setOfferPrime(input: $input) { product { offerPrime } userErrors { ${DETAILS} } } }`;

const BULK = `mutation($input: SetOfferPrimeForProductsInput!) {
  setOfferPrimeForProducts(input: $input) { outcomes { productId userErrors { ${DETAILS} } } userErrors { code } }
}`;

async function requestUnlink(reason: string) {
  return (await server.gql(REQUEST_UNLINK, { input: { reason } })).body;
}

describe('refusal details in the schema', () => {
  it('U1: the products that block an unlink come with their count and as catalog products, the first ten in SKU order', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    await toggle(server, products['NW-TENT-2P'].id, true);
    await toggle(server, products['NW-STOVE-1'].id, true);
    const { data } = await requestUnlink('Closing the shop');
    expect(data.requestUnlink.unlinkRequest).toBeNull();
    const [refusal] = data.requestUnlink.userErrors;
    expect(refusal).toMatchObject({
      code: 'UNLINK_BLOCKED_BY_OFFER_PRIME',
      blockingProducts: {
        count: 2,
        products: [
          { id: products['NW-STOVE-1'].id, sku: 'NW-STOVE-1', offerPrime: true },
          { id: products['NW-TENT-2P'].id, sku: 'NW-TENT-2P', offerPrime: true },
        ],
      },
      linkMove: null,
      attention: null,
      ineligibilityReason: null,
    });
  });

  it('L7: a refused start names the state of the link that stands in the way', async () => {
    await link(server);
    const { body } = await server.gql(`mutation($input: StartSellerCentralLinkInput!) {
      startSellerCentralLink(input: $input) { link { id } userErrors { ${DETAILS} } }
    }`, { input: { agreedToDataUse: true } });
    expect(body.data.startSellerCentralLink.userErrors).toEqual([
      expect.objectContaining({ code: 'ALREADY_LINKED', linkMove: { from: 'LINKED', to: null }, blockingProducts: null }),
    ]);
  });

  it('L8: a refused re-verification names the move it could not make (from, to)', async () => {
    const started = await startLink(server);
    const { body } = await server.gql(`mutation($input: ReverifySellerCentralLinkInput!) {
      reverifySellerCentralLink(input: $input) { link { id } userErrors { ${DETAILS} } }
    }`, { input: { linkId: started.linkId } });
    expect(body.data.reverifySellerCentralLink.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_LINK_TRANSITION', linkMove: { from: 'AWAITING_AUTHORIZATION', to: 'LINKED' } }),
    ]);
  });

  it('L8: Offer Prime refused because the link needs attention carries the attention: why, since when, and the remedy', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const changedAt = server.clock.now().toISOString();
    await setSandboxAccount(server, 'A1NORTHWINDPRO', { standing: 'SUSPENDED' });
    const { body } = await server.gql(SET_OFFER_PRIME, { input: { productId: products['NW-TENT-2P'].id, offerPrime: true } });
    expect(body.data.setOfferPrime.userErrors).toEqual([
      expect.objectContaining({
        code: 'LINK_NEEDS_ATTENTION',
        attention: {
          code: 'ACCOUNT_NOT_ACTIVE',
          message: expect.stringContaining('suspended'),
          remedy: expect.stringContaining('make sure your account is active'),
          since: changedAt,
        },
      }),
    ]);
  });

  it('P2: a product that is not eligible says why as an enum, also in a bulk outcome (and on its replay)', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const single = await server.gql(SET_OFFER_PRIME, { input: { productId: products['NW-LAMP-HD'].id, offerPrime: true } });
    expect(single.body.data.setOfferPrime.userErrors).toEqual([
      expect.objectContaining({ code: 'PRODUCT_NOT_ELIGIBLE', ineligibilityReason: 'NO_FULFILLMENT_INVENTORY' }),
    ]);
    const input = { idempotencyKey: 'bulk-1', changes: [{ productId: products['NW-LAMP-HD'].id, offerPrime: true }, { productId: products['NW-TENT-2P'].id, offerPrime: true }] };
    const first = await server.gql(BULK, { input });
    const replay = await server.gql(BULK, { input });
    for (const { body } of [first, replay]) {
      expect(body.data.setOfferPrimeForProducts.outcomes.map((outcome: any) => outcome.userErrors.map((error: any) => error.ineligibilityReason))).toEqual([
        ['NO_FULFILLMENT_INVENTORY'],
        [],
      ]);
    }
  });
});

describe('unlink requests: a reason that says something, and a withdrawal that says why not', () => {
  it('U2: a blank (whitespace-only) reason is BAD_USER_INPUT and records nothing', async () => {
    await onboard(server);
    const { errors } = await requestUnlink(' \t\n ');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toBeDefined();
    expect(await server.app.dataSource.manager.count(UnlinkRequest)).toBe(0);
    expect((await requestUnlink('  Closing the shop  ')).data.requestUnlink.userErrors).toEqual([]);
  });

  it('U4, U5: withdrawing once unlinking has begun is refused with its own message and remedy, and changes nothing', async () => {
    await onboard(server);
    const requested = (await requestUnlink('Closing the shop')).data.requestUnlink;
    await server.app.unlinking.advance();
    const { body } = await server.gql(WITHDRAW, { input: { unlinkRequestId: requested.unlinkRequest.id } });
    expect(body.data.withdrawUnlinkRequest).toMatchObject({
      unlinkRequest: null,
      userErrors: [
        {
          code: 'UNLINK_NOT_WITHDRAWABLE',
          message: 'Unlinking has begun and can no longer be withdrawn.',
          remedy: expect.stringContaining('link your Seller Central account again'),
        },
      ],
    });
    const current = await server.gql('{ sellerCentralLink { state } unlinkRequest { state } }');
    expect(current.body.data).toEqual({ sellerCentralLink: { state: 'UNLINKING' }, unlinkRequest: { state: 'UNLINKING' } });
  });

  it('U4: a request already withdrawn says so, with what is left to do', async () => {
    await onboard(server);
    const requested = (await requestUnlink('Closing the shop')).data.requestUnlink;
    await server.gql(WITHDRAW, { input: { unlinkRequestId: requested.unlinkRequest.id } });
    const { body } = await server.gql(WITHDRAW, { input: { unlinkRequestId: requested.unlinkRequest.id } });
    expect(body.data.withdrawUnlinkRequest.userErrors).toEqual([
      expect.objectContaining({ code: 'UNLINK_NOT_WITHDRAWABLE', message: 'This unlink request was already withdrawn.', remedy: expect.stringContaining('new unlink') }),
    ]);
  });
});
