import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { LinkEvent } from '../../src/linking/link-event.entity';
import { SpApiCredential } from '../../src/seller-central/sp-api/sp-api.entities';
import { FakeSellerCentral, fakeApp } from '../support/fake-seller-central';
import { COMPLETE, CURRENT_LINK } from '../support/linking-flow';
import { consentAtSellerCentral, followCallback, linkOverRedirect, SpApiTestServer, startSpApiLink, startSpApiServer } from '../support/sp-api-flow';

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

async function rowCounts() {
  const manager = server.app.dataSource.manager;
  return {
    links: await manager.count(SellerCentralLink),
    events: await manager.count(LinkEvent),
    linked: await manager.countBy(SellerCentralLink, { state: 'LINKED' as never }),
    credentials: await manager.count(SpApiCredential),
  };
}

/** The callback is refused with `code`, sends the browser to the console saying so, and writes nothing. */
async function expectCallbackRefused(redirect: URL, code: string) {
  const before = await rowCounts();
  const outcome = await followCallback(server, redirect);
  expect(outcome.status).toBe(303);
  expect(`${outcome.console.origin}${outcome.console.pathname}`).toBe(fakeApp.consoleUrl);
  expect(Object.fromEntries(outcome.console.searchParams)).toEqual({ sellerCentralLink: 'REFUSED', code });
  expect(await rowCounts()).toEqual(before);
}

describe('linking through the Selling Partner API (website authorization workflow)', () => {
  it('L2, L5, L6, U7: start, consent at Seller Central, come back through the redirect URI; the link is LINKED with the US store', async () => {
    const started = await startSpApiLink(server);
    const consent = new URL(started.authorizationUrl);
    expect(`${consent.origin}${consent.pathname}`).toBe(`${fake.url}/apps/authorize/consent`);
    expect(Object.fromEntries(consent.searchParams)).toEqual({ application_id: fakeApp.applicationId, state: started.authorizationState, version: 'beta' });

    const redirect = await consentAtSellerCentral(started.authorizationUrl);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(fakeApp.redirectUri);
    const outcome = await followCallback(server, redirect);
    expect(outcome.status).toBe(303);
    expect(Object.fromEntries(outcome.console.searchParams)).toEqual({ sellerCentralLink: 'LINKED', linkId: started.linkId });

    const [exchange] = fake.tokenRequests('authorization_code');
    expect(exchange.contentType).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(exchange.form).toEqual({
      grant_type: 'authorization_code',
      code: redirect.searchParams.get('spapi_oauth_code'),
      redirect_uri: fakeApp.redirectUri,
      client_id: fakeApp.clientId,
      client_secret: fakeApp.clientSecret,
    });
    expect(fake.apiRequests('/sellers/v1/').map((request) => request.path)).toEqual(['/sellers/v1/marketplaceParticipations', '/sellers/v1/account']);
    expect(fake.apiRequests().every((request) => request.accessToken?.startsWith('Atza|'))).toBe(true);

    const current = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink;
    expect(current).toMatchObject({
      id: started.linkId,
      state: 'LINKED',
      sellerAccount: { id: 'A1NORTHWINDSP', name: 'Northwind Outfitters LLC' },
      store: { id: 'ATVPDKIKX0DER', name: 'Northwind Outfitters' },
      onboardingSteps: [{ state: 'PENDING' }, { state: 'PENDING' }, { state: 'PENDING' }, { state: 'PENDING' }],
    });
    expect(current.timeline.nodes.map((event: any) => [event.kind, event.toState, event.actor?.displayName])).toEqual([
      ['CONSENT_RECORDED', 'AWAITING_AUTHORIZATION', 'Olivia Owner'],
      ['LINKED', 'LINKED', 'Olivia Owner'],
    ]);
  });

  it('L5: the Sellers API\'s marketplace participation is the store; an account with no store in the marketplace is refused (wrong store)', async () => {
    fake.signedInAs = 'A6CANADASP';
    const started = await startSpApiLink(server);
    await expectCallbackRefused(await consentAtSellerCentral(started.authorizationUrl), 'STORE_NOT_IN_ACCOUNT');
  });

  it('L3: an Individual account (Sellers API getAccount sellingPlan) is refused', async () => {
    fake.signedInAs = 'A3INDIVIDUALSP';
    const started = await startSpApiLink(server);
    await expectCallbackRefused(await consentAtSellerCentral(started.authorizationUrl), 'ACCOUNT_NOT_PROFESSIONAL');
  });

  it('L4: suspended listings, or no longer participating in the marketplace, is refused as not active', async () => {
    for (const sellerId of ['A4SUSPENDEDSP', 'A5GONESP']) {
      fake.signedInAs = sellerId;
      const started = await startSpApiLink(server);
      await expectCallbackRefused(await consentAtSellerCentral(started.authorizationUrl), 'ACCOUNT_NOT_ACTIVE');
    }
    const { body } = await server.gql(`mutation { startSellerCentralLink(input: { agreedToDataUse: true }) { userErrors { code } } }`);
    expect(body.data.startSellerCentralLink.userErrors).toEqual([]);
  });

  it('L3: where the region offers no getAccount, the plan is taken as Professional and the link completes', async () => {
    const { console } = await linkOverRedirect(server, fake, 'A7NOACCOUNTAPI');
    expect(console.searchParams.get('sellerCentralLink')).toBe('LINKED');
    expect((await server.gql(CURRENT_LINK)).body.data.sellerCentralLink.sellerAccount).toEqual({ id: 'A7NOACCOUNTAPI', name: 'Far Region Store' });
  });
});

