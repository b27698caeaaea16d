import { DataSource, EntityManager } from 'typeorm';
import { CatalogCounts, emptyCounts } from './catalog-counts';

/** The product is listed upstream and has fulfillment-center units: P2's product condition, in SQL (on products aliased `p`). */
export const productEligibleSql =
  '(p.listed = :listed AND EXISTS (SELECT 1 FROM fulfillment_inventory i WHERE i.merchant_id = p.merchant_id AND i.sku = p.sku AND i.fulfillable_quantity > 0))';

/**
 * The merchant's stored counts as scalar subqueries (`:merchantId` names the merchant), by the name
 * countsFromRow reads, so that a statement can read them alongside its own rows: three primary-key
 * lookups, whatever the catalog's size.
 */
export const countValues: Readonly<Record<string, string>> = Object.fromEntries(
  (['products', 'offering_prime', 'listed_with_units'] as const).map((column) => [`count_${column}`, `(SELECT cc.${column} FROM catalog_count cc WHERE cc.merchant_id = :merchantId)`]),
);

/** countValues as columns. */
export function countColumns(): string {
  return Object.entries(countValues)
    .map(([name, expression]) => `${expression} AS "${name}"`)
    .join(', ');
}

/** The counts of a row read with countColumns (or of an object of countValues); a merchant without a row has no products. */
export function countsFromRow(row: Record<string, unknown>): CatalogCounts {
  return {
    products: Number(row.count_products ?? 0),
    offeringPrime: Number(row.count_offering_prime ?? 0),
    listedWithUnits: Number(row.count_listed_with_units ?? 0),
  };
}

/** The counts recounted over the merchant's products, as three scalar subqueries (the truth; a scan of the catalog). */
const recountColumns = [
  '(SELECT COUNT(*) FROM catalog_product p WHERE p.merchant_id = :merchantId) AS recount_products',
  '(SELECT COUNT(*) FROM catalog_product p WHERE p.merchant_id = :merchantId AND p.offer_prime = :on) AS recount_offering_prime',
  `(SELECT COUNT(*) FROM catalog_product p WHERE p.merchant_id = :merchantId AND ${productEligibleSql}) AS recount_listed_with_units`,
].join(', ');

function recountFromRow(row: Record<string, unknown>): CatalogCounts {
  return { products: Number(row.recount_products), offeringPrime: Number(row.recount_offering_prime), listedWithUnits: Number(row.recount_listed_with_units) };
}

/**
 * Each merchant's catalog counts (catalog-counts.ts): recounted in the transaction of a sync (which writes
 * the products and their inventory, and reads them all anyway), moved by the number of products a toggle
 * changed, and read with a primary-key lookup. Every writer takes `lock` before its first write.
 */
export class CatalogCountStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The merchant's stored counts. */
  async read(merchantId: string, manager: EntityManager = this.dataSource.manager): Promise<CatalogCounts> {
    const [row] = (await this.run(manager, `SELECT ${countColumns()}`, { merchantId })) as Array<Record<string, unknown>>;
    return row ? countsFromRow(row) : emptyCounts();
  }

  /** The counts recounted from the products and their inventory: the truth the stored counts are checked against. */
  async recounted(merchantId: string, manager: EntityManager = this.dataSource.manager): Promise<CatalogCounts> {
    const [row] = (await this.run(manager, `SELECT ${recountColumns}`, { merchantId, on: true, listed: true })) as Array<Record<string, unknown>>;
    return recountFromRow(row);
  }

  /** The stored counts and a recount, read in one statement (one snapshot, even on a busy PostgreSQL). */
  async compared(merchantId: string): Promise<{ stored: CatalogCounts; recounted: CatalogCounts }> {
    const [row] = (await this.run(this.dataSource.manager, `SELECT ${countColumns()}, ${recountColumns}`, { merchantId, on: true, listed: true })) as Array<Record<string, unknown>>;
    return { stored: countsFromRow(row), recounted: recountFromRow(row) };
  }

  /**
   * Takes the merchant's counts row for this transaction, creating it if need be: every writer of products or
   * inventory calls it before its first write, so that writers meet in one order (the link, when they lock it,
   * then the counts, then the products) and never wait for each other in a cycle; and a toggle that waits here
   * for a sync adds to the sync's recount instead of being overwritten by it (PostgreSQL; SQLite runs one
   * transaction at a time).
   */
  async lock(manager: EntityManager, merchantId: string): Promise<void> {
    // One statement: an upsert whose update changes nothing still locks the row, as an UPDATE does (PostgreSQL).
    await this.run(
      manager,
      `INSERT INTO catalog_count (merchant_id, products, offering_prime, listed_with_units) VALUES (:merchantId, 0, 0, 0)
       ON CONFLICT (merchant_id) DO UPDATE SET merchant_id = catalog_count.merchant_id`,
      { merchantId },
    );
  }

  /** Recounts the merchant's counts from its products, in the caller's transaction, which has taken `lock`. */
  async recount(manager: EntityManager, merchantId: string): Promise<void> {
    const counts = await this.recounted(merchantId, manager);
    await this.run(
      manager,
      'UPDATE catalog_count SET products = :products, offering_prime = :offeringPrime, listed_with_units = :listedWithUnits WHERE merchant_id = :merchantId',
      { merchantId, ...counts },
    );
  }

  /** Moves the merchant's Offer Prime count by the number of products a toggle turned on (positive) or off (negative), under `lock`. */
  async addOfferingPrime(manager: EntityManager, merchantId: string, delta: number): Promise<void> {
    if (delta === 0) return;
    await this.run(manager, 'UPDATE catalog_count SET offering_prime = offering_prime + :delta WHERE merchant_id = :merchantId', { merchantId, delta });
  }

  /** Every merchant with products or counts: what the check and the repair go through. */
  async merchants(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      'SELECT merchant_id AS "merchantId" FROM catalog_count UNION SELECT merchant_id FROM catalog_product ORDER BY 1',
    )) as Array<{ merchantId: string }>;
    return rows.map((row) => row.merchantId);
  }

  private run(manager: EntityManager, sql: string, parameters: Record<string, unknown>): Promise<unknown> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    return manager.query(query, values);
  }
}
