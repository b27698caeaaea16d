import { SpApiCredential } from '../../src/seller-central/sp-api/sp-api.entities';
import { tokenKeyFrom } from '../../src/config';
import { SpApiSellerCentral } from '../../src/seller-central/sp-api/sp-api-seller-central';
import { FakeSellerCentral } from '../support/fake-seller-central';
import { CURRENT_LINK, productsBySku } from '../support/linking-flow';
import { accountStatusChanged, linkOverRedirect, postNotification, SpApiTestServer, startSpApiServer } from '../support/sp-api-flow';

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

const STEPS = `{ sellerCentralLink { id state onboardingSteps { kind state attempts failureReason progress { done total } } } }`;
const RETRY = `mutation($input: RetryOnboardingStepInput!) { retryOnboardingStep(input: $input) { userErrors { code } } }`;
const REVERIFY = `mutation($input: ReverifySellerCentralLinkInput!) {
  reverifySellerCentralLink(input: $input) { link { state attention { code message remedy } } userErrors { code message remedy } }
}`;

async function steps() {
  const link = (await server.gql(STEPS)).body.data.sellerCentralLink;
  return { link, byKind: Object.fromEntries(link.onboardingSteps.map((step: any) => [step.kind, step])) as Record<string, any> };
}

async function linked() {
  const { console } = await linkOverRedirect(server, fake);
  expect(console.searchParams.get('sellerCentralLink')).toBe('LINKED');
  return console.searchParams.get('linkId')!;
}

