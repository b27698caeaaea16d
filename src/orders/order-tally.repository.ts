import { DataSource, EntityManager } from 'typeorm';
import { dateFromSql } from '../database/sql-values';
import { emptyTally, endOfHour, hourOf, isNoChange, OrderTally, TallyChange } from './order-tally';
import { OrderState } from './order-state';

/**
 * A merchant's tally as columns of scalar subqueries (`:merchantId` names the merchant; tallyParameters
 * the rest), so that a statement can read it alongside its own rows: the count of each state, the hours
 * still to come, and the current hour's delivered orders counted exactly (a range of one hour on the
 * open-orders index). Each is a primary-key or index lookup, whatever the number of orders.
 */
export function tallyColumns(): string {
  return [
    ...Object.values(OrderState).map((state) => `(SELECT c.orders FROM order_state_count c WHERE c.merchant_id = :merchantId AND c.state = '${state}') AS "tally_${state}"`),
    `(SELECT SUM(h.delivered) FROM return_window_hour h WHERE h.merchant_id = :merchantId AND h.hour > :tallyHour) AS "tally_later_hours"`,
    `(SELECT COUNT(*) FROM bwp_order t WHERE t.merchant_id = :merchantId AND t.state = :tallyDelivered AND t.return_window_ends_at > :tallyNow AND t.return_window_ends_at < :tallyHourEnd) AS "tally_this_hour"`,
    `(SELECT MAX(t.return_window_ends_at) FROM bwp_order t WHERE t.merchant_id = :merchantId AND t.state = :tallyDelivered) AS "tally_latest_window_end"`,
  ].join(', ');
}

export function tallyParameters(now: Date): Record<string, unknown> {
  const hour = hourOf(now);
  return { tallyHour: hour, tallyNow: now, tallyHourEnd: endOfHour(hour), tallyDelivered: OrderState.DELIVERED };
}

export function tallyFromRow(row: Record<string, unknown>, now: Date): OrderTally {
  const tally = emptyTally();
  for (const state of Object.values(OrderState)) tally.byState[state] = Number(row[`tally_${state}`] ?? 0);
  tally.deliveredInWindow = Number(row.tally_later_hours ?? 0) + Number(row.tally_this_hour ?? 0);
  const latest = dateFromSql(row.tally_latest_window_end);
  tally.latestWindowEnd = latest && latest.getTime() > now.getTime() ? latest : null;
  return tally;
}

/**
 * Each merchant's order tally (see order-tally.ts): written in the transaction of every order change,
 * read in one statement whose cost does not grow with the orders.
 */
export class OrderTallies {
  constructor(private readonly dataSource: DataSource) {}

  /** Moves the merchant's tally by one order's change, in the caller's transaction. */
  async apply(manager: EntityManager, merchantId: string, change: TallyChange, now: Date): Promise<void> {
    if (isNoChange(change)) return;
    // Rows are locked in one order, states before hours, and a state change goes from an earlier state to a later one,
    // so two order changes of one merchant never wait for each other in a cycle (PostgreSQL).
    for (const { state, delta } of change.states) await this.add(manager, 'order_state_count', merchantId, ['state', state], ['orders', delta]);
    // Hours before the current one are never read again: they are not written, and each change that writes an hour
    // deletes them, so a merchant keeps at most a return window's worth.
    const current = hourOf(now);
    const hours = change.windowHours.filter(({ hour }) => hour >= current);
    for (const { hour, delta } of hours) await this.add(manager, 'return_window_hour', merchantId, ['hour', hour], ['delivered', delta]);
    if (hours.length > 0) await this.run(manager, `DELETE FROM return_window_hour WHERE merchant_id = :merchantId AND hour < :hour`, { merchantId, hour: current });
  }

  /** The merchant's tally now, in one statement (see tallyColumns). */
  async read(merchantId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<OrderTally> {
    const [row] = (await this.run(manager, `SELECT ${tallyColumns()}`, { merchantId, ...tallyParameters(now) })) as Array<Record<string, unknown>>;
    return tallyFromRow(row, now);
  }

  /** Recomputes the merchant's tally from its orders (the repair; also what seeding that bypasses the services must call). */
  async rebuild(manager: EntityManager, merchantId: string, now: Date): Promise<void> {
    await this.run(manager, `DELETE FROM order_state_count WHERE merchant_id = :merchantId`, { merchantId });
    await this.run(manager, `DELETE FROM return_window_hour WHERE merchant_id = :merchantId`, { merchantId });
    await this.run(
      manager,
      `INSERT INTO order_state_count (merchant_id, state, orders)
       SELECT o.merchant_id, o.state, COUNT(*) FROM bwp_order o WHERE o.merchant_id = :merchantId GROUP BY o.merchant_id, o.state`,
      { merchantId },
    );
    await this.run(
      manager,
      `INSERT INTO return_window_hour (merchant_id, hour, delivered)
       SELECT o.merchant_id, o.hour, COUNT(*) FROM (
         SELECT merchant_id, ${this.hourExpression('return_window_ends_at')} AS hour FROM bwp_order
         WHERE merchant_id = :merchantId AND state = :delivered AND return_window_ends_at >= :from
       ) o GROUP BY o.merchant_id, o.hour`,
      { merchantId, delivered: OrderState.DELIVERED, from: new Date(hourOf(now) * 3_600_000) },
    );
  }

  /** Every merchant that has orders or a tally: what the check and the repair go through. */
  async merchants(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT merchant_id AS "merchantId" FROM order_state_count UNION SELECT merchant_id FROM bwp_order`,
    )) as Array<{ merchantId: string }>;
    return rows.map((row) => row.merchantId).sort();
  }

  /** The hour since the epoch of a UTC timestamp column, in SQL (SQLite keeps TypeORM's UTC text; PostgreSQL a timestamp). */
  private hourExpression(column: string): string {
    return this.dataSource.options.type === 'postgres'
      ? `CAST(FLOOR(EXTRACT(EPOCH FROM ${column}) / 3600) AS INTEGER)`
      : `CAST(strftime('%s', ${column}) AS INTEGER) / 3600`;
  }

  /** Adds `delta` to a merchant's counter row, creating it at `delta` (an upsert, atomic on both databases). */
  private add(manager: EntityManager, table: string, merchantId: string, [keyColumn, key]: [string, unknown], [counter, delta]: [string, number]): Promise<unknown> {
    return this.run(
      manager,
      `INSERT INTO ${table} (merchant_id, ${keyColumn}, ${counter}) VALUES (:merchantId, :key, :delta)
       ON CONFLICT (merchant_id, ${keyColumn}) DO UPDATE SET ${counter} = ${table}.${counter} + excluded.${counter}`,
      { merchantId, key, delta },
    );
  }

  private run(manager: EntityManager, sql: string, parameters: Record<string, unknown>): Promise<unknown> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    return manager.query(query, values);
  }
}
