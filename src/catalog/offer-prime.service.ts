import { EntityManager, In } from 'typeorm';
import { requirePermission } from '../auth/permissions';
import { Permission } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { recordChange, TransactionRunner } from '../database/transaction-runner';
import { Clock } from '../shared/clock';
import { ErrorCode, UserError } from '../shared/errors';
import { chunks } from '../shared/chunks';
import { CatalogProduct } from './catalog-product.entity';
import { CatalogCountStore } from './catalog-counts.repository';
import { CatalogRepository } from './catalog.repository';
import { checkOfferPrime } from './prime-eligibility';

/** The largest list one bulk toggle takes (large APIs cap array inputs at 250). */
export const MAX_BULK_TOGGLES = 250;

export interface OfferPrimeChange {
  productId: string;
  offerPrime: boolean;
}

export interface OfferPrimeOutcome {
  productId: string;
  product: CatalogProduct | null;
  error: UserError | null;
}

function notFound(): UserError {
  return new UserError(ErrorCode.NOT_FOUND, 'No catalog product with this ID exists for your merchant.');
}

/**
 * The Offer Prime toggle (P1–P4). Turning it on checks P2 in order; turning it off is never refused
 * (P3). Every call is one transaction, and reads the merchant's readiness inside it, so that a toggle
 * never goes on against a link that changed a moment before.
 */
export class OfferPrimeService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly counts: CatalogCountStore,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async setOfferPrime(viewer: Viewer, change: OfferPrimeChange): Promise<CatalogProduct> {
    requirePermission(viewer, Permission.MANAGE_CATALOG, 'turn Offer Prime on or off');
    const [outcome] = await this.transactions.run((manager) => this.apply(manager, viewer.merchantId, [change]));
    if (outcome.error) throw outcome.error;
    return outcome.product!;
  }

  /** P4: many toggles at once; each product gets its own outcome and one failure stops no other. */
  async setOfferPrimeForProducts(viewer: Viewer, changes: OfferPrimeChange[]): Promise<OfferPrimeOutcome[]> {
    requirePermission(viewer, Permission.MANAGE_CATALOG, 'turn Offer Prime on or off');
    return this.transactions.run((manager) => this.apply(manager, viewer.merchantId, changes));
  }

  /** P4, U1: turns Offer Prime off for every product of the merchant, whatever the link state (P3). */
  async turnOffForAllProducts(viewer: Viewer): Promise<number> {
    requirePermission(viewer, Permission.MANAGE_CATALOG, 'turn Offer Prime on or off');
    return this.transactions.run(async (manager) => {
      await this.counts.lock(manager, viewer.merchantId);
      const offering = await manager.find(CatalogProduct, { select: { id: true }, where: { merchantId: viewer.merchantId, offerPrime: true } });
      const result = await manager.update(
        CatalogProduct,
        { merchantId: viewer.merchantId, offerPrime: true },
        { offerPrime: false, updatedAt: this.clock.now() },
      );
      await this.counts.addOfferingPrime(manager, viewer.merchantId, -(result.affected ?? 0));
      recordChange(manager, { type: 'OFFER_PRIME', merchantId: viewer.merchantId, productIds: offering.map((product) => product.id) });
      return result.affected ?? 0;
    });
  }

  private async apply(manager: EntityManager, merchantId: string, changes: OfferPrimeChange[]): Promise<OfferPrimeOutcome[]> {
    const now = this.clock.now();
    const readiness = await this.catalog.readiness(merchantId, manager, true);
    const products = new Map(
      (await this.catalog.findManyForMerchant([...new Set(changes.map((change) => change.productId))], merchantId, manager)).map((product) => [product.id, product]),
    );
    const inventory = await this.catalog.inventory(merchantId, [...products.values()].map((product) => product.sku), manager);
    const toSet = new Map<string, boolean>();
    const outcomes = changes.map(({ productId, offerPrime }): OfferPrimeOutcome => {
      const product = products.get(productId);
      if (!product) return { productId, product: null, error: notFound() };
      const refusal = checkOfferPrime(offerPrime, readiness, { sku: product.sku, listed: product.listed, fulfillableQuantity: inventory.get(product.sku) ?? null });
      if (refusal) return { productId, product, error: refusal };
      if (product.offerPrime !== offerPrime) {
        toSet.set(productId, offerPrime);
        Object.assign(product, { offerPrime, updatedAt: now });
      }
      return { productId, product, error: null };
    });
    if (toSet.size > 0) await this.counts.lock(manager, merchantId);
    let turnedOn = 0;
    for (const value of [true, false]) {
      const ids = [...toSet].filter(([, on]) => on === value).map(([id]) => id);
      for (const run of chunks(ids, 500)) {
        // Only the products still on the other side flip: the count moves by what the update changed.
        const { affected } = await manager.update(CatalogProduct, { id: In(run), merchantId, offerPrime: !value }, { offerPrime: value, updatedAt: now });
        turnedOn += value ? affected ?? 0 : -(affected ?? 0);
      }
    }
    await this.counts.addOfferingPrime(manager, merchantId, turnedOn);
    recordChange(manager, { type: 'OFFER_PRIME', merchantId, productIds: [...toSet.keys()] });
    return outcomes;
  }
}