describe('onboarding over SP-API', () => {
  it('L6, P2: inventory (FBA Inventory, nextToken pages) and listings (Listings Items, pageToken pages of 20) are imported; one access token serves every call', async () => {
    await linked();
    await server.app.onboarding.runDue();
    const { byKind } = await steps();
    expect(byKind.IDENTIFY_FULFILLMENT_INVENTORY).toMatchObject({ state: 'SUCCEEDED', progress: { done: 5, total: 5 } });
    expect(byKind.IMPORT_LISTINGS).toMatchObject({ state: 'SUCCEEDED', progress: { done: 45, total: 45 } });

    const inventory = fake.apiRequests('/fba/inventory/v1/summaries');
    expect(inventory.map((request) => request.query.nextToken ?? null)).toEqual([null, '2', '4']);
    expect(inventory[0].query).toMatchObject({ details: 'true', granularityType: 'Marketplace', granularityId: 'ATVPDKIKX0DER', marketplaceIds: 'ATVPDKIKX0DER' });
    const listings = fake.apiRequests('/listings/2021-08-01/items/A1NORTHWINDSP');
    expect(listings).toHaveLength(3);
    expect(listings[0].query).toMatchObject({ marketplaceIds: 'ATVPDKIKX0DER', includedData: 'summaries,offers', pageSize: '20' });
    expect(listings.map((request) => request.query.pageToken ?? null).slice(1).every(Boolean)).toBe(true);
    // The code exchange's access token serves everything until it nears its hour.
    expect(fake.tokenRequests('refresh_token')).toHaveLength(0);
    expect(new Set(fake.apiRequests().map((request) => request.accessToken)).size).toBe(1);

    const products = await productsBySku(server);
    expect(Object.keys(products)).toHaveLength(45);
    expect(products['NW-SKU-001']).toMatchObject({ amazonSku: 'B0NW001XYZ', title: 'Northwind item 001', price: { amount: '10.99', currencyCode: 'USD' }, fulfillableQuantity: 10 });
    expect(products['NW-SKU-005'].fulfillableQuantity).toBe(0);
  });

  it('L6: a 429 is waited out as x-amzn-RateLimit-Limit says (through the injected sleeper), then the import goes on', async () => {
    await linked();
    fake.inject('/listings/', { status: 429, rateLimit: '0.5' }, 2);
    fake.inject('/fba/', { status: 429 }, 1);
    await server.app.onboarding.runDue();
    expect((await steps()).byKind.IMPORT_LISTINGS.state).toBe('SUCCEEDED');
    expect((await steps()).byKind.IDENTIFY_FULFILLMENT_INVENTORY.state).toBe('SUCCEEDED');
    // FBA: no header, so the first exponential step; Listings: 1 / 0.5 rps = 2 s, twice.
    expect(server.waits).toEqual([1000, 2000, 2000]);
  });

  it('L6: throttling that does not end fails the step as SELLER_CENTRAL_UNAVAILABLE; the link stays', async () => {
    await linked();
    fake.inject('/listings/', { status: 429, rateLimit: '5.0' }, 5);
    await server.app.onboarding.runDue();
    const { link, byKind } = await steps();
    expect(link.state).toBe('LINKED');
    expect(byKind.IMPORT_LISTINGS).toMatchObject({ state: 'FAILED', failureReason: expect.stringMatching(/^SELLER_CENTRAL_UNAVAILABLE: .*throttling/) });
    expect(server.waits).toEqual([1000, 2000, 4000, 8000]);
  });

  it('L6: a 5xx or a dropped connection fails the step with SELLER_CENTRAL_UNAVAILABLE, never undoing the link; the retry succeeds', async () => {
    const linkId = await linked();
    fake.inject('/fba/', { status: 503 });
    fake.inject('/listings/', 'reset');
    await server.app.onboarding.runDue();
    let { link, byKind } = await steps();
    expect(link.state).toBe('LINKED');
    expect(byKind.IDENTIFY_FULFILLMENT_INVENTORY).toMatchObject({ state: 'FAILED', failureReason: expect.stringMatching(/^SELLER_CENTRAL_UNAVAILABLE: .*HTTP 503/) });
    expect(byKind.IMPORT_LISTINGS).toMatchObject({ state: 'FAILED', failureReason: expect.stringMatching(/^SELLER_CENTRAL_UNAVAILABLE: .*did not answer/) });
    for (const step of ['IDENTIFY_FULFILLMENT_INVENTORY', 'IMPORT_LISTINGS']) {
      expect((await server.gql(RETRY, { input: { linkId, step } })).body.data.retryOnboardingStep.userErrors).toEqual([]);
    }
    await server.app.onboarding.runDue();
    ({ link, byKind } = await steps());
    expect([byKind.IDENTIFY_FULFILLMENT_INVENTORY.state, byKind.IMPORT_LISTINGS.state]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
  });

  it('L6: an access token SP-API calls expired is refreshed once (grant_type=refresh_token) and the call made again', async () => {
    await linked();
    fake.expireAccessTokens();
    await server.app.onboarding.runDue();
    expect((await steps()).byKind.IMPORT_LISTINGS.state).toBe('SUCCEEDED');
    const refreshes = fake.tokenRequests('refresh_token');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].form).toEqual({ grant_type: 'refresh_token', refresh_token: expect.stringMatching(/^Atzr\|/), client_id: expect.any(String), client_secret: expect.any(String) });
    expect(refreshes[0].contentType).toBe('application/x-www-form-urlencoded;charset=UTF-8');
  });

  it('L6: the cached access token is renewed shortly before its hour is up, without a refused call', async () => {
    await linked();
    server.clock.advanceSeconds(56 * 60);
    await server.app.onboarding.runDue();
    expect(fake.tokenRequests('refresh_token')).toHaveLength(1);
    expect(fake.apiRequests().filter((request) => request.path.startsWith('/fba/') || request.path.startsWith('/listings/'))).toHaveLength(6);
  });

  it('L6: Amazon Pay and Prime shipping (no public SP-API) are served by the sandbox in development; the link can offer Prime', async () => {
    await linked();
    await server.app.onboarding.runDue();
    server.clock.advanceSeconds(120);
    await server.app.onboarding.runDue();
    const { byKind } = await steps();
    expect([byKind.REGISTER_AMAZON_PAY.state, byKind.ACTIVATE_PRIME_SHIPPING.state]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
  });

  it('L6: in production, Amazon Pay and Prime shipping fail with a reason until an onboarding service is plugged in; the link stays', async () => {
    await server.stop();
    server = await startSpApiServer(fake, {}, { environment: 'production', sandboxControls: false });
    await linked();
    await server.app.onboarding.runDue();
    const { link, byKind } = await steps();
    expect(link.state).toBe('LINKED');
    expect(byKind.IMPORT_LISTINGS.state).toBe('SUCCEEDED');
    expect(byKind.REGISTER_AMAZON_PAY).toMatchObject({ state: 'FAILED', failureReason: expect.stringContaining('no public Selling Partner API operation') });
    expect(byKind.ACTIVATE_PRIME_SHIPPING.state).toBe('PENDING');
  });
});

