import { inspect } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { SpApiConfig } from '../../config';
import { TransactionRunner } from '../../database/transaction-runner';
import { Clock } from '../../shared/clock';
import { AccountStanding, SellerAccount, SellingPlan } from '../seller-account';
import {
  AmazonPayRegistration,
  AuthorizationCallback,
  AuthorizationGrant,
  CodeExchangeResult,
  FulfillmentInventory,
  GrantCredential,
  ListingsPage,
  PrimeEnrollment,
  SellerCentralError,
  SellerCentralGateway,
  SellerListing,
} from '../seller-central.gateway';
import { ACCOUNT_STATUS_CHANGED, ACCOUNT_STATUS_PAYLOAD_VERSION, AccountStatus } from './account-status-changed';
import { isRefusal, LwaClient } from './lwa-client';
import { isExpiredTokenAnswer, Query, Sleeper, SpApiClient, SpApiResponse } from './sp-api-client';
import { SpApiAccountStatus, SpApiCredential, SpApiNotificationSubscription } from './sp-api.entities';
import { TokenVault } from './token-vault';

/** ACCOUNT_STATUS_CHANGED's account statuses (payload version 2021-01-01). */
export type SpApiAccountStatusValue = AccountStatus;

const GATEWAY = 'sp-api';

/** A refresh token held in memory between the code exchange and the link's transaction; it never prints. */
class RefreshTokenCredential implements GrantCredential {
  readonly gateway = GATEWAY;
  readonly #refreshToken: string;

  constructor(refreshToken: string) {
    this.#refreshToken = refreshToken;
  }

  reveal(): string {
    return this.#refreshToken;
  }

  toJSON() {
    return { gateway: this.gateway, refreshToken: '[redacted]' };
  }

  [inspect.custom]() {
    return 'RefreshTokenCredential [redacted]';
  }
}

/** Refresh access tokens this long before LWA says they expire. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
/** The Listings Items API's largest page. */
const MAX_LISTINGS_PAGE = 20;

interface Marketplace {
  id: string;
  name: string;
  countryCode: string;
  defaultCurrencyCode: string;
}

export interface MarketplaceParticipation {
  marketplace: Marketplace;
  participation: { isParticipating: boolean; hasSuspendedListings: boolean };
  storeName: string;
}

/** The Notifications API's Subscription (createSubscription and getSubscription answer `{ payload: Subscription }`). */
interface NotificationSubscription {
  subscriptionId: string;
  payloadVersion: string;
  destinationId: string;
}

interface ListingsItem {
  sku: string;
  summaries?: Array<{ marketplaceId: string; asin?: string; itemName?: string; status?: string[] }>;
  offers?: Array<{ marketplaceId: string; offerType: string; price: { currencyCode: string; amount: string } }>;
}

export interface SpApiDependencies {
  dataSource: DataSource;
  transactions: TransactionRunner;
  clock: Clock;
  /** Amazon Pay and Prime shipping, which the SP-API does not offer (the sandbox in development). */
  enrollment: PrimeEnrollment;
  sleeper: Sleeper;
  fetch?: typeof fetch;
}

/**
 * Seller Central through the Selling Partner API (North America by default). Linking follows the
 * website authorization workflow; every later call trades the link's refresh token (sealed at rest)
 * for an access token, cached per seller until shortly before it expires and refreshed once when
 * SP-API says it has expired.
 *
 * The store a link uses is the seller's participation in one marketplace (SP_API_MARKETPLACE_ID,
 * amazon.com by default): its ID is the marketplace ID, its name the participation's `storeName`.
 */
export class SpApiSellerCentral implements SellerCentralGateway {
  private readonly lwa: LwaClient;
  private readonly api: SpApiClient;
  /**
   * The Notifications API, whose throttling is not waited out: a subscription is asked for while the
   * merchant's browser waits on the link, and the periodic account check asks again later.
   */
  private readonly notificationsApi: SpApiClient;
  private readonly vault: TokenVault;
  private readonly accessTokens = new Map<string, { token: string; expiresAt: number }>();
  private readonly listeners: Array<(sellerAccountId: string) => Promise<void>> = [];

