import { DataSource, EntityManager, In } from 'typeorm';
import { RowReader } from '../database/row-reader';
import { dateFromSql, jsonFromSql, jsonObjectSql } from '../database/sql-values';
import { ErrorCode } from '../shared/errors';
import { LinkState } from '../linking/link-state';
import { LinkRepository } from '../linking/link.repository';
import { OnboardingStepKind, StepState } from '../onboarding/onboarding-step-state';
import { OnboardingStepRepository } from '../onboarding/onboarding-step.repository';
import { CatalogProduct } from './catalog-product.entity';
import { countable, countMatching, eligibleCount } from './catalog-counts';
import { CatalogCountStore, countsFromRow, countValues, productEligibleSql } from './catalog-counts.repository';
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

/** The columns of a product that its GraphQL view shows: what the catalog page's read model maps by hand. */
export type CatalogProductFields = Pick<CatalogProduct, 'id' | 'sku' | 'amazonSku' | 'title' | 'priceCents' | 'currency' | 'offerPrime' | 'listed' | 'updatedAt'>;

/** A product of a catalog page, with its SKU's units in fulfillment centers (null until identified). */
export interface CatalogPageRow extends CatalogProductFields {
  fulfillableQuantity: number | null;
}

/** A page of the catalog, read in one statement; `totalCount` only when asked for, `readiness` when asked for and the page has a row. */
export interface CatalogPage {
  rows: CatalogPageRow[];
  totalCount: number | null;
  readiness: PrimeReadiness | null;
}

const productColumnNames = ['id', 'sku', 'amazon_sku', 'title', 'price_cents', 'currency', 'offer_prime', 'listed', 'updated_at'] as const;
const productColumns = productColumnNames.map((column) => `p.${column}`).join(', ');

/**
 * The product columns of the table aliased `p`, each named `<prefix><column>`: for a statement whose own
 * rows already have an `id` and a `currency` (the orders page's lines). productReader(prefix) maps them.
 */
export function prefixedProductColumns(prefix: string): string {
  return productColumnNames.map((column) => `p.${column} AS ${prefix}${column}`).join(', ');
}

type RawProductRow = Record<'id' | 'sku' | 'amazon_sku' | 'title' | 'currency', string> & Record<'price_cents' | 'offer_prime' | 'listed' | 'updated_at' | 'fulfillable_quantity', unknown>;
/** A row of the catalog page: the product, its units, and (when asked for) the page's header as JSON. */
type RawPageRow = RawProductRow & { header?: unknown };

/**
 * Maps a raw row of `productColumns` (or of prefixedProductColumns(prefix)) by hand; SQLite hands booleans
 * back as 0/1, PostgreSQL as booleans. The keys are worked out once per prefix, not per row.
 */
export function productReader(prefix: string): (row: Record<string, unknown>) => CatalogProductFields {
  const [id, sku, amazonSku, title, priceCents, currency, offerPrime, listed, updatedAt] = productColumnNames.map((column) => `${prefix}${column}`);
  return (row) => ({
    id: row[id] as string,
    sku: row[sku] as string,
    amazonSku: row[amazonSku] as string,
    title: row[title] as string,
    priceCents: Number(row[priceCents]),
    currency: row[currency] as string,
    offerPrime: Boolean(row[offerPrime]),
    listed: Boolean(row[listed]),
    updatedAt: dateFromSql(row[updatedAt])!,
  });
}

export const productFromRow = productReader('');

/**
 * P2's merchant readiness (the current link, its attention, its Amazon Pay and Prime shipping steps) as
 * scalar subqueries by the name readinessFromRow reads: each reads the current link by its unique index once
 * per statement, so they can ride along with another read (the catalog page) and cost no round trip of their own.
 */
