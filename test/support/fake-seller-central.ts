import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { SpApiConfig, tokenKeyFrom } from '../../src/config';

/** A seller account as the fake's Sellers, FBA Inventory and Listings Items APIs describe it. */
export interface FakeSeller {
  sellingPartnerId: string;
  businessName: string;
  sellingPlan: 'PROFESSIONAL' | 'INDIVIDUAL';
  /** False: the region does not offer GET /sellers/v1/account (404). */
  accountApi?: boolean;
  participations: Array<{ marketplaceId: string; storeName: string; isParticipating: boolean; hasSuspendedListings: boolean }>;
  listings: Array<{ sku: string; asin: string; itemName: string; price: string; currencyCode: string }>;
  inventory: Array<{ sellerSku: string; fulfillableQuantity: number }>;
}

/** What the fake was asked: every request, with its form fields (LWA) or query, JSON body and access token (SP-API). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | undefined;
  accessToken: string | undefined;
  form: Record<string, string> | null;
  /** A JSON body (createSubscription), parsed; null for none or one that is not JSON. */
  json: unknown;
}

/** A Notifications API subscription, as getSubscription describes it. */
export interface FakeSubscription {
  subscriptionId: string;
  payloadVersion: string;
  destinationId: string;
}

/** A canned answer for the next matching SP-API request: throttled, failed, or a dropped connection. */
export type Fault = { status: 429; rateLimit?: string } | { status: 500 | 503 } | 'reset';

const US = 'ATVPDKIKX0DER';
const CA = 'A2EUQ1WTGCTBG2';
export const fakeMarketplaces: Record<string, { name: string; countryCode: string; defaultCurrencyCode: string; defaultLanguageCode: string; domainName: string }> = {
  [US]: { name: 'Amazon.com', countryCode: 'US', defaultCurrencyCode: 'USD', defaultLanguageCode: 'en_US', domainName: 'www.amazon.com' },
  [CA]: { name: 'Amazon.ca', countryCode: 'CA', defaultCurrencyCode: 'CAD', defaultLanguageCode: 'en_CA', domainName: 'www.amazon.ca' },
};

const usStore = (storeName: string, participation: Partial<{ isParticipating: boolean; hasSuspendedListings: boolean }> = {}) => ({
  marketplaceId: US,
  storeName,
  isParticipating: true,
  hasSuspendedListings: false,
  ...participation,
});

/** One seller for each case the linking rules tell apart, in Selling Partner ID form. */
export function fakeSellers(): FakeSeller[] {
  const listings = Array.from({ length: 45 }, (_, index) => {
    const n = String(index + 1).padStart(3, '0');
    return { sku: `NW-SKU-${n}`, asin: `B0NW${n}XYZ`, itemName: `Northwind item ${n}`, price: `${10 + index}.99`, currencyCode: 'USD' };
  });
  return [
    {
      sellingPartnerId: 'A1NORTHWINDSP',
      businessName: 'Northwind Outfitters LLC',
      sellingPlan: 'PROFESSIONAL',
      participations: [usStore('Northwind Outfitters'), { marketplaceId: CA, storeName: 'Northwind Canada', isParticipating: true, hasSuspendedListings: false }],
      listings,
      inventory: listings.slice(0, 5).map((listing, index) => ({ sellerSku: listing.sku, fulfillableQuantity: index === 4 ? 0 : 10 * (index + 1) })),
    },
    { sellingPartnerId: 'A3INDIVIDUALSP', businessName: 'Ida Individual', sellingPlan: 'INDIVIDUAL', participations: [usStore('Ida\'s Shop')], listings: [], inventory: [] },
    {
      sellingPartnerId: 'A4SUSPENDEDSP',
      businessName: 'Suspended Supply Co',
      sellingPlan: 'PROFESSIONAL',
      participations: [usStore('Suspended Supply', { hasSuspendedListings: true })],
      listings: [],
      inventory: [],
    },
    {
      sellingPartnerId: 'A5GONESP',
      businessName: 'Gone Goods',
      sellingPlan: 'PROFESSIONAL',
      participations: [usStore('Gone Goods', { isParticipating: false })],
      listings: [],
      inventory: [],
    },
    {
      sellingPartnerId: 'A6CANADASP',
      businessName: 'Maple Only Inc',
      sellingPlan: 'PROFESSIONAL',
      participations: [{ marketplaceId: CA, storeName: 'Maple Only', isParticipating: true, hasSuspendedListings: false }],
      listings: [],
      inventory: [],
    },
    {
      sellingPartnerId: 'A7NOACCOUNTAPI',
      businessName: 'Region Without getAccount',
      sellingPlan: 'PROFESSIONAL',
      accountApi: false,
      participations: [usStore('Far Region Store')],
      listings: [],
      inventory: [],
    },
  ];
}

