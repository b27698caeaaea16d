import { MigrationInterface, QueryRunner } from "typeorm";

export class SignInAndAccess1795817215597 implements MigrationInterface {
    name = 'SignInAndAccess1795817215597'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_1b7479e30fe123c7efc77be20d"`);
        await queryRunner.query(`CREATE TABLE "access_audit_entry" ("id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "at" TIMESTAMP NOT NULL, "actor_user_id" character varying(36), "actor_kind" character varying(16) NOT NULL, "action" character varying(32) NOT NULL, "target_id" character varying(36) NOT NULL, "details" character varying(500) NOT NULL, CONSTRAINT "PK_695058824b84a5a6d3507276246" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_8ad96146cd17f8470c1c25000c" ON "access_audit_entry"  ("merchant_id", "id") `);
        await queryRunner.query(`CREATE TABLE "api_token" ("id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "user_id" character varying(36) NOT NULL, "name" character varying(100) NOT NULL, "role" character varying(32) NOT NULL, "token_hash" character varying(64) NOT NULL, "display_prefix" character varying(16) NOT NULL, "expires_at" TIMESTAMP NOT NULL, "last_used_at" TIMESTAMP, "revoked_at" TIMESTAMP, "created_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_66594537208f35c7fb8d23da20" ON "api_token"  ("merchant_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bafaa5aab5957cd193fb2da8f2" ON "api_token"  ("token_hash") `);
        await queryRunner.query(`CREATE TABLE "webhook_secret" ("id" character varying(36) NOT NULL, "merchant_id" character varying(36) NOT NULL, "secret" character varying(64) NOT NULL, "created_at" TIMESTAMP NOT NULL, "retires_at" TIMESTAMP, CONSTRAINT "PK_5846dcede2111cca14b94f259eb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_cf9a834b6891a60a3e0e72b0e9" ON "webhook_secret"  ("merchant_id") `);
        await queryRunner.query(`ALTER TABLE "merchant_user" DROP COLUMN "token_hash"`);
        await queryRunner.query(`ALTER TABLE "merchant_user" ADD "issuer" character varying(512)`);
        await queryRunner.query(`ALTER TABLE "merchant_user" ADD "subject" character varying(255)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9c1c324a85e6f57142f8202c1d" ON "merchant_user"  ("issuer", "subject") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_9c1c324a85e6f57142f8202c1d"`);
        await queryRunner.query(`ALTER TABLE "merchant_user" DROP COLUMN "subject"`);
        await queryRunner.query(`ALTER TABLE "merchant_user" DROP COLUMN "issuer"`);
        await queryRunner.query(`ALTER TABLE "merchant_user" ADD "token_hash" character varying(64) NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cf9a834b6891a60a3e0e72b0e9"`);
        await queryRunner.query(`DROP TABLE "webhook_secret"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_bafaa5aab5957cd193fb2da8f2"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_66594537208f35c7fb8d23da20"`);
        await queryRunner.query(`DROP TABLE "api_token"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8ad96146cd17f8470c1c25000c"`);
        await queryRunner.query(`DROP TABLE "access_audit_entry"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1b7479e30fe123c7efc77be20d" ON "merchant_user" USING btree ("token_hash") `);
    }

}
