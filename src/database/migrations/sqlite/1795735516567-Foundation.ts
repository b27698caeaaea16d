import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795735516567 implements MigrationInterface {
    name = 'Foundation1795735516567'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "merchant_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "email" varchar(320) NOT NULL, "display_name" varchar(200) NOT NULL, "role" varchar(32) NOT NULL, "token_hash" varchar(64) NOT NULL, "created_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_697175e2a95b585b4c5dc045cb" ON "merchant_user" ("merchant_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1b7479e30fe123c7efc77be20d" ON "merchant_user" ("token_hash") `);
        await queryRunner.query(`CREATE TABLE "link_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "link_id" varchar(36) NOT NULL, "merchant_id" varchar(36) NOT NULL, "occurred_at" datetime NOT NULL, "actor_kind" varchar(32) NOT NULL, "actor_user_id" varchar(36), "kind" varchar(64) NOT NULL, "from_state" varchar(32), "to_state" varchar(32), "message" varchar(1000) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_7f227efa2996fcef2bd5be969b" ON "link_event" ("link_id", "occurred_at", "id") `);
        await queryRunner.query(`CREATE TABLE "seller_central_link" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "current_for_merchant_id" varchar(36), "state" varchar(32) NOT NULL, "authorization_state" varchar(64) NOT NULL, "consented_by_user_id" varchar(36) NOT NULL, "consented_at" datetime NOT NULL, "seller_account_id" varchar(64), "seller_account_name" varchar(200), "store_id" varchar(64), "store_name" varchar(200), "marketplace" varchar(64), "linked_at" datetime, "attention_code" varchar(64), "attention_message" varchar(500), "attention_since" datetime, "ended_at" datetime, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_102449633c2608f921c78e7695" ON "seller_central_link" ("current_for_merchant_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_01be0f65f0eb09f48dac4e0892" ON "seller_central_link" ("authorization_state") `);
        await queryRunner.query(`CREATE INDEX "IDX_63fa0804266d3ca6b21d721e86" ON "seller_central_link" ("merchant_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "merchant" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "created_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "onboarding_step" ("id" varchar(36) PRIMARY KEY NOT NULL, "link_id" varchar(36) NOT NULL, "merchant_id" varchar(36) NOT NULL, "kind" varchar(64) NOT NULL, "state" varchar(32) NOT NULL, "attempts" integer NOT NULL, "started_at" datetime, "finished_at" datetime, "failure_reason" varchar(500), "updated_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7a6e20578fdcc6e95849cf4ac5" ON "onboarding_step" ("link_id", "kind") `);
        await queryRunner.query(`CREATE TABLE "sandbox_seller_account" ("id" varchar(64) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "plan" varchar(32) NOT NULL, "standing" varchar(32) NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "sandbox_store" ("id" varchar(64) PRIMARY KEY NOT NULL, "account_id" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "marketplace" varchar(64) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_021933d2833cdf4d7ee8bdfef3" ON "sandbox_store" ("account_id") `);
        await queryRunner.query(`CREATE TABLE "sandbox_listing" ("account_id" varchar(64) NOT NULL, "seller_sku" varchar(64) NOT NULL, "asin" varchar(20) NOT NULL, "title" varchar(500) NOT NULL, "price_cents" integer NOT NULL, "currency" varchar(3) NOT NULL, "fulfillable_quantity" integer NOT NULL, PRIMARY KEY ("account_id", "seller_sku"))`);
        await queryRunner.query(`CREATE TABLE "sandbox_authorization_code" ("code_hash" varchar(64) PRIMARY KEY NOT NULL, "state" varchar(64) NOT NULL, "account_id" varchar(64) NOT NULL, "store_id" varchar(64) NOT NULL, "issued_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "used_at" datetime)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "sandbox_authorization_code"`);
        await queryRunner.query(`DROP TABLE "sandbox_listing"`);
        await queryRunner.query(`DROP INDEX "IDX_021933d2833cdf4d7ee8bdfef3"`);
        await queryRunner.query(`DROP TABLE "sandbox_store"`);
        await queryRunner.query(`DROP TABLE "sandbox_seller_account"`);
        await queryRunner.query(`DROP INDEX "IDX_7a6e20578fdcc6e95849cf4ac5"`);
        await queryRunner.query(`DROP TABLE "onboarding_step"`);
        await queryRunner.query(`DROP TABLE "merchant"`);
        await queryRunner.query(`DROP INDEX "IDX_63fa0804266d3ca6b21d721e86"`);
        await queryRunner.query(`DROP INDEX "IDX_01be0f65f0eb09f48dac4e0892"`);
        await queryRunner.query(`DROP INDEX "IDX_102449633c2608f921c78e7695"`);
        await queryRunner.query(`DROP TABLE "seller_central_link"`);
        await queryRunner.query(`DROP INDEX "IDX_7f227efa2996fcef2bd5be969b"`);
        await queryRunner.query(`DROP TABLE "link_event"`);
        await queryRunner.query(`DROP INDEX "IDX_1b7479e30fe123c7efc77be20d"`);
        await queryRunner.query(`DROP INDEX "IDX_697175e2a95b585b4c5dc045cb"`);
        await queryRunner.query(`DROP TABLE "merchant_user"`);
    }

}
