import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 16: each merchant's catalog counts (src/catalog/catalog-counts.ts): its products, those offering
 * Prime, and those listed with fulfillment-center units, filled here from the products already stored. The
 * same sums as `CatalogCountStore.recounted`, frozen here.
 */
export class CatalogCounts1795900000000 implements MigrationInterface {
    name = 'CatalogCounts1795900000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "catalog_count" ("merchant_id" character varying(36) NOT NULL, "products" integer NOT NULL, "offering_prime" integer NOT NULL, "listed_with_units" integer NOT NULL, CONSTRAINT "PK_1939578fb3c2360b5a13bebb4b8" PRIMARY KEY ("merchant_id"))`);
        await queryRunner.query(`INSERT INTO "catalog_count" ("merchant_id", "products", "offering_prime", "listed_with_units")
            SELECT p."merchant_id", COUNT(*), SUM(CASE WHEN p."offer_prime" THEN 1 ELSE 0 END),
                SUM(CASE WHEN p."listed" AND EXISTS (SELECT 1 FROM "fulfillment_inventory" i WHERE i."merchant_id" = p."merchant_id" AND i."sku" = p."sku" AND i."fulfillable_quantity" > 0) THEN 1 ELSE 0 END)
            FROM "catalog_product" p GROUP BY p."merchant_id"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "catalog_count"`);
    }

}
