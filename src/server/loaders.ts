import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { MerchantUser } from '../auth/merchant-user.entity';
import { CatalogProduct } from '../catalog/catalog-product.entity';
import { CatalogRepository } from '../catalog/catalog.repository';
import { BwpOrderLine } from '../orders/order.entity';
import { OrderRepository } from '../orders/order.repository';
import { UnlinkRequest } from '../unlinking/unlink-request.entity';
import { UnlinkRequestRepository } from '../unlinking/unlink-request.repository';
import { PrimeReadiness } from '../catalog/prime-eligibility';
import { LinkEvent } from '../linking/link-event.entity';
import { OnboardingStep } from '../onboarding/onboarding-step.entity';
import { onboardingStepOrder } from '../onboarding/onboarding-step';

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/**
 * One set of DataLoaders per request (never shared between requests or merchants): each batches
 * the lookups of one field across a whole response into one SQL statement, scoped to the merchant.
 */
export interface LoaderSources {
  catalog: CatalogRepository;
  orders: OrderRepository;
  unlinkRequests: UnlinkRequestRepository;
}

export function createLoaders(dataSource: DataSource, { catalog, orders, unlinkRequests }: LoaderSources, merchantId: string, batch = true) {
  const manager = dataSource.manager;
  /** `batch: false` only for the benchmark's naive baseline: every load becomes its own statement. */
  const options = { batch };
  return {
    /** P2: the merchant's link, Amazon Pay and Prime shipping states, read once per request. */
    primeReadiness: new DataLoader<string, PrimeReadiness>(async (merchantIds) =>
      Promise.all(merchantIds.map((id) => catalog.readiness(id))),
      options,
    ),

    /** Units in fulfillment centers by SKU; null for a SKU whose inventory is not identified. */
    inventoryBySku: new DataLoader<string, number | null>(async (skus) => {
      const inventory = await catalog.inventory(merchantId, [...skus]);
      return skus.map((sku) => inventory.get(sku) ?? null);
    }, options),

    onboardingSteps: new DataLoader<string, OnboardingStep[]>(async (linkIds) => {
      const steps = await manager.findBy(OnboardingStep, { linkId: In([...linkIds]), merchantId });
      const byLink = groupBy(steps, (step) => step.linkId);
      return linkIds.map((id) =>
        (byLink.get(id) ?? []).sort((a, b) => onboardingStepOrder.indexOf(a.kind) - onboardingStepOrder.indexOf(b.kind)),
      );
    }, options),

    /** A link's whole timeline, oldest first; timelines hold tens of entries, so pages are cut in memory. */
    linkEvents: new DataLoader<string, LinkEvent[]>(async (linkIds) => {
      const events = await manager.find(LinkEvent, { where: { linkId: In([...linkIds]), merchantId }, order: { id: 'ASC' } });
      const byLink = groupBy(events, (event) => event.linkId);
      return linkIds.map((id) => byLink.get(id) ?? []);
    }, options),

    orderLines: new DataLoader<string, BwpOrderLine[]>(async (orderIds) => {
      const byOrder = groupBy(await orders.linesFor([...orderIds], merchantId), (line) => line.orderId);
      return orderIds.map((id) => byOrder.get(id) ?? []);
    }, options),

    products: new DataLoader<string, CatalogProduct | null>(async (productIds) => {
      const products = await catalog.findManyForMerchant([...productIds], merchantId);
      return productIds.map((id) => products.find((product) => product.id === id) ?? null);
    }, options),

    /** Each link's latest unlink request. */
    latestUnlinkRequest: new DataLoader<string, UnlinkRequest | null>(async (linkIds) => {
      const requests = await unlinkRequests.forLinks([...linkIds], merchantId);
      return linkIds.map((id) => requests.find((request) => request.linkId === id) ?? null);
    }, options),

    users: new DataLoader<string, MerchantUser | null>(async (userIds) => {
      const users = await manager.findBy(MerchantUser, { id: In([...userIds]), merchantId });
      return userIds.map((id) => users.find((user) => user.id === id) ?? null);
    }, options),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
