import { LinkEvent } from '../../src/linking/link-event.entity';
import { LinkState } from '../../src/linking/link-state';
import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { OnboardingStep } from '../../src/onboarding/onboarding-step.entity';
import { parseGlobalId } from '../../src/shared/graphql/global-id';
import { isUniqueViolation } from '../../src/database/sql-values';
import {
  authorizeAtSellerCentral,
  complete,
  COMPLETE,
  CURRENT_LINK,
  link,
  REVERIFY,
  setSandboxAccount,
  START,
  startLink,
} from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.stop();
});

async function rowCounts() {
  const manager = server.app.dataSource.manager;
  return {
    links: await manager.count(SellerCentralLink),
    events: await manager.count(LinkEvent),
    steps: await manager.count(OnboardingStep),
    linked: await manager.countBy(SellerCentralLink, { state: LinkState.LINKED }),
  };
}

/** Completes `linkId` with `code` and expects the one error `code`, with nothing written. */
async function expectCompletionRefused(linkId: string, authorizationCode: string, errorCode: string) {
  const before = await rowCounts();
  const payload = await complete(server, linkId, authorizationCode);
  expect(payload.link).toBeNull();
  expect(payload.userErrors).toHaveLength(1);
  expect(payload.userErrors[0].code).toBe(errorCode);
  expect(payload.userErrors[0].message).toEqual(expect.any(String));
  expect(await rowCounts()).toEqual(before);
  return payload.userErrors[0];
}

