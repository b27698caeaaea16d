import { MigrationInterface, QueryRunner } from "typeorm";

export class PostgresSchema1795737822146 implements MigrationInterface {
    name = 'PostgresSchema1795737822146'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "merchant_user" ("id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "email" character varying(320) NOT NULL, "display_name" character varying(200) NOT NULL, "role" character varying(32) NOT NULL, "token_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_8f6d566c4af17752c436870dc7f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_697175e2a95b585b4c5dc045cb" ON "merchant_user"  ("merchant_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1b7479e30fe123c7efc77be20d" ON "merchant_user"  ("token_hash") `);
        await queryRunner.query(`CREATE TABLE "catalog_product" ("id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "sku" character varying(64) NOT NULL, "amazon_sku" character varying(20) NOT NULL, "title" character varying(500) NOT NULL, "price_cents" integer NOT NULL, "currency" character varying(3) NOT NULL, "offer_prime" boolean NOT NULL, "returnable" boolean NOT NULL DEFAULT true, "listed" boolean NOT NULL, "imported_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_95f45f9c8a51980c2eb98d4532e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8091a64aca662d3349f1ca15a5" ON "catalog_product"  ("merchant_id", "sku") `);
        await queryRunner.query(`CREATE TABLE "fulfillment_inventory" ("merchant_id" character varying(36) NOT NULL, "sku" character varying(64) NOT NULL, "fulfillable_quantity" integer NOT NULL, "identified_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_863965ec199e20c146d46ed74f8" PRIMARY KEY ("merchant_id", "sku"))`);
        await queryRunner.query(`CREATE TABLE "link_event" ("id" character varying(36) NOT NULL, "link_id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "occurred_at" TIMESTAMP NOT NULL, "actor_kind" character varying(32) NOT NULL, "actor_user_id" character varying(36), "kind" character varying(64) NOT NULL, "from_state" character varying(32), "to_state" character varying(32), "message" character varying(1000) NOT NULL, CONSTRAINT "PK_3b531f7f2b940c6db8bf62fd54b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_7f227efa2996fcef2bd5be969b" ON "link_event"  ("link_id", "occurred_at", "id") `);
        await queryRunner.query(`CREATE TABLE "seller_central_link" ("id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "current_for_merchant_id" character varying(36), "state" character varying(32) NOT NULL, "authorization_state" character varying(64) NOT NULL, "consented_by_user_id" character varying(36) NOT NULL, "consented_at" TIMESTAMP NOT NULL, "seller_account_id" character varying(64), "seller_account_name" character varying(200), "store_id" character varying(64), "store_name" character varying(200), "marketplace" character varying(64), "linked_at" TIMESTAMP, "attention_code" character varying(64), "attention_message" character varying(500), "attention_since" TIMESTAMP, "ended_at" TIMESTAMP, "created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_e8f2e4d803d62cb31f3c98ce674" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_102449633c2608f921c78e7695" ON "seller_central_link"  ("current_for_merchant_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_01be0f65f0eb09f48dac4e0892" ON "seller_central_link"  ("authorization_state") `);
        await queryRunner.query(`CREATE INDEX "IDX_63fa0804266d3ca6b21d721e86" ON "seller_central_link"  ("merchant_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "merchant" ("id" character varying(36) NOT NULL, "name" character varying(200) NOT NULL, "created_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_9a3850e0537d869734fc9bff5d6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "bwp_order" ("id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "link_id" character varying(36) NOT NULL, "external_id" character varying(64) NOT NULL, "state" character varying(32) NOT NULL, "placed_at" TIMESTAMP NOT NULL, "shipped_at" TIMESTAMP, "delivered_at" TIMESTAMP, "return_started_at" TIMESTAMP, "refund_requested_at" TIMESTAMP, "refunded_at" TIMESTAMP, "cancelled_at" TIMESTAMP, "return_window_ends_at" TIMESTAMP, "total_cents" integer NOT NULL, "currency" character varying(3) NOT NULL, "updated_at" TIMESTAMP NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_e5d8b554b59ed95a3be1b53374f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1e8b3923db9c5af4a6d9babc33" ON "bwp_order"  ("external_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5f4d9f7470161c2517f1f1b888" ON "bwp_order"  ("merchant_id", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_61572cd013fd0ce157bdc50ed8" ON "bwp_order"  ("merchant_id", "id") `);
        await queryRunner.query(`CREATE TABLE "bwp_order_line" ("id" character varying(36) NOT NULL, "order_id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "product_id" character varying(36) NOT NULL, "sku" character varying(64) NOT NULL, "quantity" integer NOT NULL, "unit_price_cents" integer NOT NULL, "currency" character varying(3) NOT NULL, "returnable" boolean NOT NULL, CONSTRAINT "PK_1899086172c9a0cf229b85a6b58" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6677d3cabca9552fa32d7c5c64" ON "bwp_order_line"  ("order_id") `);
        await queryRunner.query(`CREATE TABLE "bwp_order_event" ("id" character varying(36) NOT NULL, "event_id" character varying(128) NOT NULL, "idempotency_key" character varying(128) NOT NULL, "order_id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "event_type" character varying(32) NOT NULL, "event_time" TIMESTAMP NOT NULL, "received_at" TIMESTAMP NOT NULL, "applied" boolean NOT NULL, "not_applied_because" character varying(200), CONSTRAINT "PK_641c06bafe7a17fe933018a9ffd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fe59e9e72c976291d7d08b4d4" ON "bwp_order_event"  ("event_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3f6c1966b68e7027bc7876421b" ON "bwp_order_event"  ("idempotency_key") `);
        await queryRunner.query(`CREATE TABLE "unlink_request" ("id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "link_id" character varying(36) NOT NULL, "state" character varying(32) NOT NULL, "support_case_id" character varying(32) NOT NULL, "reason" character varying(1000) NOT NULL, "requested_by_user_id" character varying(36) NOT NULL, "requested_at" TIMESTAMP NOT NULL, "withdrawn_by_user_id" character varying(36), "withdrawn_at" TIMESTAMP, "unlinking_started_at" TIMESTAMP, "completed_at" TIMESTAMP, CONSTRAINT "PK_b8cade8764f9a84e9246342b938" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4d514a4ca49059e9b1c0c97a88" ON "unlink_request"  ("link_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_ad4858b8cf24a08c4a48c739e6" ON "unlink_request"  ("merchant_id", "id") `);
        await queryRunner.query(`CREATE TABLE "onboarding_step" ("id" character varying(36) NOT NULL, "link_id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "kind" character varying(64) NOT NULL, "state" character varying(32) NOT NULL, "attempts" integer NOT NULL, "started_at" TIMESTAMP, "finished_at" TIMESTAMP, "failure_reason" character varying(500), "progress_done" integer NOT NULL DEFAULT '0', "progress_total" integer, "claimed_until" TIMESTAMP, "updated_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_f0cf055bfbabf8d3ae96885e8a3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7a6e20578fdcc6e95849cf4ac5" ON "onboarding_step"  ("link_id", "kind") `);
        await queryRunner.query(`CREATE TABLE "sandbox_seller_account" ("id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "plan" character varying(32) NOT NULL, "standing" character varying(32) NOT NULL, "amazon_pay_outcome" character varying(16) NOT NULL DEFAULT 'ACTIVATES', "amazon_pay_activation_minutes" integer NOT NULL DEFAULT '2', "listings_available" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_2974c7de544b0231fb39256d45b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "sandbox_amazon_pay_registration" ("account_id" character varying(64) NOT NULL, "requested_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_7477fa6430d8e6b44b30fe7ad87" PRIMARY KEY ("account_id"))`);
        await queryRunner.query(`CREATE TABLE "sandbox_store" ("id" character varying(64) NOT NULL, "account_id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "marketplace" character varying(64) NOT NULL, CONSTRAINT "PK_8ca70d70bd5fba5d282128af023" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_021933d2833cdf4d7ee8bdfef3" ON "sandbox_store"  ("account_id") `);
        await queryRunner.query(`CREATE TABLE "sandbox_listing" ("account_id" character varying(64) NOT NULL, "seller_sku" character varying(64) NOT NULL, "asin" character varying(20) NOT NULL, "title" character varying(500) NOT NULL, "price_cents" integer NOT NULL, "currency" character varying(3) NOT NULL, "fulfillable_quantity" integer NOT NULL, "returnable" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_cac04e6ea30f49cdd7d64a260eb" PRIMARY KEY ("account_id", "seller_sku"))`);
        await queryRunner.query(`CREATE TABLE "sandbox_authorization_code" ("code_hash" character varying(64) NOT NULL, "state" character varying(64) NOT NULL, "account_id" character varying(64) NOT NULL, "store_id" character varying(64) NOT NULL, "issued_at" TIMESTAMP NOT NULL, "expires_at" TIMESTAMP NOT NULL, "used_at" TIMESTAMP, CONSTRAINT "PK_180f256d58853442a8477310536" PRIMARY KEY ("code_hash"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "sandbox_authorization_code"`);
        await queryRunner.query(`DROP TABLE "sandbox_listing"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_021933d2833cdf4d7ee8bdfef3"`);
        await queryRunner.query(`DROP TABLE "sandbox_store"`);
        await queryRunner.query(`DROP TABLE "sandbox_amazon_pay_registration"`);
        await queryRunner.query(`DROP TABLE "sandbox_seller_account"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7a6e20578fdcc6e95849cf4ac5"`);
        await queryRunner.query(`DROP TABLE "onboarding_step"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ad4858b8cf24a08c4a48c739e6"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4d514a4ca49059e9b1c0c97a88"`);
        await queryRunner.query(`DROP TABLE "unlink_request"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3f6c1966b68e7027bc7876421b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3fe59e9e72c976291d7d08b4d4"`);
        await queryRunner.query(`DROP TABLE "bwp_order_event"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6677d3cabca9552fa32d7c5c64"`);
        await queryRunner.query(`DROP TABLE "bwp_order_line"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_61572cd013fd0ce157bdc50ed8"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5f4d9f7470161c2517f1f1b888"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1e8b3923db9c5af4a6d9babc33"`);
        await queryRunner.query(`DROP TABLE "bwp_order"`);
        await queryRunner.query(`DROP TABLE "merchant"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_63fa0804266d3ca6b21d721e86"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_01be0f65f0eb09f48dac4e0892"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_102449633c2608f921c78e7695"`);
        await queryRunner.query(`DROP TABLE "seller_central_link"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7f227efa2996fcef2bd5be969b"`);
        await queryRunner.query(`DROP TABLE "link_event"`);
        await queryRunner.query(`DROP TABLE "fulfillment_inventory"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8091a64aca662d3349f1ca15a5"`);
        await queryRunner.query(`DROP TABLE "catalog_product"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1b7479e30fe123c7efc77be20d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_697175e2a95b585b4c5dc045cb"`);
        await queryRunner.query(`DROP TABLE "merchant_user"`);
    }

}