export const fakeApp = {
  applicationId: 'amzn1.sp.solution.11111111-2222-3333-4444-555555555555',
  clientId: 'amzn1.application-oa2-client.fakeclientid',
  clientSecret: 'amzn1.oa2-cs.v1.fake-client-secret',
  redirectUri: 'https://console-api.example/seller-central/callback',
  consoleUrl: 'https://console.example/settings/seller-central',
  /** The app's one Notifications API destination (its SQS queue), created once with createDestination. */
  destinationId: '3acafc7e-121b-1329-8ae8-1571be663aaa',
};

/**
 * Login with Amazon and the Selling Partner API on 127.0.0.1, speaking the documented shapes: the
 * consent page of the website authorization workflow, the form-encoded token endpoint (single-use codes
 * that expire, refresh tokens, one-hour access tokens, OAuth2 errors), and the Sellers, FBA Inventory and
 * Listings Items GET operations and the Notifications API's createSubscription and getSubscription (one
 * subscription per seller and notification type, 409 Conflict for a second) with `x-amz-access-token`,
 * paging tokens, 429 with `x-amzn-RateLimit-Limit`, and the `{ errors: [...] }` envelope. It records
 * every request.
 */
export class FakeSellerCentral {
  readonly requests: RecordedRequest[] = [];
  readonly sellers = new Map<string, FakeSeller>();
  /** Who is signed in at Seller Central, and which account the store picker is on. */
  signedInAs = 'A1NORTHWINDSP';
  private readonly codes = new Map<string, { sellerId: string; used: boolean; expired: boolean }>();
  private readonly refreshTokens = new Map<string, string>();
  private readonly accessTokens = new Map<string, { sellerId: string; expired: boolean }>();
  private readonly faults: Array<{ pathPrefix: string; fault: Fault }> = [];
  /** Per seller and notification type: `${sellingPartnerId} ${notificationType}`. */
  private readonly subscriptions = new Map<string, FakeSubscription>();
  private server!: Server;
  url = '';

