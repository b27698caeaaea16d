import { DataSource, EntityManager } from 'typeorm';
import { dateFromSql } from '../database/sql-values';
import { endOfHour, hourOf, isNoChange, OpenOrdersSummary, TallyChange } from './open-order-tally';
import { OrderState } from './order-state';

/**
 * The per-merchant tally of what an unlink waits for (U3; see open-order-tally.ts): written in the
 * transaction of every order change, read in one statement whose cost does not grow with the orders.
 */
export class OpenOrderTallies {
  constructor(private readonly dataSource: DataSource) {}

  /** Moves the merchant's tally by one order's change, in the caller's transaction. */
  async apply(manager: EntityManager, merchantId: string, change: TallyChange, now: Date): Promise<void> {
    if (isNoChange(change)) return;
    if (change.undelivered !== 0 || change.returnsInProgress !== 0) {
      await this.run(
        manager,
        `INSERT INTO open_order_tally (merchant_id, undelivered, returns_in_progress) VALUES (:merchantId, :undelivered, :returnsInProgress)
         ON CONFLICT (merchant_id) DO UPDATE SET undelivered = open_order_tally.undelivered + excluded.undelivered,
           returns_in_progress = open_order_tally.returns_in_progress + excluded.returns_in_progress`,
        { merchantId, undelivered: change.undelivered, returnsInProgress: change.returnsInProgress },
      );
    }
    for (const { hour, delta } of change.windowHours) {
      await this.run(
        manager,
        `INSERT INTO return_window_hour (merchant_id, hour, delivered) VALUES (:merchantId, :hour, :delta)
         ON CONFLICT (merchant_id, hour) DO UPDATE SET delivered = return_window_hour.delivered + excluded.delivered`,
        { merchantId, hour, delta },
      );
    }
    // Hours before the current one are never read again: each merchant keeps at most a return window's worth.
    if (change.windowHours.length > 0) {
      await this.run(manager, `DELETE FROM return_window_hour WHERE merchant_id = :merchantId AND hour < :hour`, { merchantId, hour: hourOf(now) });
    }
  }

  /**
   * What the merchant's unlink waits for, now: the counters, the hours still to come, and the current
   * hour's orders counted exactly (a range of one hour on the open-orders index), in one statement.
   */
  async summary(merchantId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<OpenOrdersSummary> {
    const hour = hourOf(now);
    const [row] = (await this.run(
      manager,
      `SELECT
         (SELECT t.undelivered FROM open_order_tally t WHERE t.merchant_id = :merchantId) AS "undelivered",
         (SELECT t.returns_in_progress FROM open_order_tally t WHERE t.merchant_id = :merchantId) AS "returnsInProgress",
         (SELECT SUM(h.delivered) FROM return_window_hour h WHERE h.merchant_id = :merchantId AND h.hour > :hour) AS "laterHours",
         (SELECT COUNT(*) FROM bwp_order o WHERE o.merchant_id = :merchantId AND o.state = :delivered
            AND o.return_window_ends_at > :now AND o.return_window_ends_at < :hourEnd) AS "thisHour",
         (SELECT MAX(o.return_window_ends_at) FROM bwp_order o WHERE o.merchant_id = :merchantId AND o.state = :delivered) AS "latestWindowEnd"`,
      { merchantId, hour, now, hourEnd: endOfHour(hour), delivered: OrderState.DELIVERED },
    )) as Array<Record<string, unknown>>;
    const undelivered = Number(row.undelivered ?? 0);
    const returnsInProgress = Number(row.returnsInProgress ?? 0);
    const latestWindowEnd = dateFromSql(row.latestWindowEnd);
    return {
      count: undelivered + returnsInProgress + Number(row.laterHours ?? 0) + Number(row.thisHour ?? 0),
      latestWindowEnd: latestWindowEnd && latestWindowEnd.getTime() > now.getTime() ? latestWindowEnd : null,
      undelivered,
      returnsInProgress,
    };
  }

  /** Recomputes the merchant's tally from its orders (the repair; also what seeding that bypasses the services must call). */
  async rebuild(manager: EntityManager, merchantId: string, now: Date): Promise<void> {
    await this.run(manager, `DELETE FROM open_order_tally WHERE merchant_id = :merchantId`, { merchantId });
    await this.run(manager, `DELETE FROM return_window_hour WHERE merchant_id = :merchantId`, { merchantId });
    await this.run(
      manager,
      `INSERT INTO open_order_tally (merchant_id, undelivered, returns_in_progress)
       SELECT o.merchant_id, SUM(CASE WHEN o.state IN (:placed, :shipped) THEN 1 ELSE 0 END),
              SUM(CASE WHEN o.state IN (:returnStarted, :refundPending) THEN 1 ELSE 0 END)
       FROM bwp_order o WHERE o.merchant_id = :merchantId GROUP BY o.merchant_id`,
      { merchantId, placed: OrderState.PLACED, shipped: OrderState.SHIPPED, returnStarted: OrderState.RETURN_STARTED, refundPending: OrderState.REFUND_PENDING },
    );
    const ends = (await this.run(
      manager,
      `SELECT o.return_window_ends_at AS "endsAt" FROM bwp_order o WHERE o.merchant_id = :merchantId AND o.state = :delivered AND o.return_window_ends_at >= :from`,
      { merchantId, delivered: OrderState.DELIVERED, from: new Date(hourOf(now) * 3_600_000) },
    )) as Array<{ endsAt: unknown }>;
    const perHour = new Map<number, number>();
    for (const { endsAt } of ends) {
      const hour = hourOf(dateFromSql(endsAt)!);
      perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
    }
    for (const [hour, delivered] of perHour) {
      await this.run(manager, `INSERT INTO return_window_hour (merchant_id, hour, delivered) VALUES (:merchantId, :hour, :delivered)`, { merchantId, hour, delivered });
    }
  }

  /** Every merchant that has orders or a tally: what the check and the repair go through. */
  async merchants(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT merchant_id AS "merchantId" FROM open_order_tally UNION SELECT DISTINCT merchant_id FROM bwp_order`,
    )) as Array<{ merchantId: string }>;
    return rows.map((row) => row.merchantId).sort();
  }

  private run(manager: EntityManager, sql: string, parameters: Record<string, unknown>): Promise<unknown> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    return manager.query(query, values);
  }
}