  constructor(
    private readonly config: SpApiConfig,
    private readonly deps: SpApiDependencies,
  ) {
    this.lwa = new LwaClient({
      tokenUrl: config.lwaTokenUrl,
      clientId: config.lwaClientId,
      clientSecret: config.lwaClientSecret,
      redirectUri: config.redirectUri,
      timeoutMs: config.requestTimeoutMs,
      fetch: deps.fetch,
    });
    this.api = new SpApiClient({ endpoint: config.endpoint, timeoutMs: config.requestTimeoutMs, sleeper: deps.sleeper, fetch: deps.fetch });
    this.notificationsApi = new SpApiClient({ endpoint: config.endpoint, timeoutMs: config.requestTimeoutMs, sleeper: deps.sleeper, fetch: deps.fetch, maxAttempts: 1 });
    this.vault = new TokenVault(config.tokenKey, config.previousTokenKeys);
  }

  /** Seller Central's consent page ("Website Authorization Workflow"), with `version=beta` while the app is a draft. */
  authorizationUrl(state: string): string {
    const url = new URL('/apps/authorize/consent', this.config.sellerCentralUrl);
    url.searchParams.set('application_id', this.config.applicationId);
    url.searchParams.set('state', state);
    if (this.config.draftApp) url.searchParams.set('version', 'beta');
    return url.toString();
  }

  async exchangeAuthorizationCode({ code, sellingPartnerId }: AuthorizationCallback): Promise<CodeExchangeResult> {
    if (!sellingPartnerId) return { ok: false, refusal: 'UNKNOWN' };
    const answer = await this.lwa.exchangeAuthorizationCode(code);
    if (isRefusal(answer)) {
      if (answer.error === 'invalid_grant') return { ok: false, refusal: 'REJECTED' };
      // invalid_client, unauthorized_client, ...: our registration or configuration is wrong, not the merchant's doing.
      throw new Error(`Login with Amazon refused the code exchange with ${answer.error}; check LWA_CLIENT_ID, LWA_CLIENT_SECRET and SP_API_REDIRECT_URI.`);
    }
    if (!answer.refreshToken) throw new SellerCentralError('Login with Amazon granted no refresh token; authorize again.', 'REFUSED');
    this.cacheAccessToken(sellingPartnerId, answer.accessToken, answer.expiresInSeconds);
    return { ok: true, grant: { sellerAccountId: sellingPartnerId, storeId: this.config.marketplaceId, credential: new RefreshTokenCredential(answer.refreshToken) } };
  }

  /**
   * The Sellers API: the plan from getAccount (L3; where the region does not offer it, Professional, on
   * the assumption that only Professional accounts can authorize SP-API applications there), the store and
   * its standing from the marketplace participation (L4, L5), and the latest ACCOUNT_STATUS_CHANGED (L8).
   */
  async getAccount(sellerAccountId: string, grant?: AuthorizationGrant): Promise<SellerAccount | null> {
    const participations = await this.call<{ payload?: MarketplaceParticipation[] }>(sellerAccountId, grant, '/sellers/v1/marketplaceParticipations', {});
    if (participations.status === 404) return null;
    this.expectOk(participations, 'Sellers');
    const account = await this.call<{ payload?: { sellingPlan?: string; business?: { name?: string } } }>(sellerAccountId, grant, '/sellers/v1/account', {});
    if (account.status !== 404) this.expectOk(account, 'Sellers');
    const list = participations.body.payload ?? [];
    const chosen = list.find((entry) => entry.marketplace.id === this.config.marketplaceId);
    const reported = await this.deps.dataSource.manager.findOneBy(SpApiAccountStatus, { sellingPartnerId: sellerAccountId });
    return {
      id: sellerAccountId,
      name: account.body.payload?.business?.name ?? chosen?.storeName ?? list[0]?.storeName ?? sellerAccountId,
      plan: account.body.payload?.sellingPlan === 'INDIVIDUAL' ? SellingPlan.INDIVIDUAL : SellingPlan.PROFESSIONAL,
      standing: standingOf(reported?.status as SpApiAccountStatusValue | undefined, chosen),
      stores: list.map((entry) => ({ id: entry.marketplace.id, name: entry.storeName, marketplace: entry.marketplace.id })),
    };
  }