  static async start(): Promise<FakeSellerCentral> {
    const fake = new FakeSellerCentral();
    for (const seller of fakeSellers()) fake.sellers.set(seller.sellingPartnerId, seller);
    fake.server = createServer((request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The app's SP-API configuration, pointed at this fake. */
  config(overrides: Partial<SpApiConfig> = {}): { mode: 'sp-api' } & SpApiConfig {
    return {
      mode: 'sp-api',
      lwaClientId: fakeApp.clientId,
      lwaClientSecret: fakeApp.clientSecret,
      applicationId: fakeApp.applicationId,
      redirectUri: fakeApp.redirectUri,
      endpoint: this.url,
      lwaTokenUrl: `${this.url}/auth/o2/token`,
      sellerCentralUrl: this.url,
      draftApp: true,
      tokenKey: tokenKeyFrom(Buffer.alloc(32, 7)),
      previousTokenKeys: [],
      consoleUrl: fakeApp.consoleUrl,
      marketplaceId: US,
      stateTtlSeconds: 600,
      accountCheckIntervalMinutes: 60,
      requestTimeoutMs: 5000,
      notificationSecret: 'fake-notification-relay-secret',
      notificationDestinationId: fakeApp.destinationId,
      ...overrides,
    };
  }

  /** The next `count` SP-API requests whose path starts with `pathPrefix` get `fault` instead of an answer. */
  inject(pathPrefix: string, fault: Fault, count = 1): void {
    for (let index = 0; index < count; index += 1) this.faults.push({ pathPrefix, fault });
  }

  /** Every access token issued so far stops working (as an hour passing would do). */
  expireAccessTokens(): void {
    for (const token of this.accessTokens.values()) token.expired = true;
  }

  /** Every authorization code issued so far expires. */
  expireCodes(): void {
    for (const code of this.codes.values()) code.expired = true;
  }

  /** Every refresh and access token the fake has handed out (none may appear in a log line or response). */
  issuedSecrets(): string[] {
    return [...this.refreshTokens.keys(), ...this.accessTokens.keys()];
  }

  /** The seller's subscription to `notificationType`, created through the Notifications API (or `subscribe`). */
  subscriptionOf(sellingPartnerId: string, notificationType = 'ACCOUNT_STATUS_CHANGED'): FakeSubscription | undefined {
    return this.subscriptions.get(`${sellingPartnerId} ${notificationType}`);
  }

  /** The subscription's ID, which Amazon puts in every notification's `notificationMetadata`. */
  subscriptionIdOf(sellingPartnerId: string, notificationType = 'ACCOUNT_STATUS_CHANGED'): string {
    const subscription = this.subscriptionOf(sellingPartnerId, notificationType);
    if (!subscription) throw new Error(`${sellingPartnerId} has no ${notificationType} subscription at the fake`);
    return subscription.subscriptionId;
  }

  /** A subscription that exists before the app asks (an earlier deployment made it, or another tool). */
  subscribe(sellingPartnerId: string, notificationType: string, destinationId = fakeApp.destinationId): FakeSubscription {
    const subscription = { subscriptionId: `subscription-id-${randomBytes(8).toString('hex')}`, payloadVersion: '2021-01-01', destinationId };
    this.subscriptions.set(`${sellingPartnerId} ${notificationType}`, subscription);
    return subscription;
  }

  tokenRequests(grantType?: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === '/auth/o2/token' && (!grantType || request.form?.grant_type === grantType));
  }

  apiRequests(pathPrefix = '/'): RecordedRequest[] {
    return this.requests.filter((request) => request.path.startsWith(pathPrefix) && request.path !== '/auth/o2/token' && !request.path.startsWith('/apps/'));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const body = await new Promise<string>((resolve) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => resolve(text));
    });
    const contentType = request.headers['content-type'];
    const accessToken = request.headers['x-amz-access-token'] as string | undefined;
    const form = request.method === 'POST' && contentType?.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(body)) : null;
    const parsedJson = contentType?.startsWith('application/json') ? parseJson(body) : null;
    const method = request.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), contentType, accessToken, form, json: parsedJson });

    if (url.pathname === '/apps/authorize/consent') return this.consent(url, response);
    if (url.pathname === '/auth/o2/token' && request.method === 'POST') return this.token(contentType, form ?? {}, response);

    const faultIndex = this.faults.findIndex((candidate) => url.pathname.startsWith(candidate.pathPrefix));
    if (faultIndex >= 0) {
      const [{ fault }] = this.faults.splice(faultIndex, 1);
      if (fault === 'reset') return void request.socket.destroy();
      if (fault.status === 429) {
        const headers: Record<string, string> = fault.rateLimit ? { 'x-amzn-RateLimit-Limit': fault.rateLimit } : {};
        return json(response, 429, errors('QuotaExceeded', 'You exceeded your quota for the requested resource.'), headers);
      }
      return json(response, fault.status, errors('InternalFailure', 'We encountered an internal error. Please try again.'));
    }

    const token = accessToken ? this.accessTokens.get(accessToken) : undefined;
    if (!token) return json(response, 403, errors('Unauthorized', 'Access to requested resource is denied.', 'The access token you provided is revoked, malformed or invalid.'));
    if (token.expired) return json(response, 403, errors('Unauthorized', 'Access to requested resource is denied.', 'The access token you provided has expired.'));
    const seller = this.sellers.get(token.sellerId)!;
    const subscriptions = /^\/notifications\/v1\/subscriptions\/([A-Z_]+)$/.exec(url.pathname);
    if (subscriptions) return this.notificationSubscriptions(method, subscriptions[1], url, contentType, parsedJson, seller, response);
    return this.api(url, seller, response);
  }

  /**
   * The Notifications API v1: createSubscription (POST, `{ payloadVersion, destinationId }`, 409 Conflict when
   * the seller already has one for the type) and getSubscription (GET, 404 when there is none), both
   * answering `{ payload: { subscriptionId, payloadVersion, destinationId } }`.
   */
  private notificationSubscriptions(method: string, notificationType: string, url: URL, contentType: string | undefined, body: unknown, seller: FakeSeller, response: ServerResponse): void {
    const key = `${seller.sellingPartnerId} ${notificationType}`;
    const existing = this.subscriptions.get(key);
    if (method === 'GET') {
      if (!existing) return json(response, 404, errors('NotFound', 'The resource specified does not exist.'));
      const wanted = url.searchParams.get('payloadVersion');
      if (wanted && wanted !== existing.payloadVersion) return json(response, 404, errors('NotFound', `No subscription with payloadVersion ${wanted}.`));
      return json(response, 200, { payload: existing }, { 'x-amzn-RateLimit-Limit': '1.0' });
    }
    if (method !== 'POST') return json(response, 405, errors('MethodNotAllowed', 'The method is not allowed.'));
    if (!contentType?.startsWith('application/json')) return json(response, 415, errors('UnsupportedMediaType', 'The request payload is in an unsupported format.'));
    const request = body as { payloadVersion?: unknown; destinationId?: unknown } | null;
    if (typeof request?.payloadVersion !== 'string' || typeof request.destinationId !== 'string') {
      return json(response, 400, errors('InvalidInput', 'payloadVersion and destinationId are required.'));
    }
    if (request.destinationId !== fakeApp.destinationId) return json(response, 400, errors('InvalidInput', `Invalid destinationId ${request.destinationId}.`));
    if (existing) return json(response, 409, errors('Conflict', 'A subscription for the specified notificationType already exists for this selling partner.'));
    const created = { subscriptionId: `subscription-id-${randomBytes(8).toString('hex')}`, payloadVersion: request.payloadVersion, destinationId: request.destinationId };
    this.subscriptions.set(key, created);
    return json(response, 200, { payload: created }, { 'x-amzn-RateLimit-Limit': '1.0' });
  }

  /** Seller Central's consent page: the signed-in seller consents, and is sent to the redirect URI. */
  private consent(url: URL, response: ServerResponse): void {
    if (url.searchParams.get('application_id') !== fakeApp.applicationId) return json(response, 400, { error: 'unknown application' });
    const code = `ANfake${randomBytes(12).toString('hex')}`;
    this.codes.set(code, { sellerId: this.signedInAs, used: false, expired: false });
    const target = new URL(fakeApp.redirectUri);
    target.searchParams.set('state', url.searchParams.get('state') ?? '');
    target.searchParams.set('selling_partner_id', this.signedInAs);
    target.searchParams.set('spapi_oauth_code', code);
    response.writeHead(302, { location: target.toString() }).end();
  }

  private token(contentType: string | undefined, form: Record<string, string>, response: ServerResponse): void {
    if (!contentType?.startsWith('application/x-www-form-urlencoded')) return json(response, 400, oauthError('invalid_request', 'The request must be form-encoded.'));
    if (form.client_id !== fakeApp.clientId || form.client_secret !== fakeApp.clientSecret) return json(response, 401, oauthError('invalid_client', 'Client authentication failed.'));
    if (form.grant_type === 'authorization_code') {
      const code = this.codes.get(form.code ?? '');
      if (!code || code.used || code.expired || form.redirect_uri !== fakeApp.redirectUri) {
        return json(response, 400, oauthError('invalid_grant', 'The request has an invalid grant parameter : code'));
      }
      code.used = true;
      const refreshToken = `Atzr|fake-refresh-${randomBytes(16).toString('hex')}`;
      this.refreshTokens.set(refreshToken, code.sellerId);
      return json(response, 200, { access_token: this.issueAccessToken(code.sellerId), token_type: 'bearer', expires_in: 3600, refresh_token: refreshToken });
    }
    if (form.grant_type === 'refresh_token') {
      const sellerId = this.refreshTokens.get(form.refresh_token ?? '');
      if (!sellerId) return json(response, 400, oauthError('invalid_grant', 'The request has an invalid grant parameter : refresh_token'));
      return json(response, 200, { access_token: this.issueAccessToken(sellerId), token_type: 'bearer', expires_in: 3600, refresh_token: form.refresh_token });
    }
    return json(response, 400, oauthError('unsupported_grant_type', 'The grant type is not supported.'));
  }

  private issueAccessToken(sellerId: string): string {
    const token = `Atza|fake-access-${randomBytes(16).toString('hex')}`;
    this.accessTokens.set(token, { sellerId, expired: false });
    return token;
  }

  private api(url: URL, seller: FakeSeller, response: ServerResponse): void {
    const rate = { 'x-amzn-RateLimit-Limit': '5.0' };
    const marketplaceIds = url.searchParams.get('marketplaceIds')?.split(',') ?? [];
    if (url.pathname === '/sellers/v1/marketplaceParticipations') {
      return json(response, 200, { payload: seller.participations.map(participationOf) }, { 'x-amzn-RateLimit-Limit': '0.016' });
    }
    if (url.pathname === '/sellers/v1/account') {
      if (seller.accountApi === false) return json(response, 404, errors('NotFound', 'The requested resource is not available in this region.'));
      return json(response, 200, {
        payload: {
          marketplaceParticipationList: seller.participations.map(participationOf),
          businessType: seller.sellingPlan === 'INDIVIDUAL' ? 'INDIVIDUAL' : 'PRIVATE_LIMITED',
          sellingPlan: seller.sellingPlan,
          business: { name: seller.businessName, registeredBusinessAddress: { addressLine1: '1 Main St', countryCode: 'US' } },
        },
      }, { 'x-amzn-RateLimit-Limit': '0.016' });
    }
    if (url.pathname === '/fba/inventory/v1/summaries') {
      if (url.searchParams.get('granularityType') !== 'Marketplace' || !url.searchParams.get('granularityId') || marketplaceIds.length === 0) {
        return json(response, 400, errors('InvalidInput', 'granularityType, granularityId and marketplaceIds are required.'));
      }
      const offset = Number(url.searchParams.get('nextToken') ?? 0);
      const page = seller.inventory.slice(offset, offset + 2);
      const next = offset + 2 < seller.inventory.length ? String(offset + 2) : undefined;
      const details = url.searchParams.get('details') === 'true';
      return json(response, 200, {
        ...(next ? { pagination: { nextToken: next } } : {}),
        payload: {
          granularity: { granularityType: 'Marketplace', granularityId: url.searchParams.get('granularityId') },
          inventorySummaries: page.map((item) => ({
            sellerSku: item.sellerSku,
            condition: 'NewItem',
            totalQuantity: item.fulfillableQuantity,
            ...(details ? { inventoryDetails: { fulfillableQuantity: item.fulfillableQuantity } } : {}),
          })),
        },
      }, rate);
    }
    const listings = /^\/listings\/2021-08-01\/items\/([^/]+)$/.exec(url.pathname);
    if (listings) {
      if (decodeURIComponent(listings[1]) !== seller.sellingPartnerId) return json(response, 403, errors('Unauthorized', 'Access to requested resource is denied.'));
      if (marketplaceIds.length === 0) return json(response, 400, errors('InvalidInput', 'marketplaceIds is required.'));
      const pageSize = Number(url.searchParams.get('pageSize') ?? 10);
      if (!(pageSize >= 1 && pageSize <= 20)) return json(response, 400, errors('InvalidInput', 'pageSize must be from 1 to 20.'));
      const sorted = [...seller.listings].sort((a, b) => a.sku.localeCompare(b.sku));
      const offset = url.searchParams.get('pageToken') ? Number(Buffer.from(url.searchParams.get('pageToken')!, 'base64url').toString()) : 0;
      const page = sorted.slice(offset, offset + pageSize);
      const next = offset + pageSize < sorted.length ? Buffer.from(String(offset + pageSize)).toString('base64url') : undefined;
      const marketplaceId = marketplaceIds[0];
      return json(response, 200, {
        numberOfResults: sorted.length,
        ...(next ? { pagination: { nextToken: next } } : {}),
        items: page.map((item) => ({
          sku: item.sku,
          summaries: [{ marketplaceId, asin: item.asin, productType: 'OUTDOOR_LIVING', conditionType: 'new_new', status: ['BUYABLE', 'DISCOVERABLE'], itemName: item.itemName, createdDate: '2025-01-01T00:00:00Z', lastUpdatedDate: '2025-06-01T00:00:00Z' }],
          offers: [{ marketplaceId, offerType: 'B2C', price: { currencyCode: item.currencyCode, amount: item.price } }],
        })),
      }, rate);
    }
    return json(response, 404, errors('NotFound', 'The requested resource was not found.'));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function participationOf(entry: FakeSeller['participations'][number]) {
  return {
    marketplace: { id: entry.marketplaceId, ...fakeMarketplaces[entry.marketplaceId] },
    participation: { isParticipating: entry.isParticipating, hasSuspendedListings: entry.hasSuspendedListings },
    storeName: entry.storeName,
  };
}

function errors(code: string, message: string, details = '') {
  return { errors: [{ code, message, details }] };
}

function oauthError(error: string, description: string) {
  return { error, error_description: description };
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-RequestId': randomBytes(8).toString('hex'), ...headers }).end(JSON.stringify(body));
}
