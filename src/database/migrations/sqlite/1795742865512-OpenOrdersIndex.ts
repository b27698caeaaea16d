import { MigrationInterface, QueryRunner } from "typeorm";

export class OpenOrdersIndex1795742865512 implements MigrationInterface {
    name = 'OpenOrdersIndex1795742865512'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_5f4d9f7470161c2517f1f1b888"`);
        await queryRunner.query(`CREATE INDEX "IDX_6b6a71344e7eff506f3e556d42" ON "bwp_order" ("merchant_id", "state", "return_window_ends_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_6b6a71344e7eff506f3e556d42"`);
        await queryRunner.query(`CREATE INDEX "IDX_5f4d9f7470161c2517f1f1b888" ON "bwp_order" ("merchant_id", "state") `);
    }

}
