import { MigrationInterface, QueryRunner } from "typeorm";

export class SpApiCredentials1795809694923 implements MigrationInterface {
    name = 'SpApiCredentials1795809694923'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sp_api_credential" ("link_id" varchar(36) PRIMARY KEY NOT NULL, "selling_partner_id" varchar(64) NOT NULL, "key_id" varchar(32) NOT NULL, "sealed_refresh_token" text NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_4b55c272702512363384d9564d" ON "sp_api_credential" ("selling_partner_id") `);
        await queryRunner.query(`CREATE TABLE "sp_api_account_status" ("selling_partner_id" varchar(64) PRIMARY KEY NOT NULL, "status" varchar(16) NOT NULL, "event_time" datetime NOT NULL, "received_at" datetime NOT NULL)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "sp_api_account_status"`);
        await queryRunner.query(`DROP INDEX "IDX_4b55c272702512363384d9564d"`);
        await queryRunner.query(`DROP TABLE "sp_api_credential"`);
    }

}
