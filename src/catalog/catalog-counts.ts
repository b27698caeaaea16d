/**
 * The catalog's counts in constant time (issue 16): how many products a merchant has, how many offer Prime,
 * and how many are listed with units in fulfillment centers (P2's product condition), kept per merchant in
 * the transaction of every write to its products or inventory, instead of counted over the products on each
 * read of the page header or of an unsearched page's `totalCount`.
 */
export interface CatalogCounts {
  products: number;
  offeringPrime: number;
  /** Listed, with fulfillment-center units: eligible for Prime once the merchant is ready (P2). */
  listedWithUnits: number;
}

export interface CountedFilter {
  offeringPrime?: boolean | null;
  eligible?: boolean | null;
  search?: string | null;
}

export function emptyCounts(): CatalogCounts {
  return { products: 0, offeringPrime: 0, listedWithUnits: 0 };
}

/** P2: the products eligible now, given whether the merchant has what Prime needs. */
export function eligibleCount(counts: CatalogCounts, merchantReady: boolean): number {
  return merchantReady ? counts.listedWithUnits : 0;
}

/** Whether the counts say how many products match the filter: not for a search, nor for Offer Prime and eligibility together. */
export function countable(filter: CountedFilter): boolean {
  return !filter.search && !(typeof filter.offeringPrime === 'boolean' && typeof filter.eligible === 'boolean');
}

/**
 * How many products match the filter, from the counts; null when the counts cannot say (a search, or
 * Offer Prime and eligibility filtered together): the caller counts the products then.
 */
export function countMatching(counts: CatalogCounts, filter: CountedFilter, merchantReady: boolean): number | null {
  if (!countable(filter)) return null;
  if (typeof filter.offeringPrime === 'boolean') return filter.offeringPrime ? counts.offeringPrime : counts.products - counts.offeringPrime;
  if (typeof filter.eligible === 'boolean') {
    const eligible = eligibleCount(counts, merchantReady);
    return filter.eligible ? eligible : counts.products - eligible;
  }
  return counts.products;
}

/** What differs between stored counts and a recount of the products, in words (empty when they agree). */
export function countDifferences(stored: CatalogCounts, recounted: CatalogCounts): string[] {
  const labels: Record<keyof CatalogCounts, string> = { products: 'products', offeringPrime: 'offering Prime', listedWithUnits: 'listed with units' };
  return (Object.keys(labels) as Array<keyof CatalogCounts>)
    .filter((key) => stored[key] !== recounted[key])
    .map((key) => `${labels[key]}: stored ${stored[key]}, products ${recounted[key]}`);
}
