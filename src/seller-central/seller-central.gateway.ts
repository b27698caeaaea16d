import { SellerAccount } from './seller-account';

/** Why Seller Central refused to exchange an authorization code. */
export type CodeExchangeRefusal = 'UNKNOWN' | 'EXPIRED' | 'USED' | 'STATE_MISMATCH';

/** What an authorization code grants: the account and the store the merchant chose in the store picker. */
export interface AuthorizationGrant {
  sellerAccountId: string;
  storeId: string;
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

/** Seller Central could not do what was asked (a service is down, a prerequisite is missing). */
export class SellerCentralError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SellerCentralError';
  }
}

/**
 * The only way the rest of the code talks to Seller Central. The embedded default is the sandbox
 * (`./sandbox`); a production implementation would call the Selling Partner API.
 */
export interface SellerCentralGateway {
  /**
   * Exchanges a website-authorization code for the grant it stands for. A code works once, expires
   * minutes after it is issued, and is bound to the `state` of the link attempt that asked for it.
   */
  exchangeAuthorizationCode(code: string, state: string): Promise<CodeExchangeResult>;

  /** The account as Seller Central sees it now, or null when it no longer exists. */
  getAccount(sellerAccountId: string): Promise<SellerAccount | null>;

  /** One page of the account's listings, in SKU order. */
  listListings(sellerAccountId: string, pageToken: string | null, pageSize: number): Promise<ListingsPage>;

  /** Fulfillment-center inventory for every SKU of the account that has any record. */
  getFulfillmentInventory(sellerAccountId: string): Promise<FulfillmentInventory[]>;

  /** Asks for Amazon Pay registration (again, after a failure); activation takes minutes. */
  registerAmazonPay(sellerAccountId: string): Promise<AmazonPayRegistration>;

  getAmazonPayRegistration(sellerAccountId: string): Promise<AmazonPayRegistration>;

  /** Turns Prime shipping on for the store; refused unless Amazon Pay is active. */
  activatePrimeShipping(sellerAccountId: string, storeId: string): Promise<void>;

  /** Seller Central's notifications that an account changed (plan, standing, stores). */
  onAccountChanged(listener: (sellerAccountId: string) => Promise<void>): void;
}
