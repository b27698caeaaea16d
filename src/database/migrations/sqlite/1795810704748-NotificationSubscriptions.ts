import { MigrationInterface, QueryRunner } from "typeorm";

export class NotificationSubscriptions1795810704748 implements MigrationInterface {
    name = 'NotificationSubscriptions1795810704748'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sp_api_notification_subscription" ("subscription_id" varchar(128) PRIMARY KEY NOT NULL, "selling_partner_id" varchar(64) NOT NULL, "notification_type" varchar(64) NOT NULL, "payload_version" varchar(16) NOT NULL, "destination_id" varchar(128) NOT NULL, "created_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_9230b8f153b455497cc8cd27b8" ON "sp_api_notification_subscription" ("selling_partner_id", "notification_type") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_9230b8f153b455497cc8cd27b8"`);
        await queryRunner.query(`DROP TABLE "sp_api_notification_subscription"`);
    }

}
