import { MigrationInterface, QueryRunner } from "typeorm";

export class SpApiCredentials1795809699000 implements MigrationInterface {
    name = 'SpApiCredentials1795809699000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sp_api_credential" ("link_id" character varying(36) NOT NULL, "selling_partner_id" character varying(64) NOT NULL, "key_id" character varying(32) NOT NULL, "sealed_refresh_token" text NOT NULL, "created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_c6a9230ef2ac83773da085d0154" PRIMARY KEY ("link_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4b55c272702512363384d9564d" ON "sp_api_credential" ("selling_partner_id") `);
        await queryRunner.query(`CREATE TABLE "sp_api_account_status" ("selling_partner_id" character varying(64) NOT NULL, "status" character varying(16) NOT NULL, "event_time" TIMESTAMP NOT NULL, "received_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_817e22e245b892f36a6e9d8b317" PRIMARY KEY ("selling_partner_id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "sp_api_account_status"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4b55c272702512363384d9564d"`);
        await queryRunner.query(`DROP TABLE "sp_api_credential"`);
    }

}
