import { SellerListing } from '../seller-central/seller-central.gateway';

/** What a sync needs to know of a product already in the catalog. */
export interface ExistingProduct {
  id: string;
  sku: string;
  amazonSku: string;
  title: string;
  priceCents: number;
  currency: string;
  returnable: boolean;
  listed: boolean;
  offerPrime: boolean;
}

export interface CatalogSyncPlan {
  toInsert: SellerListing[];
  /** Products whose listing changed upstream (title, price, ASIN) or came back after vanishing. */
  toUpdate: Array<{ id: string; listing: SellerListing }>;
  /** Products whose listing vanished upstream: they stop being listed and stop offering Prime. */
  toUnlist: ExistingProduct[];
  unchanged: number;
}

function differs(product: ExistingProduct, listing: SellerListing): boolean {
  return (
    !product.listed ||
    product.amazonSku !== listing.asin ||
    product.title !== listing.title ||
    product.priceCents !== listing.priceCents ||
    product.currency !== listing.currency ||
    product.returnable !== listing.returnable
  );
}

/**
 * An idempotent sync: new listings become products, changed ones are updated (their Offer Prime
 * toggle kept), vanished ones stop being listed. Running it again on the same listings plans nothing.
 */
export function planCatalogSync(existing: readonly ExistingProduct[], listings: readonly SellerListing[]): CatalogSyncPlan {
  const bySku = new Map(existing.map((product) => [product.sku, product]));
  const upstream = new Set(listings.map((listing) => listing.sellerSku));
  const plan: CatalogSyncPlan = { toInsert: [], toUpdate: [], toUnlist: [], unchanged: 0 };
  for (const listing of listings) {
    const product = bySku.get(listing.sellerSku);
    if (!product) plan.toInsert.push(listing);
    else if (differs(product, listing)) plan.toUpdate.push({ id: product.id, listing });
    else plan.unchanged += 1;
  }
  plan.toUnlist = existing.filter((product) => product.listed && !upstream.has(product.sku));
  return plan;
}
