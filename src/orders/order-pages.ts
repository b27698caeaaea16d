import { GraphQLResolveInfo } from 'graphql';
import { Clock } from '../shared/clock';
import { decodeCursor, pageOf, toConnection } from '../shared/graphql/pagination';
import { selectsField, selectsPath } from '../shared/graphql/selection';
import { countMatching } from './order-tally';
import { OrderTallies } from './order-tally.repository';
import { OrderFilter, OrderRepository } from './order.repository';
import { OrderLineView, OrderView } from './order.types';

/** What a page's query selects beyond the orders' own fields, so that the page's one statement reads it too. */
export interface OrderPageSelection {
  totalCount: boolean;
  lines: boolean;
}

/** What a query of an order connection selects that the page's statement reads for it: `totalCount`, and the orders' lines. */
export function orderPageSelection(info: GraphQLResolveInfo): OrderPageSelection {
  return { totalCount: selectsField(info, 'totalCount'), lines: selectsPath(info, ['nodes', 'lines']) || selectsPath(info, ['edges', 'node', 'lines']) };
}

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
   * asks for it (on its own for a page past the last order), and left null otherwise. The lines (with their
   * products) come in the same statement when the query asks for them, as each order's known lines: a field
   * that returns a promise would make graphql-js resolve its whole object asynchronously, on every order.
   */
  async page(list: string, merchantId: string, filter: OrderFilter, first: number, after: string | null | undefined, selection: OrderPageSelection) {
    const now = this.clock.now();
    const scope = { list, sort: 'newest', merchantId };
    const { rows, tally, lines } = await this.orders.page(merchantId, filter, first, decodeCursor(scope, after), now, {
      withTally: selection.totalCount,
      withLines: selection.lines,
    });
    const page = pageOf(rows.map(OrderView.from), first, scope, (order) => order.orderId);
    if (lines) for (const order of page.nodes) order.knownLines = (lines.get(order.orderId) ?? []).map(OrderLineView.from);
    // Not selected, the count is never read; a page past the last order has no row to carry the tally (rare): read on its own.
    const totalCount = !selection.totalCount ? null : countMatching(tally ?? (await this.tallies.read(merchantId, now)), filter);
    return { ...toConnection(page, scope, (order) => order.orderId), totalCount };
  }
}
