/** What Buy with Prime reads about a Seller Central account. Seller Central owns it; we only read it. */

export enum SellingPlan {
  PROFESSIONAL = 'PROFESSIONAL',
  INDIVIDUAL = 'INDIVIDUAL',
}

export enum AccountStanding {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  DEACTIVATED = 'DEACTIVATED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  /** Seller Central's ACCOUNT_STATUS_CHANGED said AT_RISK: the account may be deactivated soon. */
  AT_RISK = 'AT_RISK',
  /** The Sellers API: the seller no longer participates in the store's marketplace. */
  NOT_PARTICIPATING = 'NOT_PARTICIPATING',
  /** The Sellers API: the seller's listings in the store's marketplace are suspended. */
  LISTINGS_SUSPENDED = 'LISTINGS_SUSPENDED',
}

export interface SellerStore {
  id: string;
  name: string;
  marketplace: string;
}

export interface SellerAccount {
  id: string;
  name: string;
  plan: SellingPlan;
  standing: AccountStanding;
  stores: SellerStore[];
}

export const standingLabels: Record<AccountStanding, string> = {
  [AccountStanding.ACTIVE]: 'active and in good standing',
  [AccountStanding.SUSPENDED]: 'suspended',
  [AccountStanding.DEACTIVATED]: 'deactivated',
  [AccountStanding.UNDER_REVIEW]: 'under review',
  [AccountStanding.AT_RISK]: 'at risk of deactivation (Seller Central reported it)',
  [AccountStanding.NOT_PARTICIPATING]: 'no longer selling in the store\'s marketplace',
  [AccountStanding.LISTINGS_SUSPENDED]: 'holding suspended listings in the store\'s marketplace',
};
