import { EntityManager } from 'typeorm';
import { SellerAccount } from './seller-account';

/**
 * Why Seller Central refused to exchange an authorization code. REJECTED is Login with Amazon's
 * `invalid_grant` (a code that is unknown, used, expired or issued for another redirect URI, which the
 * real protocol does not tell apart).
 */
export type CodeExchangeRefusal = 'UNKNOWN' | 'EXPIRED' | 'USED' | 'STATE_MISMATCH' | 'REJECTED';

/**
 * What the gateway needs to keep to act for the seller later (the SP-API's refresh token). Opaque to
 * everyone but the gateway that issued it; never logged, never exposed.
 */
export interface GrantCredential {
  readonly gateway: string;
}

/** What an authorization code grants: the account and the store the merchant chose in the store picker. */
export interface AuthorizationGrant {
  sellerAccountId: string;
  storeId: string;
  /** Present when the gateway must keep a credential for the link (kept with `keepGrant` in the linking transaction). */
  credential?: GrantCredential;
}

/** What the seller's browser brings back from Seller Central's consent page. */
export interface AuthorizationCallback {
  code: string;
  /** The OAuth state the link attempt sent; the sandbox binds its codes to it. */
  state: string;
  /** The Selling Partner ID (the SP-API's `selling_partner_id`); the sandbox knows it from its code. */
  sellingPartnerId?: string;
}

export type CodeExchangeResult =
  | { ok: true; grant: AuthorizationGrant }
  | { ok: false; refusal: CodeExchangeRefusal };

/** A listing as Seller Central's Listings API returns it. */
export interface SellerListing {
  sellerSku: string;
  /** The Amazon product ID; Buy with Prime shows it as the product's Amazon SKU. */
  asin: string;
  title: string;
  priceCents: number;
  currency: string;
  /** Whether the Prime returns policy takes the item back. */
  returnable: boolean;
}

export interface ListingsPage {
  listings: SellerListing[];
  /** Pass it back for the next page; null on the last page. */
  nextPageToken: string | null;
  totalCount: number;
}

/** Units of a SKU in Amazon fulfillment centers, as the FBA inventory API reports them. */
export interface FulfillmentInventory {
  sellerSku: string;
  fulfillableQuantity: number;
}

export type AmazonPayRegistration =
  | { status: 'NOT_REGISTERED' | 'PENDING' | 'ACTIVE' }
  | { status: 'FAILED'; reason: string };

/**
 * Seller Central could not do what was asked: UNAVAILABLE when it is down, throttling us past our
 * patience or too slow (worth retrying as is); REFUSED when it said no (a missing prerequisite, a
 * revoked authorization).
 */
export class SellerCentralError extends Error {
  constructor(
    message: string,
    readonly kind: 'UNAVAILABLE' | 'REFUSED' = 'REFUSED',
  ) {
    super(message);
    this.name = 'SellerCentralError';
  }
}

/**
 * L6: Amazon Pay registration and Prime shipping activation. The Selling Partner API has no public
 * operation for either; the sandbox serves them in development, and a production deployment plugs in
 * the Buy with Prime onboarding service it has access to (see the README).
 */
export interface PrimeEnrollment {
  /** Asks for Amazon Pay registration (again, after a failure); activation takes minutes. */
  registerAmazonPay(sellerAccountId: string): Promise<AmazonPayRegistration>;

  getAmazonPayRegistration(sellerAccountId: string): Promise<AmazonPayRegistration>;

  /** Turns Prime shipping on for the store; refused unless Amazon Pay is active. */
  activatePrimeShipping(sellerAccountId: string, storeId: string): Promise<void>;
}

/**
 * The only way the rest of the code talks to Seller Central. The embedded default is the sandbox
 * (`./sandbox`); `./sp-api` speaks the Selling Partner API.
 */
export interface SellerCentralGateway extends PrimeEnrollment {
  /**
   * Where to send the merchant to authorize the app, carrying the attempt's OAuth `state`; null when
   * the gateway has no page of its own (the sandbox's consent page is a development mutation).
   */
  authorizationUrl(state: string): string | null;

  /**
   * Exchanges a website-authorization code for the grant it stands for. A code works once, expires
   * minutes after it is issued, and is bound to the `state` of the link attempt that asked for it.
   */
  exchangeAuthorizationCode(callback: AuthorizationCallback): Promise<CodeExchangeResult>;

  /**
   * The account as Seller Central sees it now, or null when it no longer exists. `grant` is a fresh
   * grant not yet kept (while a link is being completed).
   */
  getAccount(sellerAccountId: string, grant?: AuthorizationGrant): Promise<SellerAccount | null>;

  /** Keeps a completed link's credential, in the transaction that completes the link. */
  keepGrant(manager: EntityManager, linkId: string, grant: AuthorizationGrant): Promise<void>;

  /** Deletes what was kept for a link (it has been unlinked), in the transaction that unlinks it. */
  forgetGrant(manager: EntityManager, linkId: string): Promise<void>;

  /** One page of the account's listings, in SKU order. */
  listListings(sellerAccountId: string, pageToken: string | null, pageSize: number): Promise<ListingsPage>;

  /** Fulfillment-center inventory for every SKU of the account that has any record. */
  getFulfillmentInventory(sellerAccountId: string): Promise<FulfillmentInventory[]>;

  /** Seller Central's notifications that an account changed (plan, standing, stores). */
  onAccountChanged(listener: (sellerAccountId: string) => Promise<void>): void;

  /**
   * L8: makes sure Seller Central will notify us when the account changes (the SP-API: the seller's
   * ACCOUNT_STATUS_CHANGED subscription); does nothing when that is already in place. A remote call:
   * never inside a transaction.
   */
  ensureAccountNotifications(sellerAccountId: string): Promise<void>;
}