const readinessValues: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    (['state AS link_state', 'attention_code', 'attention_message', 'attention_since'] as const).map((column) => [
      column.split(' ').pop()!,
      `(SELECT l.${column.split(' ')[0]} FROM seller_central_link l WHERE l.current_for_merchant_id = :merchantId)`,
    ]),
  ),
  ...Object.fromEntries(
    (['amazonPay AS amazon_pay', 'primeShipping AS prime_shipping'] as const).map((kind) => [
      kind.split(' ').pop()!,
      `(SELECT s.state FROM seller_central_link l JOIN onboarding_step s ON s.link_id = l.id AND s.merchant_id = l.merchant_id WHERE l.current_for_merchant_id = :merchantId AND s.kind = :${kind.split(' ')[0]})`,
    ]),
  ),
};

const readinessColumns = Object.entries(readinessValues)
  .map(([name, expression]) => `${expression} AS ${name}`)
  .join(', ');

const readinessParameters = { amazonPay: OnboardingStepKind.REGISTER_AMAZON_PAY, primeShipping: OnboardingStepKind.ACTIVATE_PRIME_SHIPPING };

type RawReadinessRow = Record<'link_state' | 'attention_code' | 'attention_message' | 'amazon_pay' | 'prime_shipping', string | null> & { attention_since: unknown };

function readinessFromRow(row: RawReadinessRow | undefined): PrimeReadiness {
  if (!row?.link_state) return { linkState: null, amazonPay: null, primeShipping: null };
  const since = dateFromSql(row.attention_since);
  return {
    linkState: row.link_state as LinkState,
    amazonPay: (row.amazon_pay as StepState | null) ?? null,
    primeShipping: (row.prime_shipping as StepState | null) ?? null,
    attention: row.attention_code && row.attention_message && since ? { code: row.attention_code as ErrorCode, message: row.attention_message, since } : null,
  };
}

