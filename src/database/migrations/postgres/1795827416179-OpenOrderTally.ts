import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 16: what an unlink waits for becomes a per-merchant tally kept with the orders (src/orders/open-order-tally.ts),
 * filled here from the orders already stored. Delivered orders are counted per hour of their window's end, from a
 * day before now (earlier hours are never read); the same sums as `OpenOrderTallies.rebuild`, frozen here.
 */
export class OpenOrderTally1795827416179 implements MigrationInterface {
    name = 'OpenOrderTally1795827416179'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "open_order_tally" ("merchant_id" character varying(36) NOT NULL, "undelivered" integer NOT NULL, "returns_in_progress" integer NOT NULL, CONSTRAINT "PK_6d002c00b91dcabcdd28fbb5a29" PRIMARY KEY ("merchant_id"))`);
        await queryRunner.query(`CREATE TABLE "return_window_hour" ("merchant_id" character varying(36) NOT NULL, "hour" integer NOT NULL, "delivered" integer NOT NULL, CONSTRAINT "PK_24d22b7a43b7ae17364d50824b4" PRIMARY KEY ("merchant_id", "hour"))`);
        await queryRunner.query(`INSERT INTO "open_order_tally" ("merchant_id", "undelivered", "returns_in_progress")
            SELECT "merchant_id", SUM(CASE WHEN "state" IN ('PLACED', 'SHIPPED') THEN 1 ELSE 0 END), SUM(CASE WHEN "state" IN ('RETURN_STARTED', 'REFUND_PENDING') THEN 1 ELSE 0 END)
            FROM "bwp_order" GROUP BY "merchant_id"`);
        const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 86_400_000);
        const delivered: Array<{ merchantId: string; endsAt: unknown }> = await queryRunner.query(
            `SELECT "merchant_id" AS "merchantId", "return_window_ends_at" AS "endsAt" FROM "bwp_order" WHERE "state" = 'DELIVERED' AND "return_window_ends_at" >= $1`,
            [from],
        );
        const perHour = new Map<string, { merchantId: string; hour: number; count: number }>();
        for (const { merchantId, endsAt } of delivered) {
            const hour = Math.floor((endsAt as Date).getTime() / 3_600_000);
            const entry = perHour.get(`${merchantId}:${hour}`) ?? { merchantId, hour, count: 0 };
            entry.count += 1;
            perHour.set(`${merchantId}:${hour}`, entry);
        }
        for (const { merchantId, hour, count } of perHour.values()) {
            await queryRunner.query(`INSERT INTO "return_window_hour" ("merchant_id", "hour", "delivered") VALUES ($1, $2, $3)`, [merchantId, hour, count]);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "return_window_hour"`);
        await queryRunner.query(`DROP TABLE "open_order_tally"`);
    }

}
