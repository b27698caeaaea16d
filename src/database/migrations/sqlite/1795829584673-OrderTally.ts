import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 16: counts of each merchant's orders become a tally kept with the orders (src/orders/order-tally.ts):
 * orders per state, and delivered orders per hour of their return window's end, filled here from the orders
 * already stored (hours from a day before now: earlier ones are never read). The same sums as
 * `OrderTallies.rebuild`, frozen here.
 */
export class OrderTally1795829584673 implements MigrationInterface {
    name = 'OrderTally1795829584673'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "order_state_count" ("merchant_id" varchar(36) NOT NULL, "state" varchar(32) NOT NULL, "orders" integer NOT NULL, PRIMARY KEY ("merchant_id", "state"))`);
        await queryRunner.query(`CREATE TABLE "return_window_hour" ("merchant_id" varchar(36) NOT NULL, "hour" integer NOT NULL, "delivered" integer NOT NULL, PRIMARY KEY ("merchant_id", "hour"))`);
        await queryRunner.query(`INSERT INTO "order_state_count" ("merchant_id", "state", "orders") SELECT "merchant_id", "state", COUNT(*) FROM "bwp_order" GROUP BY "merchant_id", "state"`);
        await queryRunner.query(`INSERT INTO "return_window_hour" ("merchant_id", "hour", "delivered")
            SELECT "merchant_id", "hour", COUNT(*) FROM (
                SELECT "merchant_id", CAST(strftime('%s', "return_window_ends_at") AS INTEGER) / 3600 AS "hour" FROM "bwp_order"
                WHERE "state" = 'DELIVERED' AND "return_window_ends_at" >= datetime('now', '-1 day')
            ) "delivered" GROUP BY "merchant_id", "hour"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "return_window_hour"`);
        await queryRunner.query(`DROP TABLE "order_state_count"`);
    }

}
