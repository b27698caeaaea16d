import { MigrationInterface, QueryRunner } from "typeorm";

export class SignInAndAccess1795817204884 implements MigrationInterface {
    name = 'SignInAndAccess1795817204884'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_1b7479e30fe123c7efc77be20d"`);
        await queryRunner.query(`CREATE TABLE "access_audit_entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "at" datetime NOT NULL, "actor_user_id" varchar(36), "actor_kind" varchar(16) NOT NULL, "action" varchar(32) NOT NULL, "target_id" varchar(36) NOT NULL, "details" varchar(500) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_8ad96146cd17f8470c1c25000c" ON "access_audit_entry" ("merchant_id", "id") `);
        await queryRunner.query(`CREATE TABLE "api_token" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "user_id" varchar(36) NOT NULL, "name" varchar(100) NOT NULL, "role" varchar(32) NOT NULL, "token_hash" varchar(64) NOT NULL, "display_prefix" varchar(16) NOT NULL, "expires_at" datetime NOT NULL, "last_used_at" datetime, "revoked_at" datetime, "created_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_66594537208f35c7fb8d23da20" ON "api_token" ("merchant_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bafaa5aab5957cd193fb2da8f2" ON "api_token" ("token_hash") `);
        await queryRunner.query(`CREATE TABLE "webhook_secret" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "secret" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "retires_at" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_cf9a834b6891a60a3e0e72b0e9" ON "webhook_secret" ("merchant_id") `);
        await queryRunner.query(`DROP INDEX "IDX_697175e2a95b585b4c5dc045cb"`);
        await queryRunner.query(`CREATE TABLE "temporary_merchant_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "email" varchar(320) NOT NULL, "display_name" varchar(200) NOT NULL, "role" varchar(32) NOT NULL, "created_at" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "temporary_merchant_user"("id", "merchant_id", "email", "display_name", "role", "created_at") SELECT "id", "merchant_id", "email", "display_name", "role", "created_at" FROM "merchant_user"`);
        await queryRunner.query(`DROP TABLE "merchant_user"`);
        await queryRunner.query(`ALTER TABLE "temporary_merchant_user" RENAME TO "merchant_user"`);
        await queryRunner.query(`CREATE INDEX "IDX_697175e2a95b585b4c5dc045cb" ON "merchant_user" ("merchant_id") `);
        await queryRunner.query(`DROP INDEX "IDX_697175e2a95b585b4c5dc045cb"`);
        await queryRunner.query(`CREATE TABLE "temporary_merchant_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "email" varchar(320) NOT NULL, "display_name" varchar(200) NOT NULL, "role" varchar(32) NOT NULL, "created_at" datetime NOT NULL, "issuer" varchar(512), "subject" varchar(255))`);
        await queryRunner.query(`INSERT INTO "temporary_merchant_user"("id", "merchant_id", "email", "display_name", "role", "created_at") SELECT "id", "merchant_id", "email", "display_name", "role", "created_at" FROM "merchant_user"`);
        await queryRunner.query(`DROP TABLE "merchant_user"`);
        await queryRunner.query(`ALTER TABLE "temporary_merchant_user" RENAME TO "merchant_user"`);
        await queryRunner.query(`CREATE INDEX "IDX_697175e2a95b585b4c5dc045cb" ON "merchant_user" ("merchant_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9c1c324a85e6f57142f8202c1d" ON "merchant_user" ("issuer", "subject") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_9c1c324a85e6f57142f8202c1d"`);
        await queryRunner.query(`DROP INDEX "IDX_697175e2a95b585b4c5dc045cb"`);
        await queryRunner.query(`ALTER TABLE "merchant_user" RENAME TO "temporary_merchant_user"`);
        await queryRunner.query(`CREATE TABLE "merchant_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "email" varchar(320) NOT NULL, "display_name" varchar(200) NOT NULL, "role" varchar(32) NOT NULL, "created_at" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "merchant_user"("id", "merchant_id", "email", "display_name", "role", "created_at") SELECT "id", "merchant_id", "email", "display_name", "role", "created_at" FROM "temporary_merchant_user"`);
        await queryRunner.query(`DROP TABLE "temporary_merchant_user"`);
        await queryRunner.query(`CREATE INDEX "IDX_697175e2a95b585b4c5dc045cb" ON "merchant_user" ("merchant_id") `);
        await queryRunner.query(`DROP INDEX "IDX_697175e2a95b585b4c5dc045cb"`);
        await queryRunner.query(`ALTER TABLE "merchant_user" RENAME TO "temporary_merchant_user"`);
        await queryRunner.query(`CREATE TABLE "merchant_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "merchant_id" varchar(36) NOT NULL, "email" varchar(320) NOT NULL, "display_name" varchar(200) NOT NULL, "role" varchar(32) NOT NULL, "token_hash" varchar(64) NOT NULL, "created_at" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "merchant_user"("id", "merchant_id", "email", "display_name", "role", "created_at") SELECT "id", "merchant_id", "email", "display_name", "role", "created_at" FROM "temporary_merchant_user"`);
        await queryRunner.query(`DROP TABLE "temporary_merchant_user"`);
        await queryRunner.query(`CREATE INDEX "IDX_697175e2a95b585b4c5dc045cb" ON "merchant_user" ("merchant_id") `);
        await queryRunner.query(`DROP INDEX "IDX_cf9a834b6891a60a3e0e72b0e9"`);
        await queryRunner.query(`DROP TABLE "webhook_secret"`);
        await queryRunner.query(`DROP INDEX "IDX_bafaa5aab5957cd193fb2da8f2"`);
        await queryRunner.query(`DROP INDEX "IDX_66594537208f35c7fb8d23da20"`);
        await queryRunner.query(`DROP TABLE "api_token"`);
        await queryRunner.query(`DROP INDEX "IDX_8ad96146cd17f8470c1c25000c"`);
        await queryRunner.query(`DROP TABLE "access_audit_entry"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1b7479e30fe123c7efc77be20d" ON "merchant_user" ("token_hash") `);
    }

}