describe('linking a Seller Central account, as a seller does it', () => {
  it('L1, L2, L5, L6, U7: start with consent, authorize a store at Seller Central, complete; the link, its steps and its timeline are readable', async () => {
    const started = await startLink(server);
    const code = await authorizeAtSellerCentral(server, started.authorizationState, 'A1NORTHWINDPRO', 'STORE-NW-OUTLET');
    const completed = await complete(server, started.linkId, code);
    expect(completed.userErrors).toEqual([]);
    expect(completed.link).toMatchObject({
      id: started.linkId,
      state: 'LINKED',
      active: true,
      sellerAccount: { id: 'A1NORTHWINDPRO', name: 'Northwind Outfitters' },
      store: { id: 'STORE-NW-OUTLET', name: 'Northwind Outlet' },
    });
    expect(completed.link.onboardingSteps.map((step: { kind: string; state: string }) => [step.kind, step.state])).toEqual([
      ['IDENTIFY_FULFILLMENT_INVENTORY', 'PENDING'],
      ['IMPORT_LISTINGS', 'PENDING'],
      ['REGISTER_AMAZON_PAY', 'PENDING'],
      ['ACTIVATE_PRIME_SHIPPING', 'PENDING'],
    ]);

    const { body } = await server.gql(CURRENT_LINK);
    const current = body.data.sellerCentralLink;
    expect(current.consent).toEqual({ agreedAt: '2026-03-02T09:00:00.000Z', agreedBy: { displayName: 'Olivia Owner' } });
    expect(current.timeline.nodes.map((event: any) => [event.kind, event.fromState, event.toState, event.actorKind, event.actor?.displayName])).toEqual([
      ['CONSENT_RECORDED', null, 'AWAITING_AUTHORIZATION', 'USER', 'Olivia Owner'],
      ['LINKED', 'AWAITING_AUTHORIZATION', 'LINKED', 'USER', 'Olivia Owner'],
    ]);
  });

  it('L2: a start without the merchant\'s agreement is refused and records nothing', async () => {
    const before = await rowCounts();
    const { body } = await server.gql(START, { input: { agreedToDataUse: false } });
    expect(body.data.startSellerCentralLink).toMatchObject({
      link: null,
      userErrors: [{ code: 'CONSENT_REQUIRED', field: ['input', 'agreedToDataUse'], remedy: expect.stringContaining('Agree') }],
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('L3: an Individual account is refused with the upgrade remedy from the help page', async () => {
    const started = await startLink(server);
    const code = await authorizeAtSellerCentral(server, started.authorizationState, 'A3INDIVIDUAL', 'STORE-IDA');
    const error = await expectCompletionRefused(started.linkId, code, 'ACCOUNT_NOT_PROFESSIONAL');
    expect(error.remedy).toContain('select Upgrade in the Sell on Amazon service');
  });

  it.each([
    ['A4SUSPENDED', 'STORE-SUSP', 'suspended'],
    ['A5DEACTIVATED', 'STORE-DEACT', 'deactivated'],
    ['A6UNDERREVIEW', 'STORE-REVIEW', 'under review'],
  ])('L4: a %s account is refused: make it active, relink, then contact support', async (account, store, standing) => {
    const started = await startLink(server);
    const code = await authorizeAtSellerCentral(server, started.authorizationState, account, store);
    const error = await expectCompletionRefused(started.linkId, code, 'ACCOUNT_NOT_ACTIVE');
    expect(error.message).toContain(standing);
    expect(error.remedy).toContain('contact merchant support');
  });

  it('L5: a store that is not one of the account\'s stores is refused with "choose the correct store"', async () => {
    const started = await startLink(server);
    const code = await authorizeAtSellerCentral(server, started.authorizationState, 'A1NORTHWINDPRO', 'STORE-BB-US');
    const error = await expectCompletionRefused(started.linkId, code, 'STORE_NOT_IN_ACCOUNT');
    expect(error.remedy).toContain('store picker');
  });

  it('L7: a merchant that is linked cannot start another link', async () => {
    await link(server);
    const before = await rowCounts();
    const { body } = await server.gql(START, { input: { agreedToDataUse: true } });
    expect(body.data.startSellerCentralLink.userErrors).toEqual([
      expect.objectContaining({ code: 'ALREADY_LINKED', remedy: expect.stringContaining('request an unlink') }),
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([LinkState.UNLINK_REQUESTED, LinkState.UNLINKING])(
    'L7: an earlier link that is %s and not yet fully unlinked blocks a new one',
    async (state) => {
      const completed = await link(server);
      await server.app.dataSource.manager.update(SellerCentralLink, { id: parseGlobalId(completed.link.id)!.id }, { state });
      const { body } = await server.gql(START, { input: { agreedToDataUse: true } });
      expect(body.data.startSellerCentralLink.userErrors).toEqual([expect.objectContaining({ code: 'PREVIOUS_LINK_NOT_UNLINKED' })]);
    },
  );

  it('L7: a new start replaces one that was never completed, which can no longer be completed', async () => {
    const first = await startLink(server);
    const firstCode = await authorizeAtSellerCentral(server, first.authorizationState, 'A1NORTHWINDPRO', 'STORE-NW-US');
    const second = await startLink(server);
    await expectCompletionRefused(first.linkId, firstCode, 'LINK_NOT_AWAITING_AUTHORIZATION');
    const code = await authorizeAtSellerCentral(server, second.authorizationState, 'A1NORTHWINDPRO', 'STORE-NW-US');
    expect((await complete(server, second.linkId, code)).link.state).toBe('LINKED');
    const { body } = await server.gql(`{ viewer { merchant { sellerCentralLinks(first: 10) { nodes { id state } } } } }`);
    expect(body.data.viewer.merchant.sellerCentralLinks.nodes).toEqual([
      { id: second.linkId, state: 'LINKED' },
      { id: first.linkId, state: 'ABANDONED' },
    ]);
  });

  it('L7: at most one current link per merchant, even if the database is asked for two', async () => {
    await link(server);
    const existing = await server.app.dataSource.manager.findOneByOrFail(SellerCentralLink, { state: LinkState.LINKED });
    const second = server.app.dataSource.manager.insert(SellerCentralLink, { ...existing, id: '01a21a2e-b2f9-7000-9319-c4c52abb5199', authorizationState: 'other' });
    expect(isUniqueViolation(await second.catch((error) => error))).toBe(true);
  });

  describe('authorization codes work once, expire, and belong to one attempt', () => {
    it('a code belongs to its attempt: after it linked, it cannot complete a later attempt', async () => {
      const started = await startLink(server);
      const code = await authorizeAtSellerCentral(server, started.authorizationState, 'A1NORTHWINDPRO', 'STORE-NW-US');
      expect((await complete(server, started.linkId, code)).userErrors).toEqual([]);
      // Unlinking is not built yet: end the link by hand so that a new attempt can start.
      await server.app.dataSource.manager.update(SellerCentralLink, { id: parseGlobalId(started.linkId)!.id }, { state: LinkState.UNLINKED, currentForMerchantId: null });
      const again = await startLink(server);
      await expectCompletionRefused(again.linkId, code, 'AUTHORIZATION_CODE_INVALID');
    });

    it('a code that an earlier failed completion used up is refused as used', async () => {
      const started = await startLink(server);
      const code = await authorizeAtSellerCentral(server, started.authorizationState, 'A3INDIVIDUAL', 'STORE-IDA');
      await expectCompletionRefused(started.linkId, code, 'ACCOUNT_NOT_PROFESSIONAL');
      const error = await expectCompletionRefused(started.linkId, code, 'AUTHORIZATION_CODE_USED');
      expect(error.field).toEqual(['input', 'authorizationCode']);
    });

    it('a code expires: AUTHORIZATION_CODE_EXPIRED after its lifetime on the clock', async () => {
      const started = await startLink(server);
      const code = await authorizeAtSellerCentral(server, started.authorizationState, 'A1NORTHWINDPRO', 'STORE-NW-US');
      server.clock.advanceSeconds(server.app.config.authorizationCodeTtlSeconds);
      await expectCompletionRefused(started.linkId, code, 'AUTHORIZATION_CODE_EXPIRED');
    });

    it('an unknown code, or one issued for another attempt, is AUTHORIZATION_CODE_INVALID', async () => {
      const started = await startLink(server);
      await expectCompletionRefused(started.linkId, 'sandbox-code-made-up', 'AUTHORIZATION_CODE_INVALID');
      const otherMerchant = await startLink(server, 'demo-bluebird-owner');
      const foreignCode = await authorizeAtSellerCentral(server, otherMerchant.authorizationState, 'A2BLUEBIRDPRO', 'STORE-BB-US');
      await expectCompletionRefused(started.linkId, foreignCode, 'AUTHORIZATION_CODE_INVALID');
    });
  });

  it('checks in a defined order: the attempt, then the code, then L3, L4, L5', async () => {
    const started = await startLink(server);
    await expectCompletionRefused(started.linkId, 'made-up', 'AUTHORIZATION_CODE_INVALID');
    const individualWrongStore = await authorizeAtSellerCentral(server, started.authorizationState, 'A3INDIVIDUAL', 'STORE-NW-US');
    await expectCompletionRefused(started.linkId, individualWrongStore, 'ACCOUNT_NOT_PROFESSIONAL');
    const suspendedWrongStore = await authorizeAtSellerCentral(server, started.authorizationState, 'A4SUSPENDED', 'STORE-NW-US');
    await expectCompletionRefused(started.linkId, suspendedWrongStore, 'ACCOUNT_NOT_ACTIVE');
  });

  describe('L8: an account that stops qualifying after the link', () => {
    it('needs attention, says why and what to do; re-verifying after the fix brings it back', async () => {
      const { link: linked } = await link(server);
      await setSandboxAccount(server, 'A1NORTHWINDPRO', { standing: 'SUSPENDED' });

      let current = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink;
      expect(current).toMatchObject({
        state: 'NEEDS_ATTENTION',
        active: false,
        attention: { code: 'ACCOUNT_NOT_ACTIVE', message: expect.stringContaining('suspended'), remedy: expect.stringContaining('active') },
      });
      expect(current.timeline.nodes.at(-1)).toMatchObject({ kind: 'NEEDS_ATTENTION', actorKind: 'SELLER_CENTRAL', fromState: 'LINKED', toState: 'NEEDS_ATTENTION' });

      const stillSuspended = await server.gql(REVERIFY, { input: { linkId: linked.id } });
      expect(stillSuspended.body.data.reverifySellerCentralLink).toMatchObject({ link: null, userErrors: [{ code: 'ACCOUNT_NOT_ACTIVE' }] });

      await setSandboxAccount(server, 'A1NORTHWINDPRO', { standing: 'ACTIVE' });
      current = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink;
      expect(current.state).toBe('NEEDS_ATTENTION');

      const fixed = await server.gql(REVERIFY, { input: { linkId: linked.id } });
      expect(fixed.body.data.reverifySellerCentralLink).toMatchObject({ link: { state: 'LINKED', attention: null }, userErrors: [] });
      current = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink;
      expect(current.timeline.nodes.at(-1)).toMatchObject({ kind: 'REVERIFIED', actorKind: 'USER', actor: { displayName: 'Olivia Owner' } });
    });

    it('a downgrade to Individual needs attention with the upgrade remedy', async () => {
      await link(server);
      await setSandboxAccount(server, 'A1NORTHWINDPRO', { plan: 'INDIVIDUAL' });
      const current = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink;
      expect(current.attention).toMatchObject({ code: 'ACCOUNT_NOT_PROFESSIONAL', remedy: expect.stringContaining('Upgrade') });
    });

    it('re-verifying finds a change that no notification announced', async () => {
      const { link: linked } = await link(server);
      await server.app.transactions.run((manager) => manager.query(`UPDATE sandbox_seller_account SET standing = 'UNDER_REVIEW' WHERE id = 'A1NORTHWINDPRO'`));
      const { body } = await server.gql(REVERIFY, { input: { linkId: linked.id } });
      expect(body.data.reverifySellerCentralLink).toMatchObject({
        link: { state: 'NEEDS_ATTENTION', attention: { code: 'ACCOUNT_NOT_ACTIVE' } },
        userErrors: [],
      });
    });

    it('only a linked account can be re-verified', async () => {
      const started = await startLink(server);
      const { body } = await server.gql(REVERIFY, { input: { linkId: started.linkId } });
      expect(body.data.reverifySellerCentralLink.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_LINK_TRANSITION' })]);
    });
  });

  it('U6, U7: the history of links stays readable, newest first, page by page', async () => {
    const attempts = [];
    for (let i = 0; i < 3; i += 1) attempts.push(await startLink(server));
    const query = `query History($after: String) { viewer { merchant { sellerCentralLinks(first: 2, after: $after) {
      edges { cursor node { id state timeline { nodes { kind } } } } pageInfo { hasNextPage endCursor } } } } }`;
    const first = (await server.gql(query)).body.data.viewer.merchant.sellerCentralLinks;
    expect(first.edges.map((edge: any) => edge.node.id)).toEqual([attempts[2].linkId, attempts[1].linkId]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges[1].node.timeline.nodes.map((event: any) => event.kind)).toEqual(['CONSENT_RECORDED', 'ATTEMPT_ABANDONED']);
    const second = (await server.gql(query, { after: first.pageInfo.endCursor })).body.data.viewer.merchant.sellerCentralLinks;
    expect(second.edges.map((edge: any) => edge.node.id)).toEqual([attempts[0].linkId]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  it.each([
    ['a malformed link ID', 'not-an-id', 'INVALID_ID'],
    ['an ID of another type', 'TWVyY2hhbnQ6MDE5MGMwZGUtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDBhMDAx', 'INVALID_ID'],
    ['an unknown link', 'U2VsbGVyQ2VudHJhbExpbms6MDFhMjFhMzMtMzViMi03MDAwLWJkMjYtNWRkNGU4MGVlMmE2', 'NOT_FOUND'],
  ])('%s is refused (%#)', async (_case, linkId, code) => {
    await startLink(server);
    const before = await rowCounts();
    const { body } = await server.gql(COMPLETE, { input: { linkId, authorizationCode: 'whatever' } });
    expect(body.data.completeSellerCentralLink.userErrors).toEqual([expect.objectContaining({ code, field: ['input', 'linkId'] })]);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['empty strings', '', ''],
    ['oversized strings', 'x'.repeat(201), 'y'.repeat(10_000)],
  ])('%s are a validation error naming the fields, never a 500', async (_case, linkId, authorizationCode) => {
    const response = await server.gql(COMPLETE, { input: { linkId, authorizationCode } });
    expect(response.status).toBe(200);
    expect(response.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      validationErrors: [
        { field: ['linkId'], problems: [expect.any(String)] },
        { field: ['authorizationCode'], problems: [expect.any(String)] },
      ],
    });
    expect(JSON.stringify(response.body)).not.toContain('y'.repeat(100));
  });

  it('a wrongly typed variable is refused by GraphQL itself', async () => {
    const response = await server.gql(START, { input: { agreedToDataUse: 'yes' } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a forged cursor is INVALID_CURSOR', async () => {
    const { body } = await server.gql(`{ viewer { merchant { sellerCentralLinks(after: "forged") { nodes { id } } } } }`);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('a page larger than the maximum is refused', async () => {
    const { body } = await server.gql(`{ viewer { merchant { sellerCentralLinks(first: 101) { nodes { id } } } } }`);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the sandbox refuses unknown accounts and stores with their own codes', async () => {
    const started = await startLink(server);
    const authorize = (sellerAccountId: string, storeId: string) =>
      server.gql(`mutation($input: SandboxAuthorizeSellerCentralInput!) { sandboxAuthorizeSellerCentral(input: $input) { authorizationCode userErrors { code } } }`, {
        input: { authorizationState: started.authorizationState, sellerAccountId, storeId },
      });
    expect((await authorize('NOPE', 'STORE-NW-US')).body.data.sandboxAuthorizeSellerCentral.userErrors).toEqual([{ code: 'SANDBOX_ACCOUNT_NOT_FOUND' }]);
    expect((await authorize('A1NORTHWINDPRO', 'NOPE')).body.data.sandboxAuthorizeSellerCentral.userErrors).toEqual([{ code: 'SANDBOX_STORE_NOT_FOUND' }]);
    expect((await setSandboxAccount(server, 'NOPE', { standing: 'ACTIVE' })).userErrors).toEqual([{ code: 'SANDBOX_ACCOUNT_NOT_FOUND' }]);
  });
});

describe('strings that no database should see', () => {
  it('a NUL character in any input is a validation error, never a database error', async () => {
    const started = await startLink(server);
    const response = await server.gql(COMPLETE, { input: { linkId: started.linkId, authorizationCode: 'abc\u0000def' } });
    expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', validationErrors: [{ field: ['authorizationCode'] }] });
    const cursor = Buffer.from('cursor:\u0000x').toString('base64url');
    const page = await server.gql(`query($after: String) { viewer { merchant { sellerCentralLinks(after: $after) { nodes { id } } } } }`, { after: cursor });
    expect(page.body.errors?.[0].extensions?.code).toBe('INVALID_CURSOR');
  });
});
