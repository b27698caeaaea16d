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
};
