import { Resolver, Root, SubscribeResolverData, Subscription } from 'type-graphql';
import { authorize } from '../auth/authorize';
import { Permission } from '../auth/role';
import { CatalogRepository } from '../catalog/catalog.repository';
import { CatalogProductView } from '../catalog/catalog.types';
import { ChangeBus } from '../events/change-bus';
import { ChangeEvent } from '../events/change-event';
import { LinkRepository } from '../linking/link.repository';
import { SellerCentralLinkView } from '../linking/link.types';
import { OrderRepository } from '../orders/order.repository';
import { OrderView } from '../orders/order.types';
import { RequestContext } from '../server/context';
import { UnlinkRequestState } from '../unlinking/unlink-request-state';
import { UnlinkRequestRepository } from '../unlinking/unlink-request.repository';
import { UnlinkRequestView } from '../unlinking/unlink.types';
import { changeStream, keyOf } from './change-stream';
import { OFFER_PRIME_CHANGE_PRODUCTS, OfferPrimeChangeView } from './live.types';

type Feed = 'link' | 'unlinkRequest' | 'order' | 'offerPrime';

const subscribe =
  (feed: Feed) =>
  ({ context, info }: SubscribeResolverData<unknown, object, RequestContext>) =>
    (context.container.get(LiveResolver, { context, info, root: undefined, args: {} }) as LiveResolver).stream(feed, context);

/**
 * Live updates (GraphQL subscriptions over WebSocket, graphql-transport-ws). Each event names what
 * changed in a committed transaction; the subscriber gets that object as it is now, read for its own
 * merchant with the same permission as the query that returns it.
 */
@Resolver()
export class LiveResolver {
  private readonly reads = new Map<string, Promise<unknown>>();

  constructor(
    private readonly bus: ChangeBus,
    private readonly maxQueuedEvents: number,
    private readonly links: LinkRepository,
    private readonly unlinkRequests: UnlinkRequestRepository,
    private readonly orders: OrderRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  @Subscription(() => SellerCentralLinkView, {
    description:
      'The merchant\'s link changed: its state, attention, an onboarding step (state or import progress) or a new timeline entry. ' +
      'Delivers the link as `sellerCentralLink` would now (also once it is UNLINKED or ABANDONED). Not for STAFF.',
    subscribe: subscribe('link'),
  })
  sellerCentralLinkChanged(@Root() link: SellerCentralLinkView): SellerCentralLinkView {
    return link;
  }

  @Subscription(() => UnlinkRequestView, {
    description:
      'The merchant\'s unlink request changed (state), or, while it waits, one of the merchant\'s orders did (what it waits for, U3). ' +
      'Delivers the request as `unlinkRequest` would now. Not for STAFF.',
    subscribe: subscribe('unlinkRequest'),
  })
  unlinkRequestChanged(@Root() request: UnlinkRequestView): UnlinkRequestView {
    return request;
  }

  @Subscription(() => OrderView, {
    description: 'One of the merchant\'s orders was placed or changed (state, return window). Delivers the order as `orders` would now.',
    subscribe: subscribe('order'),
  })
  orderChanged(@Root() order: OrderView): OrderView {
    return order;
  }

  @Subscription(() => OfferPrimeChangeView, {
    description: 'Offer Prime changed on some of the merchant\'s products: one event per change set (bulk and turn-all-off included). Not for STAFF.',
    subscribe: subscribe('offerPrime'),
  })
  offerPrimeChanged(@Root() change: OfferPrimeChangeView): OfferPrimeChangeView {
    return change;
  }

  /**
   * One read for every subscriber of the merchant that handles the same event at the same moment (a change
   * fans out to all of them at once): the state is read once, while that read is under way.
   */
  private shared<T>(feed: Feed, merchantId: string, event: ChangeEvent, read: () => Promise<T>): Promise<T> {
    const key = `${feed}\n${merchantId}\n${keyOf(event)}`;
    const pending = this.reads.get(key);
    if (pending) return pending as Promise<T>;
    const reading = read().finally(() => this.reads.delete(key));
    this.reads.set(key, reading);
    return reading;
  }

  stream(feed: Feed, context: RequestContext): AsyncIterableIterator<unknown> {
    const { viewer, live } = context;
    const { merchantId } = viewer;
    const common = {
      merchantId,
      maxQueued: this.maxQueuedEvents,
      beforeRead: (eventKey: string) => live?.renewLoaders(eventKey),
      slowConsumer: () => live?.slowConsumer(),
    };
    switch (feed) {
      case 'link':
        authorize(viewer, Permission.READ_LINK);
        return changeStream(this.bus, {
          ...common,
          follows: (event) => event.type === 'LINK',
          read: (event) => this.shared(feed, merchantId, event, async () => {
            const link = event.type === 'LINK' ? await this.links.findForMerchant(event.linkId, merchantId) : null;
            return link ? SellerCentralLinkView.from(link) : null;
          }),
        });
      case 'unlinkRequest':
        authorize(viewer, Permission.READ_LINK);
        return changeStream(this.bus, {
          ...common,
          follows: (event) => event.type === 'UNLINK_REQUEST' || event.type === 'ORDER',
          read: (event) => this.shared(feed, merchantId, event, async () => {
            if (event.type === 'UNLINK_REQUEST') {
              const request = await this.unlinkRequests.findForMerchant(event.unlinkRequestId, merchantId);
              return request ? UnlinkRequestView.from(request) : null;
            }
            const latest = await this.unlinkRequests.latestFor(merchantId);
            return latest?.state === UnlinkRequestState.WAITING ? UnlinkRequestView.from(latest) : null;
          }),
        });
      case 'order':
        authorize(viewer, Permission.READ_ORDERS);
        return changeStream(this.bus, {
          ...common,
          follows: (event) => event.type === 'ORDER',
          read: (event) => this.shared(feed, merchantId, event, async () => {
            const order = event.type === 'ORDER' ? await this.orders.findForMerchant(event.orderId, merchantId) : null;
            return order ? OrderView.from(order) : null;
          }),
        });
      case 'offerPrime':
        authorize(viewer, Permission.READ_CATALOG);
        return changeStream(this.bus, {
          ...common,
          follows: (event: ChangeEvent) => event.type === 'OFFER_PRIME',
          read: (event) => this.shared(feed, merchantId, event, async () => {
            if (event.type !== 'OFFER_PRIME') return null;
            const products = await this.catalog.findManyForMerchant(event.productIds.slice(0, OFFER_PRIME_CHANGE_PRODUCTS), merchantId);
            if (products.length === 0) return null;
            return Object.assign(new OfferPrimeChangeView(), {
              products: [...products].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)).map(CatalogProductView.from),
              productCount: event.productIds.length,
            });
          }),
        });
    }
  }
}
