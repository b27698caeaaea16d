import { dateFromSql } from '../../src/database/sql-values';
import { hourOf, openOrders } from '../../src/orders/order-tally';
import { OrderTallyCheck } from '../../src/orders/order-tally.check';
import { OrderTallies } from '../../src/orders/order-tally.repository';
import { OrderRepository } from '../../src/orders/order.repository';
import { onboard, placeOrder, productsBySku, sendOrderEvent, toggle } from '../support/linking-flow';
import { onPostgres } from '../support/test-database';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * U3 in constant time: what an unlink waits for (and any orders count) is read from a per-merchant tally written with every
 * order change (src/orders/order-tally.ts), never summed over the orders on a read. These tests hold
 * the tally to a recount of the orders, on SQLite and, in `npm run test:postgres`, on PostgreSQL.
 */
const database = onPostgres ? 'PostgreSQL' : 'SQLite';
const HOUR_MS = 3_600_000;
const WAITING = '{ unlinkRequest { state waitingFor { orderCount earliestUnlinkAt isEstimate } } }';
const EVENTS = ['PACKAGE_SHIPPED', 'PACKAGE_DELIVERED', 'RETURN_STARTED', 'REFUND_REQUESTED', 'REFUND_COMPLETED', 'ORDER_CANCELLED'];

let server: TestServer;
let check: OrderTallyCheck;

beforeEach(async () => {
  server = await startTestServer({ returnWindowDays: 1 });
  check = new OrderTallyCheck(server.app.dataSource);
});

afterEach(async () => {
  await server.stop();
});

async function eligibleProduct(): Promise<string> {
  await onboard(server);
  const products = await productsBySku(server);
  expect((await toggle(server, products['NW-TENT-2P'].id, true)).userErrors).toEqual([]);
  return products['NW-TENT-2P'].id;
}

async function requestUnlink() {
  await server.gql('mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }');
  const { body } = await server.gql('mutation { requestUnlink(input: { reason: "tally" }) { userErrors { code } } }');
  expect(body.data.requestUnlink.userErrors).toEqual([]);
}

