import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { LinkRepository } from '../linking/link.repository';
import { OnboardingStepKind } from '../onboarding/onboarding-step-state';
import { OnboardingStepRepository } from '../onboarding/onboarding-step.repository';
import { CatalogProduct } from './catalog-product.entity';
import { FulfillmentInventoryRecord } from './fulfillment-inventory.entity';
import { merchantIneligibility, PrimeReadiness } from './prime-eligibility';

export interface CatalogFilter {
  offeringPrime?: boolean | null;
  eligible?: boolean | null;
  /** Text in the SKU or the title, case-insensitive. */
  search?: string | null;
}

export interface CatalogSummaryCounts {
  productCount: number;
  eligibleCount: number;
  offeringPrimeCount: number;
}

/** The product is listed upstream and has fulfillment-center units: P2's product condition, in SQL. */
const productEligibleSql =
  '(p.listed = :listed AND EXISTS (SELECT 1 FROM fulfillment_inventory i WHERE i.merchant_id = p.merchant_id AND i.sku = p.sku AND i.fulfillable_quantity > 0))';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Reads of the catalog, always scoped to one merchant. */
export class CatalogRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: LinkRepository,
    private readonly steps: OnboardingStepRepository,
  ) {}

  /** What the merchant has in place for Prime (P2): its current link, Amazon Pay and Prime shipping. */
  async readiness(merchantId: string, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<PrimeReadiness> {
    const link = forUpdate ? await this.links.findCurrentForUpdate(merchantId, manager) : await this.links.findCurrent(merchantId, manager);
    if (!link) return { linkState: null, amazonPay: null, primeShipping: null };
    const states = await this.steps.statesOf(link, [OnboardingStepKind.REGISTER_AMAZON_PAY, OnboardingStepKind.ACTIVATE_PRIME_SHIPPING], manager);
    return {
      linkState: link.state,
      amazonPay: states.get(OnboardingStepKind.REGISTER_AMAZON_PAY) ?? null,
      primeShipping: states.get(OnboardingStepKind.ACTIVATE_PRIME_SHIPPING) ?? null,
      attention: link.attentionCode && link.attentionMessage && link.attentionSince
        ? { code: link.attentionCode, message: link.attentionMessage, since: link.attentionSince }
        : null,
    };
  }

  /** U1: how many of the merchant's products offer Prime, and the first `named` of them in SKU order. */
  async offeringPrime(merchantId: string, named: number, manager: EntityManager = this.dataSource.manager) {
    const where = { merchantId, offerPrime: true };
    const first = await manager.find(CatalogProduct, { select: { id: true, sku: true }, where, order: { sku: 'ASC' }, take: named });
    const count = first.length < named ? first.length : await manager.countBy(CatalogProduct, where);
    return { count, first: first.map(({ id, sku }) => ({ id, sku })) };
  }

  findForMerchant(productId: string, merchantId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(CatalogProduct, { id: productId, merchantId });
  }

  findManyForMerchant(productIds: string[], merchantId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findBy(CatalogProduct, { id: In(productIds), merchantId });
  }

  /** Units in fulfillment centers per SKU; a SKU without a record has not been identified. */
  async inventory(merchantId: string, skus: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    if (skus.length === 0) return new Map();
    const records = await manager.findBy(FulfillmentInventoryRecord, { merchantId, sku: In(skus) });
    return new Map(records.map((record) => [record.sku, record.fulfillableQuantity]));
  }

  /** `first + 1` products in SKU order after `afterSku` (keyset pagination). */
  page(merchantId: string, readiness: PrimeReadiness, filter: CatalogFilter, first: number, afterSku: string | undefined) {
    const query = this.filtered(merchantId, readiness, filter).orderBy('p.sku', 'ASC').take(first + 1);
    if (afterSku !== undefined) query.andWhere('p.sku > :afterSku', { afterSku });
    return query.getMany();
  }

  count(merchantId: string, readiness: PrimeReadiness, filter: CatalogFilter): Promise<number> {
    return this.filtered(merchantId, readiness, filter).getCount();
  }

  /** The page header's counts, in one statement. */
  async summary(merchantId: string, readiness: PrimeReadiness): Promise<CatalogSummaryCounts> {
    const merchantReady = merchantIneligibility(readiness).length === 0;
    const row = await this.dataSource.manager
      .createQueryBuilder(CatalogProduct, 'p')
      .select('COUNT(*)', 'productCount')
      .addSelect('COALESCE(SUM(CASE WHEN p.offer_prime = :on THEN 1 ELSE 0 END), 0)', 'offeringPrimeCount')
      .addSelect(`COALESCE(SUM(CASE WHEN ${productEligibleSql} THEN 1 ELSE 0 END), 0)`, 'eligibleCount')
      .where('p.merchant_id = :merchantId', { merchantId, on: true, listed: true })
      .getRawOne<Record<keyof CatalogSummaryCounts, string | number>>();
    return {
      productCount: Number(row?.productCount ?? 0),
      offeringPrimeCount: Number(row?.offeringPrimeCount ?? 0),
      eligibleCount: merchantReady ? Number(row?.eligibleCount ?? 0) : 0,
    };
  }

  private filtered(merchantId: string, readiness: PrimeReadiness, filter: CatalogFilter): SelectQueryBuilder<CatalogProduct> {
    const query = this.dataSource.manager.createQueryBuilder(CatalogProduct, 'p').where('p.merchant_id = :merchantId', { merchantId });
    if (typeof filter.offeringPrime === 'boolean') query.andWhere('p.offer_prime = :offeringPrime', { offeringPrime: filter.offeringPrime });
    if (typeof filter.eligible === 'boolean') {
      const merchantReady = merchantIneligibility(readiness).length === 0;
      const eligibleSql = merchantReady ? productEligibleSql : '1 = 0';
      query.andWhere(filter.eligible ? eligibleSql : `NOT ${eligibleSql}`, { listed: true });
    }
    if (filter.search) {
      const pattern = `%${escapeLike(filter.search.toLowerCase())}%`;
      query.andWhere(
        new Brackets((text) => {
          text.where(`LOWER(p.sku) LIKE :pattern ESCAPE '\\'`, { pattern }).orWhere(`LOWER(p.title) LIKE :pattern ESCAPE '\\'`, { pattern });
        }),
      );
    }
    return query;
  }
}
