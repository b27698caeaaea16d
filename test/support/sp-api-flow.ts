import { Writable } from 'node:stream';
import { AppConfig, SpApiConfig } from '../../src/config';
import { SELLER_CENTRAL_NOTIFICATION_PATH } from '../../src/notifications/seller-central-notification.route';
import { signWebhook } from '../../src/orders/webhook-signature';
import { FakeSellerCentral } from './fake-seller-central';
import { START } from './linking-flow';
import { startTestServer, TestServer } from './test-server';

export interface SpApiTestServer extends TestServer {
  /** Every wait the SP-API client asked for (backoff), in milliseconds, without waiting. */
  waits: number[];
  /** Every JSON log line the server wrote. */
  logs: string[];
}

/** A test server in SP-API mode, pointed at `fake`. */
export async function startSpApiServer(fake: FakeSellerCentral, overrides: Partial<SpApiConfig> = {}, appConfig: Partial<AppConfig> = {}): Promise<SpApiTestServer> {
  const waits: number[] = [];
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const server = await startTestServer(
    { sellerCentral: fake.config(overrides), logLevel: 'trace', ...appConfig },
    { sleeper: async (milliseconds) => void waits.push(milliseconds), logStream },
  );
  return Object.assign(server, { waits, logs });
}

export interface StartedSpApiLink {
  linkId: string;
  authorizationState: string;
  authorizationUrl: string;
}

export async function startSpApiLink(server: TestServer, token = 'demo-acme-owner'): Promise<StartedSpApiLink> {
  const { body } = await server.gql(START.replace('authorizationState', 'authorizationState authorizationUrl'), { input: { agreedToDataUse: true } }, token);
  const payload = body.data.startSellerCentralLink;
  if (payload.userErrors.length > 0) throw new Error(`start failed: ${JSON.stringify(payload.userErrors)}`);
  return { linkId: payload.link.id, authorizationState: payload.authorizationState, authorizationUrl: payload.authorizationUrl };
}

/** The merchant's browser at Seller Central's consent page: consents, and is redirected to the app's redirect URI. */
export async function consentAtSellerCentral(authorizationUrl: string): Promise<URL> {
  const response = await fetch(authorizationUrl, { redirect: 'manual' });
  if (response.status !== 302) throw new Error(`consent page answered ${response.status}`);
  return new URL(response.headers.get('location')!);
}

/** The browser following the redirect to the app's callback (the registered redirect URI, served by `server`). */
export async function followCallback(server: TestServer, redirect: URL): Promise<{ status: number; console: URL }> {
  const response = await fetch(`${server.url}${redirect.pathname}${redirect.search}`, { redirect: 'manual' });
  return { status: response.status, console: new URL(response.headers.get('location') ?? 'about:blank') };
}

/** Start, consent at Seller Central as `sellerId`, come back through the redirect: the whole link. */
export async function linkOverRedirect(server: TestServer, fake: FakeSellerCentral, sellerId = 'A1NORTHWINDSP', token = 'demo-acme-owner') {
  fake.signedInAs = sellerId;
  const started = await startSpApiLink(server, token);
  const redirect = await consentAtSellerCentral(started.authorizationUrl);
  const outcome = await followCallback(server, redirect);
  return { started, redirect, ...outcome };
}

/**
 * An ACCOUNT_STATUS_CHANGED notification exactly as Amazon documents it (payload version 2021-01-01): the
 * payload names no seller; `notificationMetadata.subscriptionId` names the subscription it came through.
 */
export function accountStatusChanged(subscriptionId: string, previous: string, current: string, eventTime: Date) {
  return {
    notificationVersion: '1.0',
    notificationType: 'ACCOUNT_STATUS_CHANGED',
    payloadVersion: '2021-01-01',
    eventTime: eventTime.toISOString(),
    payload: { accountStatusChangeNotification: { previousAccountStatus: previous, currentAccountStatus: current } },
    notificationMetadata: {
      applicationId: 'amzn1.sp.solution.11111111-2222-3333-4444-555555555555',
      subscriptionId,
      publishTime: eventTime.toISOString(),
      notificationId: `note-${eventTime.getTime()}-${current}`,
    },
  };
}

/** POSTs a notification as the relay does: signed with SP_API_NOTIFICATION_SECRET over a fresh timestamp. */
export async function postNotification(server: TestServer, body: unknown, secret = 'fake-notification-relay-secret') {
  const text = JSON.stringify(body);
  const timestamp = Math.floor(server.clock.now().getTime() / 1000);
  const response = await fetch(`${server.url}${SELLER_CENTRAL_NOTIFICATION_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bwp-timestamp': String(timestamp), 'x-bwp-signature': signWebhook(secret, timestamp, text) },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
