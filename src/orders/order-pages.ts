import { Clock } from '../shared/clock';
import { decodeCursor, pageOf, toConnection } from '../shared/graphql/pagination';
import { OrderFilter, OrderRepository } from './order.repository';
import { OrderView } from './order.types';

/** Pages of orders as connections, for the orders page and for what an unlink waits on. */
export class OrderPages {
  constructor(
    private readonly orders: OrderRepository,
    private readonly clock: Clock,
  ) {}

  /** `list` names the connection its cursors belong to; `withTotalCount` reads the count in the page's statement. `totalCount` is counted only when a query asks for it: a count grows with the orders, a keyset page does not. */
  async page(list: string, merchantId: string, filter: OrderFilter, first: number, after: string | null | undefined, withTotalCount = false) {
    const now = this.clock.now();
    const scope = { list, sort: 'newest', merchantId };
    const { rows, totalCount } = await this.orders.page(merchantId, filter, first, decodeCursor(scope, after), now, withTotalCount);
    const page = pageOf(rows.map(OrderView.from), first, scope, (order) => order.orderId);
    const orders = this.orders;
    return {
      ...toConnection(page, scope, (order) => order.orderId),
      // Read with the page when the caller knew it would be asked for; else counted if asked for.
      get totalCount() {
        return totalCount ?? orders.count(merchantId, filter, now);
      },
    };
  }
}