describe('the OAuth state and the code', () => {
  it('L2: a replayed callback (its state already used) is refused and changes nothing', async () => {
    const { redirect, console } = await linkOverRedirect(server, fake);
    expect(console.searchParams.get('sellerCentralLink')).toBe('LINKED');
    await expectCallbackRefused(redirect, 'AUTHORIZATION_STATE_USED');
    expect(fake.tokenRequests('authorization_code')).toHaveLength(1);
  });

  it('L2: a state that comes back after the attempt expired is refused before Login with Amazon is asked', async () => {
    const started = await startSpApiLink(server);
    const redirect = await consentAtSellerCentral(started.authorizationUrl);
    server.clock.advanceSeconds(601);
    await expectCallbackRefused(redirect, 'AUTHORIZATION_STATE_EXPIRED');
    expect(fake.tokenRequests()).toHaveLength(0);
  });

  it('L2: an unknown state, or a callback without one, is refused', async () => {
    const started = await startSpApiLink(server);
    const redirect = await consentAtSellerCentral(started.authorizationUrl);
    redirect.searchParams.set('state', 'not-a-state-we-sent');
    await expectCallbackRefused(redirect, 'AUTHORIZATION_STATE_INVALID');
    redirect.searchParams.delete('state');
    await expectCallbackRefused(redirect, 'AUTHORIZATION_STATE_INVALID');
  });

  it('L2, L7: a state replaced by a newer start is used up', async () => {
    const first = await startSpApiLink(server);
    const redirect = await consentAtSellerCentral(first.authorizationUrl);
    await startSpApiLink(server);
    await expectCallbackRefused(redirect, 'AUTHORIZATION_STATE_USED');
  });

  it('L2: another merchant\'s state is refused (cross-merchant), through the console\'s own completion too', async () => {
    const acme = await startSpApiLink(server);
    const acmeRedirect = await consentAtSellerCentral(acme.authorizationUrl);
    const bluebird = await startSpApiLink(server, 'demo-bluebird-owner');
    const { body } = await server.gql(
      COMPLETE,
      {
        input: {
          linkId: bluebird.linkId,
          authorizationCode: acmeRedirect.searchParams.get('spapi_oauth_code'),
          state: acme.authorizationState,
          sellingPartnerId: 'A1NORTHWINDSP',
        },
      },
      'demo-bluebird-owner',
    );
    expect(body.data.completeSellerCentralLink.userErrors).toEqual([
      expect.objectContaining({ code: 'AUTHORIZATION_STATE_INVALID', field: ['input', 'state'], remedy: expect.any(String) }),
    ]);
    const foreign = await server.gql(COMPLETE, { input: { linkId: acme.linkId, authorizationCode: 'x', state: acme.authorizationState } }, 'demo-bluebird-owner');
    expect(foreign.body.data.completeSellerCentralLink.userErrors[0].code).toBe('NOT_FOUND');
    expect(fake.tokenRequests()).toHaveLength(0);
    // The rightful merchant's callback still works.
    expect((await followCallback(server, acmeRedirect)).console.searchParams.get('sellerCentralLink')).toBe('LINKED');
  });

  it('L2: a console that handles the redirect itself completes with state, selling_partner_id and the code; without the state it is refused', async () => {
    const started = await startSpApiLink(server);
    const redirect = await consentAtSellerCentral(started.authorizationUrl);
    const code = redirect.searchParams.get('spapi_oauth_code');
    const withoutState = await server.gql(COMPLETE, { input: { linkId: started.linkId, authorizationCode: code, sellingPartnerId: 'A1NORTHWINDSP' } });
    expect(withoutState.body.data.completeSellerCentralLink.userErrors[0]).toMatchObject({ code: 'AUTHORIZATION_STATE_INVALID', field: ['input', 'state'] });
    const { body } = await server.gql(COMPLETE, {
      input: { linkId: started.linkId, authorizationCode: code, state: redirect.searchParams.get('state'), sellingPartnerId: redirect.searchParams.get('selling_partner_id') },
    });
    expect(body.data.completeSellerCentralLink).toMatchObject({ userErrors: [], link: { state: 'LINKED', store: { id: 'ATVPDKIKX0DER' } } });
  });

  it('L2: a code Login with Amazon refuses (invalid_grant: expired or used) is refused with its own code and changes nothing; a fresh consent then links', async () => {
    const started = await startSpApiLink(server);
    const redirect = await consentAtSellerCentral(started.authorizationUrl);
    fake.expireCodes();
    await expectCallbackRefused(redirect, 'AUTHORIZATION_CODE_REJECTED');
    const again = await consentAtSellerCentral(started.authorizationUrl);
    expect((await followCallback(server, again)).console.searchParams.get('sellerCentralLink')).toBe('LINKED');
  });
});