describe('L8 from Seller Central over SP-API', () => {
  it('L8: ACCOUNT_STATUS_CHANGED AT_RISK puts the link in NEEDS_ATTENTION with a reason; NORMAL lets re-verify bring it back', async () => {
    const linkId = await linked();
    const at = server.clock.now();
    const risk = await postNotification(server, accountStatusChanged(fake.subscriptionIdOf('A1NORTHWINDSP'), 'NORMAL', 'AT_RISK', at));
    expect(risk).toEqual({ status: 200, body: { status: 'APPLIED' } });
    const current = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink;
    expect(current).toMatchObject({ state: 'NEEDS_ATTENTION', attention: { code: 'ACCOUNT_NOT_ACTIVE', message: expect.stringContaining('at risk of deactivation'), remedy: expect.stringContaining('Seller Central') } });
    expect(current.timeline.nodes.at(-1)).toMatchObject({ kind: 'NEEDS_ATTENTION', actorKind: 'SELLER_CENTRAL' });

    const early = await server.gql(REVERIFY, { input: { linkId } });
    expect(early.body.data.reverifySellerCentralLink.userErrors[0]).toMatchObject({ code: 'ACCOUNT_NOT_ACTIVE' });

    server.clock.advanceSeconds(3600);
    expect((await postNotification(server, accountStatusChanged(fake.subscriptionIdOf('A1NORTHWINDSP'), 'AT_RISK', 'NORMAL', server.clock.now()))).body).toEqual({ status: 'APPLIED' });
    expect((await server.gql(CURRENT_LINK)).body.data.sellerCentralLink.state).toBe('NEEDS_ATTENTION');
    const back = await server.gql(REVERIFY, { input: { linkId } });
    expect(back.body.data.reverifySellerCentralLink).toMatchObject({ userErrors: [], link: { state: 'LINKED', attention: null } });
  });

  it('L8: DEACTIVATED needs attention too; a late, older notification changes nothing; other notification types are ignored', async () => {
    await linked();
    const now = server.clock.now();
    expect((await postNotification(server, accountStatusChanged(fake.subscriptionIdOf('A1NORTHWINDSP'), 'NORMAL', 'DEACTIVATED', now))).body).toEqual({ status: 'APPLIED' });
    const older = new Date(now.getTime() - 60_000);
    expect((await postNotification(server, accountStatusChanged(fake.subscriptionIdOf('A1NORTHWINDSP'), 'AT_RISK', 'NORMAL', older))).body).toEqual({ status: 'OUT_OF_ORDER' });
    expect((await server.gql(CURRENT_LINK)).body.data.sellerCentralLink.attention.message).toContain('deactivated');
    const other = await postNotification(server, { notificationType: 'ANY_OFFER_CHANGED', payloadVersion: '1.0', payload: {} });
    expect(other).toEqual({ status: 200, body: { status: 'IGNORED', notificationType: 'ANY_OFFER_CHANGED' } });
  });

  it('L8: the notification webhook is signed like the order webhook: a wrong secret is 401, a malformed envelope 400, and neither changes anything', async () => {
    await linked();
    const body = accountStatusChanged(fake.subscriptionIdOf('A1NORTHWINDSP'), 'NORMAL', 'DEACTIVATED', server.clock.now());
    expect(await postNotification(server, body, 'not-the-relay-secret-at-all')).toEqual({ status: 401, body: { error: 'SIGNATURE_INVALID' } });
    const malformed = await postNotification(server, { ...body, payload: { accountStatusChangeNotification: { previousAccountStatus: 'NORMAL', currentAccountStatus: 'SLEEPY' } } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.problems).toEqual([expect.stringContaining('currentAccountStatus must be one of NORMAL, AT_RISK, DEACTIVATED')]);
    expect((await server.gql(CURRENT_LINK)).body.data.sellerCentralLink.state).toBe('LINKED');
  });

  it('L8: the periodic check reads the Sellers API, so a lost notification is caught; it runs once per interval', async () => {
    await linked();
    fake.sellers.get('A1NORTHWINDSP')!.participations[0].hasSuspendedListings = true;
    expect(await server.app.accountCheck!.runIfDue()).toBe(true);
    const current = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink;
    expect(current).toMatchObject({ state: 'NEEDS_ATTENTION', attention: { code: 'ACCOUNT_NOT_ACTIVE', message: expect.stringContaining('suspended listings') } });
    const reads = fake.apiRequests('/sellers/v1/marketplaceParticipations').length;
    expect(await server.app.accountCheck!.runIfDue()).toBe(false);
    server.clock.advanceSeconds(60 * 60);
    expect(await server.app.accountCheck!.runIfDue()).toBe(true);
    expect(fake.apiRequests('/sellers/v1/marketplaceParticipations').length).toBe(reads + 1);
  });
});

describe('secrets', () => {
  it('refresh tokens are sealed at rest (AES-256-GCM, with the key\'s ID) and never appear in a log line or a response', async () => {
    const linkId = await linked();
    await server.app.onboarding.runDue();
    fake.expireAccessTokens();
    expect((await server.gql(REVERIFY, { input: { linkId } })).body.data.reverifySellerCentralLink.userErrors).toEqual([]);
    expect(fake.tokenRequests('refresh_token')).toHaveLength(1);
    const responses = JSON.stringify([
      (await server.gql(CURRENT_LINK)).body,
      (await server.gql(`{ viewer { merchant { sellerCentralLinks { nodes { id state sellerAccount { id name } store { id name marketplace } } } } } }`)).body,
    ]);
    const [row] = await server.app.dataSource.manager.find(SpApiCredential);
    expect(row).toMatchObject({ sellingPartnerId: 'A1NORTHWINDSP', keyId: tokenKeyFrom(Buffer.alloc(32, 7)).id });
    const secrets = fake.issuedSecrets();
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    expect(server.logs.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(row.sealedRefreshToken).not.toContain(secret);
      expect(server.logs.join('\n')).not.toContain(secret);
      expect(responses).not.toContain(secret);
    }
  });

  it('a key rotation: the previous key still opens old tokens, which are sealed again with the new key on use', async () => {
    await linked();
    const oldKey = tokenKeyFrom(Buffer.alloc(32, 7));
    const newKey = tokenKeyFrom(Buffer.alloc(32, 9));
    const { dataSource, transactions, sandbox } = server.app;
    const deps = { dataSource, transactions, clock: server.clock, enrollment: sandbox, sleeper: async () => undefined };
    const withoutOldKey = new SpApiSellerCentral(fake.config({ tokenKey: newKey }), deps);
    await expect(withoutOldKey.getAccount('A1NORTHWINDSP')).rejects.toThrow(/No token encryption key with the ID/);

    const rotated = new SpApiSellerCentral(fake.config({ tokenKey: newKey, previousTokenKeys: [oldKey] }), deps);
    expect(await rotated.getAccount('A1NORTHWINDSP')).toMatchObject({ id: 'A1NORTHWINDSP', plan: 'PROFESSIONAL' });
    const [row] = await dataSource.manager.find(SpApiCredential);
    expect(row.keyId).toBe(newKey.id);
    const onlyNewKey = new SpApiSellerCentral(fake.config({ tokenKey: newKey }), deps);
    expect(await onlyNewKey.getAccount('A1NORTHWINDSP')).toMatchObject({ id: 'A1NORTHWINDSP' });
  });
});
