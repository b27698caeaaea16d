import { MigrationInterface, QueryRunner } from "typeorm";

export class OrdersAndUnlinking1795737336160 implements MigrationInterface {
    name = 'OrdersAndUnlinking1795737336160'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "bwp_order" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "link_id" varchar(36) NOT NULL, "external_id" varchar(64) NOT NULL, "state" varchar(32) NOT NULL, "placed_at" datetime NOT NULL, "shipped_at" datetime, "delivered_at" datetime, "return_started_at" datetime, "refund_requested_at" datetime, "refunded_at" datetime, "cancelled_at" datetime, "return_window_ends_at" datetime, "total_cents" integer NOT NULL, "currency" varchar(3) NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1e8b3923db9c5af4a6d9babc33" ON "bwp_order" ("external_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5f4d9f7470161c2517f1f1b888" ON "bwp_order" ("merchant_id", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_61572cd013fd0ce157bdc50ed8" ON "bwp_order" ("merchant_id", "id") `);
        await queryRunner.query(`CREATE TABLE "bwp_order_line" ("id" varchar(36) PRIMARY KEY NOT NULL, "order_id" varchar(36) NOT NULL, "merchant_id" varchar(36) NOT NULL, "product_id" varchar(36) NOT NULL, "sku" varchar(64) NOT NULL, "quantity" integer NOT NULL, "unit_price_cents" integer NOT NULL, "currency" varchar(3) NOT NULL, "returnable" boolean NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_6677d3cabca9552fa32d7c5c64" ON "bwp_order_line" ("order_id") `);
        await queryRunner.query(`CREATE TABLE "bwp_order_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "event_id" varchar(128) NOT NULL, "idempotency_key" varchar(128) NOT NULL, "order_id" varchar(36) NOT NULL, "merchant_id" varchar(36) NOT NULL, "event_type" varchar(32) NOT NULL, "event_time" datetime NOT NULL, "received_at" datetime NOT NULL, "applied" boolean NOT NULL, "not_applied_because" varchar(200))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fe59e9e72c976291d7d08b4d4" ON "bwp_order_event" ("event_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3f6c1966b68e7027bc7876421b" ON "bwp_order_event" ("idempotency_key") `);
        await queryRunner.query(`CREATE TABLE "unlink_request" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "link_id" varchar(36) NOT NULL, "state" varchar(32) NOT NULL, "support_case_id" varchar(32) NOT NULL, "reason" varchar(1000) NOT NULL, "requested_by_user_id" varchar(36) NOT NULL, "requested_at" datetime NOT NULL, "withdrawn_by_user_id" varchar(36), "withdrawn_at" datetime, "unlinking_started_at" datetime, "completed_at" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_4d514a4ca49059e9b1c0c97a88" ON "unlink_request" ("link_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_ad4858b8cf24a08c4a48c739e6" ON "unlink_request" ("merchant_id", "id") `);
        await queryRunner.query(`DROP INDEX "IDX_8091a64aca662d3349f1ca15a5"`);
        await queryRunner.query(`CREATE TABLE "temporary_catalog_product" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "sku" varchar(64) NOT NULL, "amazon_sku" varchar(20) NOT NULL, "title" varchar(500) NOT NULL, "price_cents" integer NOT NULL, "currency" varchar(3) NOT NULL, "offer_prime" boolean NOT NULL, "listed" boolean NOT NULL, "imported_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "returnable" boolean NOT NULL DEFAULT (1))`);
        await queryRunner.query(`INSERT INTO "temporary_catalog_product"("id", "merchant_id", "sku", "amazon_sku", "title", "price_cents", "currency", "offer_prime", "listed", "imported_at", "updated_at") SELECT "id", "merchant_id", "sku", "amazon_sku", "title", "price_cents", "currency", "offer_prime", "listed", "imported_at", "updated_at" FROM "catalog_product"`);
        await queryRunner.query(`DROP TABLE "catalog_product"`);
        await queryRunner.query(`ALTER TABLE "temporary_catalog_product" RENAME TO "catalog_product"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8091a64aca662d3349f1ca15a5" ON "catalog_product" ("merchant_id", "sku") `);
        await queryRunner.query(`CREATE TABLE "temporary_sandbox_listing" ("account_id" varchar(64) NOT NULL, "seller_sku" varchar(64) NOT NULL, "asin" varchar(20) NOT NULL, "title" varchar(500) NOT NULL, "price_cents" integer NOT NULL, "currency" varchar(3) NOT NULL, "fulfillable_quantity" integer NOT NULL, "returnable" boolean NOT NULL DEFAULT (1), PRIMARY KEY ("account_id", "seller_sku"))`);
        await queryRunner.query(`INSERT INTO "temporary_sandbox_listing"("account_id", "seller_sku", "asin", "title", "price_cents", "currency", "fulfillable_quantity") SELECT "account_id", "seller_sku", "asin", "title", "price_cents", "currency", "fulfillable_quantity" FROM "sandbox_listing"`);
        await queryRunner.query(`DROP TABLE "sandbox_listing"`);
        await queryRunner.query(`ALTER TABLE "temporary_sandbox_listing" RENAME TO "sandbox_listing"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sandbox_listing" RENAME TO "temporary_sandbox_listing"`);
        await queryRunner.query(`CREATE TABLE "sandbox_listing" ("account_id" varchar(64) NOT NULL, "seller_sku" varchar(64) NOT NULL, "asin" varchar(20) NOT NULL, "title" varchar(500) NOT NULL, "price_cents" integer NOT NULL, "currency" varchar(3) NOT NULL, "fulfillable_quantity" integer NOT NULL, PRIMARY KEY ("account_id", "seller_sku"))`);
        await queryRunner.query(`INSERT INTO "sandbox_listing"("account_id", "seller_sku", "asin", "title", "price_cents", "currency", "fulfillable_quantity") SELECT "account_id", "seller_sku", "asin", "title", "price_cents", "currency", "fulfillable_quantity" FROM "temporary_sandbox_listing"`);
        await queryRunner.query(`DROP TABLE "temporary_sandbox_listing"`);
        await queryRunner.query(`DROP INDEX "IDX_8091a64aca662d3349f1ca15a5"`);
        await queryRunner.query(`ALTER TABLE "catalog_product" RENAME TO "temporary_catalog_product"`);
        await queryRunner.query(`CREATE TABLE "catalog_product" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "sku" varchar(64) NOT NULL, "amazon_sku" varchar(20) NOT NULL, "title" varchar(500) NOT NULL, "price_cents" integer NOT NULL, "currency" varchar(3) NOT NULL, "offer_prime" boolean NOT NULL, "listed" boolean NOT NULL, "imported_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "catalog_product"("id", "merchant_id", "sku", "amazon_sku", "title", "price_cents", "currency", "offer_prime", "listed", "imported_at", "updated_at") SELECT "id", "merchant_id", "sku", "amazon_sku", "title", "price_cents", "currency", "offer_prime", "listed", "imported_at", "updated_at" FROM "temporary_catalog_product"`);
        await queryRunner.query(`DROP TABLE "temporary_catalog_product"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8091a64aca662d3349f1ca15a5" ON "catalog_product" ("merchant_id", "sku") `);
        await queryRunner.query(`DROP INDEX "IDX_ad4858b8cf24a08c4a48c739e6"`);
        await queryRunner.query(`DROP INDEX "IDX_4d514a4ca49059e9b1c0c97a88"`);
        await queryRunner.query(`DROP TABLE "unlink_request"`);
        await queryRunner.query(`DROP INDEX "IDX_3f6c1966b68e7027bc7876421b"`);
        await queryRunner.query(`DROP INDEX "IDX_3fe59e9e72c976291d7d08b4d4"`);
        await queryRunner.query(`DROP TABLE "bwp_order_event"`);
        await queryRunner.query(`DROP INDEX "IDX_6677d3cabca9552fa32d7c5c64"`);
        await queryRunner.query(`DROP TABLE "bwp_order_line"`);
        await queryRunner.query(`DROP INDEX "IDX_61572cd013fd0ce157bdc50ed8"`);
        await queryRunner.query(`DROP INDEX "IDX_5f4d9f7470161c2517f1f1b888"`);
        await queryRunner.query(`DROP INDEX "IDX_1e8b3923db9c5af4a6d9babc33"`);
        await queryRunner.query(`DROP TABLE "bwp_order"`);
    }

}
