import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { can, Permission } from '../auth/role';
import type { CatalogProductFields } from '../catalog/catalog.repository';
import { CatalogProductView } from '../catalog/catalog.types';
import { RequestContext } from '../server/context';
import { Clock } from '../shared/clock';
import { authorize } from '../auth/authorize';
import { PageArgs } from '../shared/graphql/pagination';
import { OrderFilter } from './order.inputs';
import { orderPageSelection, OrderPages } from './order-pages';
import { OrderConnection, OrderLineView, OrderView } from './order.types';
import { OpenReason, openReason } from './return-window';

/** The orders page: newest first, with line items, products and return windows. */
@Resolver(() => OrderView)
export class OrderResolver {
  constructor(
    private readonly pages: OrderPages,
    private readonly clock: Clock,
  ) {}

  @Query(() => OrderConnection, { description: 'The merchant\'s Buy with Prime orders, newest first.' })
  async orders(
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => OrderFilter, { nullable: true, description: 'Which orders to list; all when left out.' }) filter: OrderFilter | null,
    @Ctx() { viewer }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    authorize(viewer, Permission.READ_ORDERS);
    return this.pages.page('orders', viewer.merchantId, filter ?? {}, first, after, orderPageSelection(info));
  }

  @FieldResolver(() => [OrderLineView], { description: 'The products ordered.' })
  lines(@Root() order: OrderView, @Ctx() { loaders }: RequestContext): OrderLineView[] | Promise<OrderLineView[]> {
    return order.knownLines ?? loaders.orderLines.load(order.orderId).then((lines) => lines.map(OrderLineView.from));
  }

  @FieldResolver(() => Boolean, { description: 'O2, O3: whether the order is still inside its return window (undelivered and refund pending count as inside).' })
  insideReturnWindow(@Root() order: OrderView): boolean {
    return openReason(order.facts, this.clock.now()) !== null;
  }

  @FieldResolver(() => OpenReason, { nullable: true, description: 'Why the order is still open; null once it is outside its return window.' })
  openReason(@Root() order: OrderView): OpenReason | null {
    return openReason(order.facts, this.clock.now());
  }
}

@Resolver(() => OrderLineView)
export class OrderLineResolver {
  @FieldResolver(() => CatalogProductView, {
    nullable: true,
    description: 'The catalog product, as it is now; null for roles without access to the Prime page (STAFF).',
  })
  product(@Root() line: OrderLineView, @Ctx() { viewer, loaders }: RequestContext): CatalogProductView | null | Promise<CatalogProductView | null> {
    if (!can(viewer.role, Permission.READ_CATALOG)) return null;
    const view = (product: CatalogProductFields | null) => (product ? CatalogProductView.from(product) : null);
    return line.knownProduct !== undefined ? view(line.knownProduct) : loaders.products.load(line.productId).then(view);
  }
}
