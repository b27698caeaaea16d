import { MigrationInterface, QueryRunner } from "typeorm";

export class IdempotencyKeys1795738250668 implements MigrationInterface {
    name = 'IdempotencyKeys1795738250668'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "idempotency_key" ("merchant_id" character varying(36) NOT NULL, "key" character varying(255) NOT NULL, "operation" character varying(64) NOT NULL, "input_hash" character varying(64) NOT NULL, "payload_json" text NOT NULL, "created_at" TIMESTAMP NOT NULL, "expires_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_ef47e9c3d6e7e2fbb970a1929b4" PRIMARY KEY ("merchant_id", "key"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "idempotency_key"`);
    }

}
