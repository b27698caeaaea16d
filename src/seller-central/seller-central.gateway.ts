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

  /** Seller Central's notifications that an account changed (plan, standing, stores). */
  onAccountChanged(listener: (sellerAccountId: string) => Promise<void>): void;
}
