import { SpApiAccountStatus, SpApiNotificationSubscription } from '../../src/seller-central/sp-api/sp-api.entities';
import { FakeSellerCentral, fakeApp } from '../support/fake-seller-central';
import { CURRENT_LINK } from '../support/linking-flow';
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

const SUBSCRIPTIONS_PATH = '/notifications/v1/subscriptions/ACCOUNT_STATUS_CHANGED';

async function linked(sellerId = 'A1NORTHWINDSP') {
  const { console } = await linkOverRedirect(server, fake, sellerId);
  expect(console.searchParams.get('sellerCentralLink')).toBe('LINKED');
  return console.searchParams.get('linkId')!;
}

async function linkState() {
  return (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink.state;
}

function recordedSubscriptions() {
  return server.app.dataSource.manager.find(SpApiNotificationSubscription, { order: { subscriptionId: 'ASC' } });
}

/** The JSON log lines at warn (pino level 40). */
function warnings(): Array<Record<string, unknown>> {
  return server.logs.flatMap((line) => line.split('\n').filter(Boolean)).map((line) => JSON.parse(line)).filter((entry) => entry.level === 40);
}

describe('ACCOUNT_STATUS_CHANGED as Amazon documents it (the seller comes from the subscription)', () => {
  it('L8: the documentation wins over the old parser: a notification carrying only the documented fields (no sellerId) moves the link to NEEDS_ATTENTION through the seller\'s subscription', async () => {
    await linked();
    // Linking subscribed the seller, with the seller's own access token, to the configured destination.
    const [create] = fake.apiRequests(SUBSCRIPTIONS_PATH);
    expect(create).toMatchObject({ method: 'POST', contentType: 'application/json', accessToken: expect.stringMatching(/^Atza\|/) });
    expect(create.json).toEqual({ payloadVersion: '2021-01-01', destinationId: fakeApp.destinationId });
    const subscriptionId = fake.subscriptionIdOf('A1NORTHWINDSP');
    expect(await recordedSubscriptions()).toEqual([
      expect.objectContaining({ subscriptionId, sellingPartnerId: 'A1NORTHWINDSP', notificationType: 'ACCOUNT_STATUS_CHANGED', payloadVersion: '2021-01-01', destinationId: fakeApp.destinationId }),
    ]);

    // Amazon's documented example, with this seller's subscription and a current eventTime: nothing else.
    const eventTime = server.clock.now().toISOString();
    const documented = {
      notificationVersion: '1.0',
      notificationType: 'ACCOUNT_STATUS_CHANGED',
      payloadVersion: '2021-01-01',
      eventTime,
      payload: { accountStatusChangeNotification: { previousAccountStatus: 'NORMAL', currentAccountStatus: 'AT_RISK' } },
      notificationMetadata: { applicationId: fakeApp.applicationId, subscriptionId, publishTime: eventTime, notificationId: 'd0e9e693-c3ad-4373-979f-ed4ec98dd746' },
    };
    expect(await postNotification(server, documented)).toEqual({ status: 200, body: { status: 'APPLIED' } });
    const current = (await server.gql(CURRENT_LINK)).body.data.sellerCentralLink;
    expect(current).toMatchObject({
      state: 'NEEDS_ATTENTION',
      attention: { code: 'ACCOUNT_NOT_ACTIVE', message: expect.stringContaining('at risk of deactivation'), remedy: expect.stringContaining('Seller Central') },
    });
    expect(current.timeline.nodes.at(-1)).toMatchObject({ kind: 'NEEDS_ATTENTION', actorKind: 'SELLER_CENTRAL' });
  });

  it('L8: a notification from a subscription this API did not record answers 200 UNKNOWN_SUBSCRIPTION, changes nothing (a sellerId in the payload is not trusted), and is logged at warn without secrets', async () => {
    await linked();
    const notification = accountStatusChanged('subscription-id-not-ours', 'NORMAL', 'DEACTIVATED', server.clock.now());
    const withOldField = { ...notification, payload: { accountStatusChangeNotification: { ...notification.payload.accountStatusChangeNotification, sellerId: 'A1NORTHWINDSP' } } };
    expect(await postNotification(server, withOldField)).toEqual({ status: 200, body: { status: 'UNKNOWN_SUBSCRIPTION' } });
    expect(await linkState()).toBe('LINKED');
    expect(await server.app.dataSource.manager.count(SpApiAccountStatus)).toBe(0);

    expect(warnings()).toEqual([
      expect.objectContaining({ subscriptionId: 'subscription-id-not-ours', notificationType: 'ACCOUNT_STATUS_CHANGED', msg: expect.stringContaining('has not recorded') }),
    ]);
    const logs = server.logs.join('\n');
    for (const secret of [...fake.issuedSecrets(), 'fake-notification-relay-secret', fakeApp.clientSecret]) expect(logs).not.toContain(secret);
  });

  it('L8: a subscription that fails at link time (throttled: not waited out while the browser waits) does not fail the link; the periodic account check subscribes the seller, and its notifications then apply', async () => {
    fake.inject('/notifications/', { status: 429, rateLimit: '1.0' });
    await linked();
    expect(await linkState()).toBe('LINKED');
    expect(server.waits).toEqual([]);
    expect(await recordedSubscriptions()).toEqual([]);
    expect(fake.subscriptionOf('A1NORTHWINDSP')).toBeUndefined();
    expect(warnings()).toEqual([
      expect.objectContaining({ task: 'linking', sellerAccountId: 'A1NORTHWINDSP', reason: expect.stringContaining('throttling'), msg: expect.stringContaining('periodic account check') }),
    ]);

    expect(await server.app.accountCheck!.runIfDue()).toBe(true);
    const subscriptionId = fake.subscriptionIdOf('A1NORTHWINDSP');
    expect(await recordedSubscriptions()).toEqual([expect.objectContaining({ subscriptionId, sellingPartnerId: 'A1NORTHWINDSP' })]);
    expect((await postNotification(server, accountStatusChanged(subscriptionId, 'NORMAL', 'DEACTIVATED', server.clock.now()))).body).toEqual({ status: 'APPLIED' });
    expect(await linkState()).toBe('NEEDS_ATTENTION');

    // Once recorded, later checks ask Amazon nothing more about it.
    server.clock.advanceSeconds(60 * 60);
    expect(await server.app.accountCheck!.runIfDue()).toBe(true);
    expect(fake.apiRequests(SUBSCRIPTIONS_PATH).filter((request) => request.method === 'POST')).toHaveLength(2);
  });

  it('L8: a Seller Central outage at link time (503) is repaired the same way', async () => {
    fake.inject('/notifications/', { status: 503 });
    await linked();
    expect(await linkState()).toBe('LINKED');
    expect(warnings()[0].reason).toContain('HTTP 503');
    await server.app.accountCheck!.runIfDue();
    expect(await recordedSubscriptions()).toEqual([expect.objectContaining({ subscriptionId: fake.subscriptionIdOf('A1NORTHWINDSP') })]);
  });

  it('L8: a seller already subscribed (409 Conflict on createSubscription) is read with getSubscription, and that subscription is recorded', async () => {
    const existing = fake.subscribe('A1NORTHWINDSP', 'ACCOUNT_STATUS_CHANGED');
    await linked();
    expect(fake.apiRequests(SUBSCRIPTIONS_PATH).map((request) => [request.method, request.query])).toEqual([
      ['POST', {}],
      ['GET', { payloadVersion: '2021-01-01' }],
    ]);
    expect(await recordedSubscriptions()).toEqual([expect.objectContaining({ subscriptionId: existing.subscriptionId, sellingPartnerId: 'A1NORTHWINDSP' })]);
    expect((await postNotification(server, accountStatusChanged(existing.subscriptionId, 'NORMAL', 'AT_RISK', server.clock.now()))).body).toEqual({ status: 'APPLIED' });
    expect(await linkState()).toBe('NEEDS_ATTENTION');
  });

  it('L8: an existing subscription that delivers to another destination is not recorded (its notifications would never arrive); the log and the periodic check say what to do', async () => {
    fake.subscribe('A1NORTHWINDSP', 'ACCOUNT_STATUS_CHANGED', 'another-destination');
    await linked();
    expect(await linkState()).toBe('LINKED');
    expect(await recordedSubscriptions()).toEqual([]);
    expect(warnings()[0].reason).toContain('the destination another-destination, not SP_API_NOTIFICATION_DESTINATION_ID');
    await expect(server.app.accountCheck!.runIfDue()).rejects.toMatchObject({
      errors: [expect.objectContaining({ message: expect.stringContaining('deleteSubscriptionById') })],
    });
  });
});
