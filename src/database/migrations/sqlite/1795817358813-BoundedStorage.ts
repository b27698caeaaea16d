import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 15, bounded storage. Idempotency keys belong to a user (merchant, user, key), and the expiry is
 * indexed for the purge; the stored keys are dropped, not copied: they have no user, their answers are in
 * the old shape, and they are a 24-hour cache whose loss only means a retry within the day does its
 * (harmless) work again. A link's timeline is paged by (link, id), so that index replaces (link, time, id).
 */
export class BoundedStorage1795817358813 implements MigrationInterface {
    name = 'BoundedStorage1795817358813'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_7f227efa2996fcef2bd5be969b"`);
        await queryRunner.query(`CREATE TABLE "temporary_idempotency_key" ("merchant_id" varchar(36) NOT NULL, "key" varchar(255) NOT NULL, "operation" varchar(64) NOT NULL, "input_hash" varchar(64) NOT NULL, "payload_json" text NOT NULL, "created_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "user_id" varchar(36) NOT NULL, PRIMARY KEY ("merchant_id", "key", "user_id"))`);
        await queryRunner.query(`DROP TABLE "idempotency_key"`);
        await queryRunner.query(`ALTER TABLE "temporary_idempotency_key" RENAME TO "idempotency_key"`);
        await queryRunner.query(`CREATE INDEX "IDX_68d0f3d6d0cda4b471b0257321" ON "link_event" ("link_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_40aab95c36e58255f7618768f0" ON "idempotency_key" ("expires_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_40aab95c36e58255f7618768f0"`);
        await queryRunner.query(`DROP INDEX "IDX_68d0f3d6d0cda4b471b0257321"`);
        await queryRunner.query(`ALTER TABLE "idempotency_key" RENAME TO "temporary_idempotency_key"`);
        await queryRunner.query(`CREATE TABLE "idempotency_key" ("merchant_id" varchar(36) NOT NULL, "key" varchar(255) NOT NULL, "operation" varchar(64) NOT NULL, "input_hash" varchar(64) NOT NULL, "payload_json" text NOT NULL, "created_at" datetime NOT NULL, "expires_at" datetime NOT NULL, PRIMARY KEY ("merchant_id", "key"))`);
        await queryRunner.query(`DROP TABLE "temporary_idempotency_key"`);
        await queryRunner.query(`CREATE INDEX "IDX_7f227efa2996fcef2bd5be969b" ON "link_event" ("link_id", "occurred_at", "id") `);
    }

}
