import { MigrationInterface, QueryRunner } from "typeorm";

export class IdempotencyKeys1795738247545 implements MigrationInterface {
    name = 'IdempotencyKeys1795738247545'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "idempotency_key" ("merchant_id" varchar(36) NOT NULL, "key" varchar(255) NOT NULL, "operation" varchar(64) NOT NULL, "input_hash" varchar(64) NOT NULL, "payload_json" text NOT NULL, "created_at" datetime NOT NULL, "expires_at" datetime NOT NULL, PRIMARY KEY ("merchant_id", "key"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "idempotency_key"`);
    }

}
