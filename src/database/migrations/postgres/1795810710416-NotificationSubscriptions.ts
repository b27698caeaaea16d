import { MigrationInterface, QueryRunner } from "typeorm";

export class NotificationSubscriptions1795810710416 implements MigrationInterface {
    name = 'NotificationSubscriptions1795810710416'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sp_api_notification_subscription" ("subscription_id" character varying(128) NOT NULL, "selling_partner_id" character varying(64) NOT NULL, "notification_type" character varying(64) NOT NULL, "payload_version" character varying(16) NOT NULL, "destination_id" character varying(128) NOT NULL, "created_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_2df0093632385b567dd1b551024" PRIMARY KEY ("subscription_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_9230b8f153b455497cc8cd27b8" ON "sp_api_notification_subscription"  ("selling_partner_id", "notification_type") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_9230b8f153b455497cc8cd27b8"`);
        await queryRunner.query(`DROP TABLE "sp_api_notification_subscription"`);
    }

}
