import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 15, bounded storage. Idempotency keys belong to a user (merchant, user, key), and the expiry is
 * indexed for the purge; the stored keys are dropped, not kept: they have no user, their answers are in
 * the old shape, and they are a 24-hour cache whose loss only means a retry within the day does its
 * (harmless) work again. A link's timeline is paged by (link, id), so that index replaces (link, time, id).
 */
export class BoundedStorage1795817360000 implements MigrationInterface {
    name = 'BoundedStorage1795817360000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_7f227efa2996fcef2bd5be969b"`);
        await queryRunner.query(`CREATE INDEX "IDX_68d0f3d6d0cda4b471b0257321" ON "link_event" ("link_id", "id") `);
        await queryRunner.query(`DELETE FROM "idempotency_key"`);
        await queryRunner.query(`ALTER TABLE "idempotency_key" ADD "user_id" character varying(36) NOT NULL`);
        await queryRunner.query(`ALTER TABLE "idempotency_key" DROP CONSTRAINT "PK_ef47e9c3d6e7e2fbb970a1929b4"`);
        await queryRunner.query(`ALTER TABLE "idempotency_key" ADD CONSTRAINT "PK_30e1053bff3df3ac2df4669629c" PRIMARY KEY ("merchant_id", "key", "user_id")`);
        await queryRunner.query(`CREATE INDEX "IDX_40aab95c36e58255f7618768f0" ON "idempotency_key" ("expires_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_40aab95c36e58255f7618768f0"`);
        await queryRunner.query(`DELETE FROM "idempotency_key"`);
        await queryRunner.query(`ALTER TABLE "idempotency_key" DROP CONSTRAINT "PK_30e1053bff3df3ac2df4669629c"`);
        await queryRunner.query(`ALTER TABLE "idempotency_key" ADD CONSTRAINT "PK_ef47e9c3d6e7e2fbb970a1929b4" PRIMARY KEY ("merchant_id", "key")`);
        await queryRunner.query(`ALTER TABLE "idempotency_key" DROP COLUMN "user_id"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_68d0f3d6d0cda4b471b0257321"`);
        await queryRunner.query(`CREATE INDEX "IDX_7f227efa2996fcef2bd5be969b" ON "link_event" ("link_id", "occurred_at", "id") `);
    }

}