  async keepGrant(manager: EntityManager, linkId: string, grant: AuthorizationGrant): Promise<void> {
    if (!(grant.credential instanceof RefreshTokenCredential)) throw new Error('An SP-API link needs the refresh token of its code exchange.');
    const sealed = this.vault.seal(grant.credential.reveal(), credentialContext(linkId, grant.sellerAccountId));
    const now = this.deps.clock.now();
    await manager.insert(SpApiCredential, {
      linkId,
      sellingPartnerId: grant.sellerAccountId,
      keyId: sealed.keyId,
      sealedRefreshToken: sealed.sealed,
      createdAt: now,
      updatedAt: now,
    });
  }

  async forgetGrant(manager: EntityManager, linkId: string): Promise<void> {
    await manager.delete(SpApiCredential, { linkId });
  }

  /** Listings Items API 2021-08-01, searchListingsItems: the marketplace's listings in SKU order, 20 at most per page. */
  async listListings(sellerAccountId: string, pageToken: string | null, pageSize: number): Promise<ListingsPage> {
    const response = await this.call<{ numberOfResults?: number; pagination?: { nextToken?: string }; items?: ListingsItem[] }>(
      sellerAccountId,
      undefined,
      `/listings/2021-08-01/items/${encodeURIComponent(sellerAccountId)}`,
      {
        marketplaceIds: [this.config.marketplaceId],
        includedData: ['summaries', 'offers'],
        pageSize: Math.min(pageSize, MAX_LISTINGS_PAGE),
        sortBy: 'sku',
        sortOrder: 'ASC',
        pageToken,
      },
    );
    this.expectOk(response, 'Listings Items');
    const listings = (response.body.items ?? []).flatMap((item) => this.listingOf(item));
    return { listings, nextPageToken: response.body.pagination?.nextToken ?? null, totalCount: response.body.numberOfResults ?? listings.length };
  }

  /** FBA Inventory API, getInventorySummaries: fulfillable units per SKU in the marketplace, every page. */
  async getFulfillmentInventory(sellerAccountId: string): Promise<FulfillmentInventory[]> {
    const inventory: FulfillmentInventory[] = [];
    let nextToken: string | null = null;
    do {
      const response: SpApiResponse<{
        payload?: { inventorySummaries?: Array<{ sellerSku?: string; inventoryDetails?: { fulfillableQuantity?: number } }> };
        pagination?: { nextToken?: string };
      }> = await this.call(sellerAccountId, undefined, '/fba/inventory/v1/summaries', {
        details: true,
        granularityType: 'Marketplace',
        granularityId: this.config.marketplaceId,
        marketplaceIds: [this.config.marketplaceId],
        nextToken,
      });
      this.expectOk(response, 'FBA Inventory');
      for (const summary of response.body.payload?.inventorySummaries ?? []) {
        if (summary.sellerSku) inventory.push({ sellerSku: summary.sellerSku, fulfillableQuantity: summary.inventoryDetails?.fulfillableQuantity ?? 0 });
      }
      nextToken = response.body.pagination?.nextToken ?? null;
    } while (nextToken);
    return inventory;
  }

  registerAmazonPay(sellerAccountId: string): Promise<AmazonPayRegistration> {
    return this.deps.enrollment.registerAmazonPay(sellerAccountId);
  }

  getAmazonPayRegistration(sellerAccountId: string): Promise<AmazonPayRegistration> {
    return this.deps.enrollment.getAmazonPayRegistration(sellerAccountId);
  }

  activatePrimeShipping(sellerAccountId: string, storeId: string): Promise<void> {
    return this.deps.enrollment.activatePrimeShipping(sellerAccountId, storeId);
  }

