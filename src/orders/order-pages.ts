import { Clock } from '../shared/clock';
import { decodeCursor, pageOf, toConnection } from '../shared/graphql/pagination';
import { countMatching } from './order-tally';
import { OrderTallies } from './order-tally.repository';
import { OrderFilter, OrderRepository } from './order.repository';
import { OrderView } from './order.types';

/** Pages of orders as connections, for the orders page and for what an unlink waits on. */
export class OrderPages {
  constructor(
    private readonly orders: OrderRepository,
    private readonly tallies: OrderTallies,
    private readonly clock: Clock,
  ) {}

  /**
   * `list` names the connection its cursors belong to. `totalCount` comes from the merchant's order tally
   * (order-tally.ts), whatever the filter, in constant time: read in the page's statement when the query
   * asks for it (`withTotalCount`; on its own for a page past the last order), and left null otherwise.
   */
  async page(list: string, merchantId: string, filter: OrderFilter, first: number, after: string | null | undefined, withTotalCount: boolean) {
    const now = this.clock.now();
    const scope = { list, sort: 'newest', merchantId };
    const { rows, tally } = await this.orders.page(merchantId, filter, first, decodeCursor(scope, after), now, withTotalCount);
    const page = pageOf(rows.map(OrderView.from), first, scope, (order) => order.orderId);
    // Not selected, the count is never read; a page past the last order has no row to carry the tally (rare): read on its own.
    const totalCount = !withTotalCount ? null : countMatching(tally ?? (await this.tallies.read(merchantId, now)), filter);
    return { ...toConnection(page, scope, (order) => order.orderId), totalCount };
  }
}