/** A small deterministic generator, so that a failure replays. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor(state / 65_536) % below;
  };
}

describe(`U3: the order tally agrees with the orders (${database})`, () => {
  it('U3: after each placement and event, in any order, as hours and return windows pass, the tally equals a recount of the orders', async () => {
    const productId = await eligibleProduct();
    const next = random(20261128);
    const orderIds: string[] = [];
    let steps = 0;
    for (let step = 0; step < 90; step += 1) {
      const action = next(10);
      if (action < 3 || orderIds.length === 0) {
        const { order, userErrors } = await placeOrder(server, [productId]);
        expect(userErrors).toEqual([]);
        orderIds.push(order.id);
      } else if (action < 8) {
        await sendOrderEvent(server, orderIds[next(orderIds.length)], EVENTS[next(EVENTS.length)]);
      } else {
        server.clock.advance(next(5 * HOUR_MS));
      }
      expect({ step, mismatches: await check.mismatches(server.clock.now()) }).toEqual({ step, mismatches: [] });
      steps += 1;
    }
    expect(steps).toBe(90);
    // The walk delivered orders and closed some.
    const [walk] = await server.app.dataSource.query(
      `SELECT COUNT(delivered_at) AS delivered, SUM(CASE WHEN state IN ('REFUNDED', 'CANCELLED') THEN 1 ELSE 0 END) AS closed FROM bwp_order`,
    );
    expect(Number(walk.delivered)).toBeGreaterThanOrEqual(3);
    expect(Number(walk.closed)).toBeGreaterThan(0);
    // Past the end of every window: the delivered orders leave the tally with no write at all.
    server.clock.advance(25 * HOUR_MS);
    expect(await check.mismatches(server.clock.now())).toEqual([]);
    const after = openOrders(await new OrderRepository(server.app.dataSource).tallyFromOrders(await merchantId(), server.clock.now()));
    expect(after.count).toBe(after.undelivered + after.returnsInProgress);
  });

  it('U3: what the unlink request shows is the tally, and equals the recount, as a window ends hour by hour', async () => {
    const productId = await eligibleProduct();
    const orders: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      orders.push((await placeOrder(server, [productId])).order.id);
      server.clock.advance(HOUR_MS / 2);
    }
    for (const orderId of orders) {
      await sendOrderEvent(server, orderId, 'PACKAGE_DELIVERED');
      server.clock.advance(HOUR_MS / 2 + 1);
    }
    await requestUnlink();
    const recount = new OrderRepository(server.app.dataSource);
    const counts: number[] = [];
    for (let halfHour = 0; halfHour < 52; halfHour += 1) {
      const waiting = (await server.gql(WAITING)).body.data.unlinkRequest;
      const truth = openOrders(await recount.tallyFromOrders(await merchantId(), server.clock.now()));
      counts.push(waiting.state === 'WAITING' ? waiting.waitingFor.orderCount : 0);
      if (waiting.state === 'WAITING') expect(waiting.waitingFor.orderCount).toBe(truth.count);
      server.clock.advance(HOUR_MS / 2);
    }
    expect(counts[0]).toBe(3);
    expect(counts).toContain(2);
    expect(counts).toContain(1);
  });

  it('U3: the read is one statement whatever the number of orders', async () => {
    const productId = await eligibleProduct();
    await placeOrder(server, [productId]);
    await requestUnlink();
    const few = await server.sql.count(() => server.gql(WAITING));
    // Orders placed before the request still count: add them by rebuilding from rows written directly.
    const merchant = await merchantId();
    const [order] = await server.app.dataSource.query('SELECT * FROM bwp_order LIMIT 1');
    for (let i = 0; i < 40; i += 1) {
      await server.app.dataSource.query(
        onPostgres
          ? `INSERT INTO bwp_order SELECT $1, merchant_id, link_id, $2, state, placed_at, shipped_at, delivered_at, return_started_at, refund_requested_at, refunded_at, cancelled_at, return_window_ends_at, total_cents, currency, updated_at, version FROM bwp_order WHERE id = $3`
          : `INSERT INTO bwp_order SELECT ?, merchant_id, link_id, ?, state, placed_at, shipped_at, delivered_at, return_started_at, refund_requested_at, refunded_at, cancelled_at, return_window_ends_at, total_cents, currency, updated_at, version FROM bwp_order WHERE id = ?`,
        [`copy-${i}`, `BWP-COPY-${i}`, order.id],
      );
    }
    expect(await check.repair(server.clock.now())).toEqual([{ merchantId: merchant, differences: ['PLACED: tally 1, orders 41'] }]);
    const many = await server.sql.count(() => server.gql(WAITING));
    expect((await server.gql(WAITING)).body.data.unlinkRequest.waitingFor.orderCount).toBe(41);
    expect(many).toHaveLength(few.length);
    const tallyReads = many.filter((statement) => /order_state_count/.test(statement));
    expect(tallyReads).toHaveLength(1);
    expect(tallyReads[0]).not.toMatch(/GROUP BY/i);
  });

  it('U3: the check finds a tally that drifted (a write that bypassed the services), and the repair rebuilds it from the orders', async () => {
    const productId = await eligibleProduct();
    const { order } = await placeOrder(server, [productId]);
    await sendOrderEvent(server, order.id, 'PACKAGE_DELIVERED');
    await placeOrder(server, [productId]);
    const merchant = await merchantId();
    expect(await check.mismatches(server.clock.now())).toEqual([]);

    await server.app.dataSource.query(`UPDATE order_state_count SET orders = orders + 5 WHERE state = 'PLACED'`);
    await server.app.dataSource.query('DELETE FROM return_window_hour');
    expect(await check.mismatches(server.clock.now())).toEqual([
      { merchantId: merchant, differences: ['PLACED: tally 6, orders 1', 'delivered inside their window: tally 0, orders 1'] },
    ]);
    expect(await check.repair(server.clock.now())).toHaveLength(1);
    expect(await check.mismatches(server.clock.now())).toEqual([]);
    await requestUnlink();
    expect((await server.gql(WAITING)).body.data.unlinkRequest.waitingFor.orderCount).toBe(2);
  });

  it('U3: the migration fills the tally from the orders already stored', async () => {
    server.clock.advance(Date.now() - server.clock.now().getTime());
    const productId = await eligibleProduct();
    const { order } = await placeOrder(server, [productId]);
    await sendOrderEvent(server, order.id, 'PACKAGE_DELIVERED');
    await placeOrder(server, [productId]);
    const dataSource = server.app.dataSource;
    const applied = async () => (await dataSource.query('SELECT name FROM migrations')).map((row: { name: string }) => row.name);
    while ((await applied()).some((name: string) => name.startsWith('OrderTally'))) await dataSource.undoLastMigration();
    await dataSource.runMigrations();
    expect(await check.mismatches(server.clock.now())).toEqual([]);
    expect(Number((await dataSource.query('SELECT SUM(delivered) AS n FROM return_window_hour'))[0].n)).toBe(1);
    expect(await dataSource.query('SELECT state, orders FROM order_state_count ORDER BY state')).toEqual([{ state: 'DELIVERED', orders: 1 }, { state: 'PLACED', orders: 1 }]);
  });
});

describe(`U3: the tally keeps only the hours still to come (${database})`, () => {
  /** The stored hours that count something, from the current hour on. */
  async function storedHours(): Promise<Array<{ hour: number; delivered: number }>> {
    const rows = await server.app.dataSource.query('SELECT hour, delivered FROM return_window_hour WHERE delivered <> 0');
    return rows
      .map((row: { hour: unknown; delivered: unknown }) => ({ hour: Number(row.hour), delivered: Number(row.delivered) }))
      .filter(({ hour }: { hour: number }) => hour >= hourOf(server.clock.now()))
      .sort((a: { hour: number }, b: { hour: number }) => a.hour - b.hour);
  }

  /** The same, recounted from the delivered orders. */
  async function recountedHours(): Promise<Array<{ hour: number; delivered: number }>> {
    const rows = await server.app.dataSource.query(`SELECT return_window_ends_at AS "endsAt" FROM bwp_order WHERE state = 'DELIVERED'`);
    const byHour = new Map<number, number>();
    for (const { endsAt } of rows) {
      const hour = hourOf(dateFromSql(endsAt)!);
      if (hour >= hourOf(server.clock.now())) byHour.set(hour, (byHour.get(hour) ?? 0) + 1);
    }
    return [...byHour].map(([hour, delivered]) => ({ hour, delivered })).sort((a, b) => a.hour - b.hour);
  }

  async function pastHourRows(): Promise<number> {
    const [row] = await server.app.dataSource.query(
      onPostgres ? 'SELECT COUNT(*) AS n FROM return_window_hour WHERE hour < $1' : 'SELECT COUNT(*) AS n FROM return_window_hour WHERE hour < ?',
      [hourOf(server.clock.now())],
    );
    return Number(row.n);
  }

  it('U3: an order leaving its window in the current hour is counted out of that hour, and a change in a past hour writes no hour', async () => {
    const productId = await eligibleProduct();
    const [a, b, c] = [(await placeOrder(server, [productId])).order.id, (await placeOrder(server, [productId])).order.id, (await placeOrder(server, [productId])).order.id];
    const aWindowEnd = new Date((await sendOrderEvent(server, a, 'PACKAGE_DELIVERED')).order.returnWindowEndsAt);
    server.clock.advance(2 * HOUR_MS);
    const bWindowEnd = new Date((await sendOrderEvent(server, b, 'PACKAGE_DELIVERED')).order.returnWindowEndsAt);
    expect(await storedHours()).toEqual(await recountedHours());
    expect(await storedHours()).toHaveLength(2);

    // The last minute of A's window: its hour is the current one, and a return takes A out of it.
    server.clock.advance(aWindowEnd.getTime() - 60_000 - server.clock.now().getTime());
    expect(hourOf(server.clock.now())).toBe(hourOf(aWindowEnd));
    expect((await sendOrderEvent(server, a, 'RETURN_STARTED')).eventStatus).toBe('APPLIED');
    expect(await storedHours()).toEqual(await recountedHours());

    // B's window ended hours ago: a late return moves its state, and no hour is written or deleted.
    server.clock.advance(bWindowEnd.getTime() + 2 * HOUR_MS - server.clock.now().getTime());
    const late = await server.sql.count(() => sendOrderEvent(server, b, 'RETURN_STARTED'));
    expect(late.some((statement) => /order_state_count/.test(statement))).toBe(true);
    expect(late.filter((statement) => /return_window_hour/.test(statement))).toEqual([]);
    expect(await pastHourRows()).toBeGreaterThan(0);

    // The next delivery writes its hour and drops the hours gone by.
    await sendOrderEvent(server, c, 'PACKAGE_DELIVERED');
    expect(await pastHourRows()).toBe(0);
    expect(await storedHours()).toEqual(await recountedHours());
    expect(await check.mismatches(server.clock.now())).toEqual([]);
  });

  it('U3: a rebuild stores the hours from the current one on, and none before', async () => {
    const productId = await eligibleProduct();
    const early = (await placeOrder(server, [productId])).order.id;
    await sendOrderEvent(server, early, 'PACKAGE_DELIVERED');
    server.clock.advance(30 * HOUR_MS);
    const recent = (await placeOrder(server, [productId])).order.id;
    await sendOrderEvent(server, recent, 'PACKAGE_DELIVERED');
    const merchant = await merchantId();
    await server.app.dataSource.transaction((manager) => new OrderTallies(server.app.dataSource).rebuild(manager, merchant, server.clock.now()));
    expect(await pastHourRows()).toBe(0);
    expect(await storedHours()).toEqual(await recountedHours());
    expect(await storedHours()).toEqual([{ hour: expect.any(Number), delivered: 1 }]);
    expect(await check.mismatches(server.clock.now())).toEqual([]);
  });
});

async function merchantId(): Promise<string> {
  const [row] = await server.app.dataSource.query('SELECT DISTINCT merchant_id AS "merchantId" FROM bwp_order');
  return row.merchantId;
}