  onAccountChanged(listener: (sellerAccountId: string) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /**
   * L8: the seller's ACCOUNT_STATUS_CHANGED subscription (Notifications API createSubscription, with the
   * seller's access token, delivering to SP_API_NOTIFICATION_DESTINATION_ID), recorded so that a
   * notification's subscriptionId names the seller. Nothing is asked of Amazon when one is recorded; a 409
   * Conflict (the seller is already subscribed, by an earlier link or another instance) is answered by
   * getSubscription. A subscription that delivers elsewhere is refused: its notifications would never come here.
   */
  async ensureAccountNotifications(sellerAccountId: string): Promise<void> {
    const recorded = await this.deps.dataSource.manager.findOneBy(SpApiNotificationSubscription, { sellingPartnerId: sellerAccountId, notificationType: ACCOUNT_STATUS_CHANGED });
    if (recorded) return;
    const path = `/notifications/v1/subscriptions/${ACCOUNT_STATUS_CHANGED}`;
    const destinationId = this.config.notificationDestinationId;
    const request = { payloadVersion: ACCOUNT_STATUS_PAYLOAD_VERSION, destinationId };
    let answer = await this.asSeller<{ payload?: NotificationSubscription }>(sellerAccountId, undefined, (accessToken) => this.notificationsApi.post(path, request, accessToken));
    if (answer.status === 409) {
      const query = { payloadVersion: ACCOUNT_STATUS_PAYLOAD_VERSION };
      answer = await this.asSeller<{ payload?: NotificationSubscription }>(sellerAccountId, undefined, (accessToken) => this.notificationsApi.get(path, query, accessToken));
    }
    this.expectOk(answer, 'Notifications');
    const subscription = answer.body.payload;
    if (!subscription?.subscriptionId) throw new SellerCentralError(`Seller Central's Notifications API answered without a subscription for the account ${sellerAccountId}.`, 'REFUSED');
    if (subscription.destinationId !== destinationId) {
      throw new SellerCentralError(
        `The account ${sellerAccountId} is already subscribed to ${ACCOUNT_STATUS_CHANGED} with the destination ${subscription.destinationId}, not SP_API_NOTIFICATION_DESTINATION_ID (${destinationId}); delete that subscription (deleteSubscriptionById) or configure its destination.`,
        'REFUSED',
      );
    }
    await this.deps.transactions.run((manager) =>
      manager.upsert(
        SpApiNotificationSubscription,
        {
          subscriptionId: subscription.subscriptionId,
          sellingPartnerId: sellerAccountId,
          notificationType: ACCOUNT_STATUS_CHANGED,
          payloadVersion: subscription.payloadVersion,
          destinationId: subscription.destinationId,
          createdAt: this.deps.clock.now(),
        },
        ['subscriptionId'],
      ),
    );
  }

  /** L8: the selling partner a subscription to `notificationType` was recorded for; null when none was. */
  async sellerForSubscription(subscriptionId: string, notificationType: string): Promise<string | null> {
    const row = await this.deps.dataSource.manager.findOneBy(SpApiNotificationSubscription, { subscriptionId, notificationType });
    return row?.sellingPartnerId ?? null;
  }

  /**
   * L8: Seller Central's ACCOUNT_STATUS_CHANGED. The status is kept (unless a newer one is already
   * known: notifications can arrive out of order), then the links that rely on the account are checked.
   * Returns false when the notification was older than what is known, and so changed nothing.
   */
  async accountStatusReported(sellingPartnerId: string, status: SpApiAccountStatusValue, eventTime: Date): Promise<boolean> {
    const applied = await this.deps.transactions.run(async (manager) => {
      const known = await manager.findOneBy(SpApiAccountStatus, { sellingPartnerId });
      if (known && known.eventTime.getTime() > eventTime.getTime()) return false;
      await manager.save(SpApiAccountStatus, { sellingPartnerId, status, eventTime, receivedAt: this.deps.clock.now() });
      return true;
    });
    if (applied) for (const listener of this.listeners) await listener(sellingPartnerId);
    return applied;
  }

  private listingOf(item: ListingsItem): SellerListing[] {
    const summary = item.summaries?.find((candidate) => candidate.marketplaceId === this.config.marketplaceId) ?? item.summaries?.[0];
    const offer = item.offers?.find((candidate) => candidate.marketplaceId === this.config.marketplaceId && candidate.offerType === 'B2C');
    if (!summary?.asin) return []; // not yet matched to a catalog item: nothing Buy with Prime can offer
    return [
      {
        sellerSku: item.sku,
        asin: summary.asin,
        title: summary.itemName ?? item.sku,
        priceCents: offer ? Math.round(Number(offer.price.amount) * 100) : 0,
        currency: offer?.price.currencyCode ?? 'USD',
        // The Listings Items API does not say whether the Prime returns policy takes an item back.
        returnable: true,
      },
    ];
  }

  private expectOk(response: SpApiResponse<unknown>, api: string): void {
    if (response.status >= 200 && response.status < 300) return;
    const first = response.errors[0];
    const why = first ? `${first.code}: ${first.message}` : `HTTP ${response.status}`;
    if (response.status === 403) {
      throw new SellerCentralError(`Seller Central refused access to the ${api} API (${why}); the seller may have removed Buy with Prime's authorization.`, 'REFUSED');
    }
    throw new SellerCentralError(`Seller Central's ${api} API refused the request (${why}).`, 'REFUSED');
  }

  /** One SP-API GET as the seller. */
  private call<T>(sellerAccountId: string, grant: AuthorizationGrant | undefined, path: string, query: Query): Promise<SpApiResponse<T>> {
    return this.asSeller(sellerAccountId, grant, (accessToken) => this.api.get<T>(path, query, accessToken));
  }

  /** One SP-API request as the seller; an expired-token answer refreshes the access token once and sends it again. */
  private async asSeller<T>(sellerAccountId: string, grant: AuthorizationGrant | undefined, send: (accessToken: string) => Promise<SpApiResponse<T>>): Promise<SpApiResponse<T>> {
    const first = await send(await this.accessToken(sellerAccountId, grant));
    if (!isExpiredTokenAnswer(first)) return first;
    this.accessTokens.delete(sellerAccountId);
    return send(await this.accessToken(sellerAccountId, grant));
  }

  private async accessToken(sellerAccountId: string, grant: AuthorizationGrant | undefined): Promise<string> {
    const cached = this.accessTokens.get(sellerAccountId);
    if (cached && cached.expiresAt > this.deps.clock.now().getTime()) return cached.token;
    const refreshToken = grant?.credential instanceof RefreshTokenCredential ? grant.credential.reveal() : await this.storedRefreshToken(sellerAccountId);
    const answer = await this.lwa.refresh(refreshToken);
    if (isRefusal(answer)) {
      throw new SellerCentralError(
        `Login with Amazon no longer accepts Buy with Prime's authorization for the account ${sellerAccountId} (${answer.error}); it may have been removed in Seller Central.`,
        'REFUSED',
      );
    }
    return this.cacheAccessToken(sellerAccountId, answer.accessToken, answer.expiresInSeconds);
  }

  private cacheAccessToken(sellerAccountId: string, token: string, expiresInSeconds: number): string {
    this.accessTokens.set(sellerAccountId, { token, expiresAt: this.deps.clock.now().getTime() + expiresInSeconds * 1000 - EXPIRY_MARGIN_MS });
    return token;
  }

  /** The newest link's refresh token for the seller; one sealed with a previous key is sealed again with the current one. */
  private async storedRefreshToken(sellingPartnerId: string): Promise<string> {
    const row = await this.deps.dataSource.manager.findOne(SpApiCredential, { where: { sellingPartnerId }, order: { createdAt: 'DESC' } });
    if (!row) throw new SellerCentralError(`Buy with Prime holds no Seller Central authorization for the account ${sellingPartnerId}; link it again.`, 'REFUSED');
    const context = credentialContext(row.linkId, row.sellingPartnerId);
    const { secret, stale } = this.vault.open({ keyId: row.keyId, sealed: row.sealedRefreshToken }, context);
    if (stale) {
      const resealed = this.vault.seal(secret, context);
      await this.deps.transactions.run((manager) =>
        manager.update(SpApiCredential, { linkId: row.linkId, keyId: row.keyId }, { keyId: resealed.keyId, sealedRefreshToken: resealed.sealed, updatedAt: this.deps.clock.now() }),
      );
    }
    return secret;
  }
}

function credentialContext(linkId: string, sellingPartnerId: string): string {
  return `sp_api_credential:${linkId}:${sellingPartnerId}`;
}

/** L4, L8: the standing Buy with Prime sees, from the latest notification and the chosen marketplace's participation. */
export function standingOf(reported: SpApiAccountStatusValue | undefined, participation: MarketplaceParticipation | undefined): AccountStanding {
  if (reported === 'DEACTIVATED') return AccountStanding.DEACTIVATED;
  if (reported === 'AT_RISK') return AccountStanding.AT_RISK;
  if (participation && !participation.participation.isParticipating) return AccountStanding.NOT_PARTICIPATING;
  if (participation?.participation.hasSuspendedListings) return AccountStanding.LISTINGS_SUSPENDED;
  return AccountStanding.ACTIVE;
}
