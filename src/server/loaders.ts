import DataLoader from 'dataloader';
import { MerchantUser } from '../auth/merchant-user.entity';
import { CatalogProductFields, CatalogRepository } from '../catalog/catalog.repository';
import { PrimeReadiness } from '../catalog/prime-eligibility';
import { LinkEvent } from '../linking/link-event.entity';
import { LinkRepository } from '../linking/link.repository';
import { MerchantDirectory } from '../merchants/merchant-directory';
import { OnboardingStep } from '../onboarding/onboarding-step.entity';
import { OnboardingStepRepository } from '../onboarding/onboarding-step.repository';
import { OrderLineWithProduct, OrderRepository } from '../orders/order.repository';
import { UnlinkRequest } from '../unlinking/unlink-request.entity';
import { UnlinkRequestRepository } from '../unlinking/unlink-request.repository';

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/** The repositories the loaders read through; each scopes its reads to the merchant. */
/** A page of one link's timeline: `take` entries after the entry `afterId`. */
export interface TimelinePageKey {
  linkId: string;
  take: number;
  afterId: string | undefined;
}

const timelinePageKey = (key: TimelinePageKey) => `${key.linkId}:${key.take}:${key.afterId ?? ''}`;

export interface LoaderSources {
  directory: MerchantDirectory;
  links: LinkRepository;
  steps: OnboardingStepRepository;
  catalog: CatalogRepository;
  orders: OrderRepository;
  unlinkRequests: UnlinkRequestRepository;
}

/**
 * One set of DataLoaders per request (never shared between requests or merchants): each batches
 * the lookups of one field across a whole response into one SQL statement, scoped to the merchant.
 */
export function createLoaders(sources: LoaderSources, merchantId: string, batch = true) {
  const { directory, links, steps, catalog, orders, unlinkRequests } = sources;
  /** `batch: false` only for the benchmark's naive baseline: every load becomes its own statement. */
  const options = { batch };
  const loaders = {
    /** P2: the merchant's link, Amazon Pay and Prime shipping states, read once per request. */
    primeReadiness: new DataLoader<string, PrimeReadiness>(async (merchantIds) => Promise.all(merchantIds.map((id) => catalog.readiness(id))), options),

    /** Units in fulfillment centers by SKU; null for a SKU whose inventory is not identified. */
    inventoryBySku: new DataLoader<string, number | null>(async (skus) => {
      const inventory = await catalog.inventory(merchantId, [...skus]);
      return skus.map((sku) => inventory.get(sku) ?? null);
    }, options),

    /** Each link's onboarding steps, in the order they run. */
    onboardingSteps: new DataLoader<string, OnboardingStep[]>(async (linkIds) => {
      const byLink = await steps.forLinks(linkIds, merchantId);
      return linkIds.map((id) => byLink.get(id) ?? []);
    }, options),

    /**
     * A page of a link's timeline, oldest first: `first + 1` entries after `afterId`, read in SQL (a
     * timeline grows with every re-sync, so it is never loaded whole). Links asked for with the same page
     * share one statement.
     */
    timelinePages: new DataLoader<TimelinePageKey, LinkEvent[], string>(
      async (keys) => {
        const pages = await Promise.all(
          [...groupBy([...keys], (key) => `${key.take}:${key.afterId ?? ''}`).values()].map(async (group) => {
            const events = groupBy(await links.timelinePages(group.map((key) => key.linkId), merchantId, group[0].take, group[0].afterId), (event) => event.linkId);
            return group.map((key) => [timelinePageKey(key), events.get(key.linkId) ?? []] as const);
          }),
        );
        const byKey = new Map(pages.flat());
        return keys.map((key) => byKey.get(timelinePageKey(key)) ?? []);
      },
      { ...options, cacheKeyFn: timelinePageKey },
    ),

    products: new DataLoader<string, CatalogProductFields | null>(async (productIds) => {
      const products = await catalog.findManyForMerchant([...productIds], merchantId);
      return productIds.map((id) => products.find((product) => product.id === id) ?? null);
    }, options),

    orderLines: new DataLoader<string, OrderLineWithProduct[]>(async (orderIds) => {
      // The lines' products come in the same statement and wait in `products` for the field that asks.
      const lines = await orders.linesWithProducts([...orderIds], merchantId);
      for (const line of lines) loaders.products.prime(line.productId, line.product);
      const byOrder = groupBy(lines, (line) => line.orderId);
      return orderIds.map((id) => byOrder.get(id) ?? []);
    }, options),

    /** Each link's latest unlink request. */
    latestUnlinkRequest: new DataLoader<string, UnlinkRequest | null>(async (linkIds) => {
      const requests = await unlinkRequests.forLinks(linkIds, merchantId);
      return linkIds.map((id) => requests.find((request) => request.linkId === id) ?? null);
    }, options),

    users: new DataLoader<string, MerchantUser | null>(async (userIds) => {
      const users = await directory.findUsers(userIds, merchantId);
      return userIds.map((id) => users.find((user) => user.id === id) ?? null);
    }, options),
  };
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;
