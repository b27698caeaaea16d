import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateTimeISO } from '../shared/graphql/date-time';
import { Permission } from '../auth/role';
import { SellerCentralLinkView } from '../linking/link.types';
import { MerchantUserView } from '../merchants/merchant.types';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { orderPageSelection, OrderPages } from '../orders/order-pages';
import { OrderConnection } from '../orders/order.types';
import { RequestContext } from '../server/context';
import { authorize } from '../auth/authorize';
import { decodeGlobalId } from '../shared/graphql/global-id';
import { mutationPayload } from '../shared/graphql/mutation-payload';
import { PageArgs } from '../shared/graphql/pagination';
import { UserErrorView } from '../shared/graphql/user-error.type';
import { CatalogProductView } from '../catalog/catalog.types';
import { UnlinkRequestState } from './unlink-request-state';
import { UnlinkRequestRepository } from './unlink-request.repository';
import { UnlinkService } from './unlink.service';
import { blockingProductsDetail } from './unlink.rules';
import { RequestUnlinkInput, UnlinkRequestPayload, WithdrawUnlinkRequestInput } from './unlink.inputs';
import { BlockingProductsView, UnlinkRequestView, UnlinkWaitView } from './unlink.types';

/** The console's Get Support tab: requesting an unlink and seeing what it waits for (U1–U6). */
@Resolver(() => UnlinkRequestView)
export class UnlinkResolver {
  constructor(
    private readonly unlinking: UnlinkService,
    private readonly requests: UnlinkRequestRepository,
    private readonly orders: OrderPages,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Query(() => UnlinkRequestView, { nullable: true, description: 'The merchant\'s latest unlink request, or null when it never asked.' })
  async unlinkRequest(@Ctx() { viewer }: RequestContext): Promise<UnlinkRequestView | null> {
    authorize(viewer, Permission.READ_LINK);
    const request = await this.requests.latestFor(viewer.merchantId);
    return request ? UnlinkRequestView.from(request) : null;
  }

  @Mutation(() => UnlinkRequestPayload, {
    description: 'U1, U2: asks merchant support to unlink, with a reason. Refused while any product offers Prime (naming them). OWNER or ADMIN.',
  })
  requestUnlink(@Arg('input', { description: 'Why.' }) input: RequestUnlinkInput, @Ctx() { viewer }: RequestContext) {
    const { idempotencyKey, ...request } = input;
    const keyed = { viewer, key: idempotencyKey, operation: 'requestUnlink', input: request, permission: Permission.MANAGE_LINK, action: 'request an unlink' };
    return this.idempotency.run(keyed, () =>
      mutationPayload(
        () => this.unlinking.requestUnlink(viewer, { reason: input.reason }),
        ({ request: unlinkRequest, link }) => ({ unlinkRequest: UnlinkRequestView.from(unlinkRequest), link: SellerCentralLinkView.from(link) }),
      ),
    );
  }

  @Mutation(() => UnlinkRequestPayload, { description: 'U4: withdraws a request that still waits; the link is active again. OWNER or ADMIN.' })
  withdrawUnlinkRequest(@Arg('input', { description: 'The request.' }) input: WithdrawUnlinkRequestInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () => this.unlinking.withdraw(viewer, { requestId: decodeGlobalId(input.unlinkRequestId, 'UnlinkRequest', ['input', 'unlinkRequestId']) }),
      ({ request, link }) => ({ unlinkRequest: UnlinkRequestView.from(request), link: SellerCentralLinkView.from(link) }),
    );
  }

  @FieldResolver(() => UnlinkWaitView, { nullable: true, description: 'U3: what the request waits for; null once it no longer waits.' })
  async waitingFor(@Root() request: UnlinkRequestView): Promise<UnlinkWaitView | null> {
    if (request.state !== UnlinkRequestState.WAITING) return null;
    return this.unlinking.waitFor(request.entity.merchantId);
  }

  @FieldResolver(() => OrderConnection, { description: 'U3: the orders the request waits on, newest first; empty once it no longer waits.' })
  async waitingOrders(@Root() request: UnlinkRequestView, @Args() { first, after }: PageArgs, @Info() info: GraphQLResolveInfo) {
    if (request.state !== UnlinkRequestState.WAITING) return { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    return this.orders.page('unlinkRequest.waitingOrders', request.entity.merchantId, { insideReturnWindow: true }, first, after, orderPageSelection(info));
  }

  @FieldResolver(() => DateTimeISO, { nullable: true, description: 'When unlinking is expected to complete, once it has begun.' })
  expectedCompletionAt(@Root() request: UnlinkRequestView): Date | null {
    return request.state === UnlinkRequestState.UNLINKING ? this.unlinking.expectedCompletion(request.entity) : null;
  }

  @FieldResolver(() => MerchantUserView, { nullable: true, description: 'Who asked.' })
  async requestedBy(@Root() request: UnlinkRequestView, @Ctx() { loaders }: RequestContext) {
    const user = await loaders.users.load(request.entity.requestedByUserId);
    return user ? MerchantUserView.from(user) : null;
  }

  @FieldResolver(() => MerchantUserView, { nullable: true, description: 'Who withdrew it, if someone did.' })
  async withdrawnBy(@Root() request: UnlinkRequestView, @Ctx() { loaders }: RequestContext) {
    const user = request.entity.withdrawnByUserId ? await loaders.users.load(request.entity.withdrawnByUserId) : null;
    return user ? MerchantUserView.from(user) : null;
  }
}

@Resolver(() => SellerCentralLinkView)
export class LinkUnlinkRequestResolver {
  @FieldResolver(() => UnlinkRequestView, { nullable: true, description: 'The link\'s latest unlink request, if any.' })
  async unlinkRequest(@Root() link: SellerCentralLinkView, @Ctx() { loaders }: RequestContext): Promise<UnlinkRequestView | null> {
    const request = await loaders.latestUnlinkRequest.load(link.linkId);
    return request ? UnlinkRequestView.from(request) : null;
  }
}

/** U1: the products that block an unlink, as a typed field of `UserError`. */
@Resolver(() => UserErrorView)
export class UnlinkRefusalResolver {
  @FieldResolver(() => BlockingProductsView, {
    nullable: true,
    description: 'U1: the products that still offer Prime, when they are why an unlink request was refused (UNLINK_BLOCKED_BY_OFFER_PRIME); null otherwise.',
  })
  blockingProducts(@Root() error: UserErrorView): BlockingProductsView | null {
    const blocking = blockingProductsDetail.readFrom(error);
    return blocking ? Object.assign(new BlockingProductsView(), blocking) : null;
  }
}

@Resolver(() => BlockingProductsView)
export class BlockingProductsResolver {
  @FieldResolver(() => [CatalogProductView], { description: 'The first ten of them, in SKU order, to turn Offer Prime off for.' })
  async products(@Root() blocking: BlockingProductsView, @Ctx() { loaders }: RequestContext): Promise<CatalogProductView[]> {
    const products = await Promise.all(blocking.first.map((product) => loaders.products.load(product.id)));
    return products.flatMap((product) => (product ? [CatalogProductView.from(product)] : []));
  }
}
