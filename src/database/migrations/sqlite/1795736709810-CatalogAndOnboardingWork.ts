import { MigrationInterface, QueryRunner } from "typeorm";

export class CatalogAndOnboardingWork1795736709810 implements MigrationInterface {
    name = 'CatalogAndOnboardingWork1795736709810'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "catalog_product" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "sku" varchar(64) NOT NULL, "amazon_sku" varchar(20) NOT NULL, "title" varchar(500) NOT NULL, "price_cents" integer NOT NULL, "currency" varchar(3) NOT NULL, "offer_prime" boolean NOT NULL, "listed" boolean NOT NULL, "imported_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8091a64aca662d3349f1ca15a5" ON "catalog_product" ("merchant_id", "sku") `);
        await queryRunner.query(`CREATE TABLE "fulfillment_inventory" ("merchant_id" varchar(36) NOT NULL, "sku" varchar(64) NOT NULL, "fulfillable_quantity" integer NOT NULL, "identified_at" datetime NOT NULL, PRIMARY KEY ("merchant_id", "sku"))`);
        await queryRunner.query(`CREATE TABLE "sandbox_amazon_pay_registration" ("account_id" varchar(64) PRIMARY KEY NOT NULL, "requested_at" datetime NOT NULL)`);
        await queryRunner.query(`DROP INDEX "IDX_7a6e20578fdcc6e95849cf4ac5"`);
        await queryRunner.query(`CREATE TABLE "temporary_onboarding_step" ("id" varchar(36) PRIMARY KEY NOT NULL, "link_id" varchar(36) NOT NULL, "merchant_id" varchar(36) NOT NULL, "kind" varchar(64) NOT NULL, "state" varchar(32) NOT NULL, "attempts" integer NOT NULL, "started_at" datetime, "finished_at" datetime, "failure_reason" varchar(500), "updated_at" datetime NOT NULL, "progress_done" integer NOT NULL DEFAULT (0), "progress_total" integer, "claimed_until" datetime)`);
        await queryRunner.query(`INSERT INTO "temporary_onboarding_step"("id", "link_id", "merchant_id", "kind", "state", "attempts", "started_at", "finished_at", "failure_reason", "updated_at") SELECT "id", "link_id", "merchant_id", "kind", "state", "attempts", "started_at", "finished_at", "failure_reason", "updated_at" FROM "onboarding_step"`);
        await queryRunner.query(`DROP TABLE "onboarding_step"`);
        await queryRunner.query(`ALTER TABLE "temporary_onboarding_step" RENAME TO "onboarding_step"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7a6e20578fdcc6e95849cf4ac5" ON "onboarding_step" ("link_id", "kind") `);
        await queryRunner.query(`CREATE TABLE "temporary_sandbox_seller_account" ("id" varchar(64) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "plan" varchar(32) NOT NULL, "standing" varchar(32) NOT NULL, "amazon_pay_outcome" varchar(16) NOT NULL DEFAULT ('ACTIVATES'), "amazon_pay_activation_minutes" integer NOT NULL DEFAULT (2), "listings_available" boolean NOT NULL DEFAULT (1))`);
        await queryRunner.query(`INSERT INTO "temporary_sandbox_seller_account"("id", "name", "plan", "standing") SELECT "id", "name", "plan", "standing" FROM "sandbox_seller_account"`);
        await queryRunner.query(`DROP TABLE "sandbox_seller_account"`);
        await queryRunner.query(`ALTER TABLE "temporary_sandbox_seller_account" RENAME TO "sandbox_seller_account"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sandbox_seller_account" RENAME TO "temporary_sandbox_seller_account"`);
        await queryRunner.query(`CREATE TABLE "sandbox_seller_account" ("id" varchar(64) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "plan" varchar(32) NOT NULL, "standing" varchar(32) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "sandbox_seller_account"("id", "name", "plan", "standing") SELECT "id", "name", "plan", "standing" FROM "temporary_sandbox_seller_account"`);
        await queryRunner.query(`DROP TABLE "temporary_sandbox_seller_account"`);
        await queryRunner.query(`DROP INDEX "IDX_7a6e20578fdcc6e95849cf4ac5"`);
        await queryRunner.query(`ALTER TABLE "onboarding_step" RENAME TO "temporary_onboarding_step"`);
        await queryRunner.query(`CREATE TABLE "onboarding_step" ("id" varchar(36) PRIMARY KEY NOT NULL, "link_id" varchar(36) NOT NULL, "merchant_id" varchar(36) NOT NULL, "kind" varchar(64) NOT NULL, "state" varchar(32) NOT NULL, "attempts" integer NOT NULL, "started_at" datetime, "finished_at" datetime, "failure_reason" varchar(500), "updated_at" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "onboarding_step"("id", "link_id", "merchant_id", "kind", "state", "attempts", "started_at", "finished_at", "failure_reason", "updated_at") SELECT "id", "link_id", "merchant_id", "kind", "state", "attempts", "started_at", "finished_at", "failure_reason", "updated_at" FROM "temporary_onboarding_step"`);
        await queryRunner.query(`DROP TABLE "temporary_onboarding_step"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7a6e20578fdcc6e95849cf4ac5" ON "onboarding_step" ("link_id", "kind") `);
        await queryRunner.query(`DROP TABLE "sandbox_amazon_pay_registration"`);
        await queryRunner.query(`DROP TABLE "fulfillment_inventory"`);
        await queryRunner.query(`DROP INDEX "IDX_8091a64aca662d3349f1ca15a5"`);
        await queryRunner.query(`DROP TABLE "catalog_product"`);
    }

}