/** Whether the merchant has what Prime needs (P2); a filter on eligibility cannot be read without it. */
function readinessOrFail(readiness: PrimeReadiness | null): boolean {
  if (!readiness) throw new Error('Filtering on eligibility needs the merchant\'s readiness');
  return merchantIneligibility(readiness).length === 0;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Reads of the catalog, always scoped to one merchant. */
export class CatalogRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: LinkRepository,
    private readonly steps: OnboardingStepRepository,
    private readonly rows: RowReader = new RowReader(dataSource),
    private readonly counts: CatalogCountStore = new CatalogCountStore(dataSource),
  ) {}

  /** What the merchant has in place for Prime (P2): its current link, Amazon Pay and Prime shipping. */
  async readiness(merchantId: string, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<PrimeReadiness> {
    if (!forUpdate) return this.readinessRead(merchantId, manager);
    const link = await this.links.findCurrentForUpdate(merchantId, manager);
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

  /** The same, read in one statement (the link and its two steps) for pages that only read it. */
  private async readinessRead(merchantId: string, manager: EntityManager): Promise<PrimeReadiness> {
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(`SELECT ${readinessColumns}`, { merchantId, ...readinessParameters });
    const [row] = (await manager.query(sql, parameters)) as RawReadinessRow[];
    return readinessFromRow(row);
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

  /**
   * The catalog page's read model: `first + 1` products in SKU order after `afterSku` (keyset pagination),
   * each with its SKU's inventory, and (when asked for) how many match the filter and the merchant's
   * readiness, in one statement of plain rows mapped by hand. `readiness` is needed only to filter on
   * eligibility (the caller reads it first then).
   */
  async page(
    merchantId: string,
    readiness: PrimeReadiness | null,
    filter: CatalogFilter,
    first: number,
    afterSku: string | undefined,
    read: { totalCount?: boolean; readiness?: boolean } = {},
  ): Promise<CatalogPage> {
    const withTotalCount = read.totalCount === true;
    const parameters: Record<string, unknown> = { merchantId, listed: true };
    const where = this.filterSql('p', readiness, filter, parameters);
    // An unsearched filter's total comes from the merchant's stored counts (primary-key lookups); a search is counted.
    const fromCounts = withTotalCount && countable(filter);
    const header: Record<string, string> = {
      ...(!withTotalCount ? {} : fromCounts ? countValues : { total_count: `(SELECT COUNT(*) FROM catalog_product c WHERE ${this.filterSql('c', readiness, filter, parameters)})` }),
      ...(read.readiness === true ? readinessValues : {}),
    };
    if (read.readiness === true) Object.assign(parameters, readinessParameters);
    if (afterSku !== undefined) parameters.afterSku = afterSku;
    // The total and the readiness are the same on every row: one JSON column carries them (see jsonObjectSql).
    const headerSql = Object.keys(header).length > 0 ? jsonObjectSql(this.dataSource.options.type, header) : undefined;
    const raw = await this.rows.rows<RawPageRow>(
      `SELECT ${productColumns}, i.fulfillable_quantity${headerSql ? `, ${headerSql} AS header` : ''}
       FROM catalog_product p LEFT JOIN fulfillment_inventory i ON i.merchant_id = p.merchant_id AND i.sku = p.sku
       WHERE ${where}${afterSku !== undefined ? ' AND p.sku > :afterSku' : ''}
       ORDER BY p.sku ASC LIMIT :pageLimit`,
      { ...parameters, pageLimit: Number(first) + 1 },
    );
    const rows = raw.map((row) => ({ ...productFromRow(row), fulfillableQuantity: row.fulfillable_quantity === null ? null : Number(row.fulfillable_quantity) }));
    // A page past the last product has no row to carry the count: the same count is read on its own (rare).
    const headerRow = !withTotalCount ? raw[0] : (raw[0] ?? (await this.rows.rows<RawPageRow>(`SELECT ${headerSql} AS header`, parameters))[0]);
    const values = headerSql && headerRow ? jsonFromSql(headerRow.header) : undefined;
    const totalCount = !withTotalCount || !values
      ? null
      : fromCounts
        ? countMatching(countsFromRow(values), filter, typeof filter.eligible === 'boolean' && readinessOrFail(readiness))
        : Number(values.total_count);
    return { rows, totalCount, readiness: read.readiness === true && raw.length > 0 && values ? readinessFromRow(values as RawReadinessRow) : null };
  }

  /** The page header's counts, from the merchant's stored counts (one primary-key lookup). */
  async summary(merchantId: string, readiness: PrimeReadiness): Promise<CatalogSummaryCounts> {
    const counts = await this.counts.read(merchantId);
    return {
      productCount: counts.products,
      offeringPrimeCount: counts.offeringPrime,
      eligibleCount: eligibleCount(counts, merchantIneligibility(readiness).length === 0),
    };
  }

  /** The filter's conditions on the products aliased `alias`, as SQL with named parameters (added to `parameters`). */
  private filterSql(alias: string, readiness: PrimeReadiness | null, filter: CatalogFilter, parameters: Record<string, unknown>): string {
    const conditions = [`${alias}.merchant_id = :merchantId`];
    if (typeof filter.offeringPrime === 'boolean') {
      conditions.push(`${alias}.offer_prime = :offeringPrime`);
      parameters.offeringPrime = filter.offeringPrime;
    }
    if (typeof filter.eligible === 'boolean') {
      const eligibleSql = readinessOrFail(readiness) ? productEligibleSql.replaceAll('p.', `${alias}.`) : '1 = 0';
      conditions.push(filter.eligible ? eligibleSql : `NOT ${eligibleSql}`);
    }
    if (filter.search) {
      conditions.push(`(LOWER(${alias}.sku) LIKE :pattern ESCAPE '\\' OR LOWER(${alias}.title) LIKE :pattern ESCAPE '\\')`);
      parameters.pattern = `%${escapeLike(filter.search.toLowerCase())}%`;
    }
    return conditions.join(' AND ');
  }
}
