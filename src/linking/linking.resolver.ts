import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/role';
import { MerchantUserView, MerchantView } from '../merchants/merchant.types';
import { authorize } from '../auth/authorize';
import { decodeGlobalId } from '../shared/graphql/global-id';
import { mutationPayload } from '../shared/graphql/mutation-payload';
import { decodeCursor, PageArgs, pageOf, toConnection } from '../shared/graphql/pagination';
import { RequestContext } from '../server/context';
import {
  CompleteSellerCentralLinkInput,
  CompleteSellerCentralLinkPayload,
  ReverifySellerCentralLinkInput,
  ReverifySellerCentralLinkPayload,
  StartSellerCentralLinkInput,
  StartSellerCentralLinkPayload,
} from './link.inputs';
import { LinkRepository } from './link.repository';
import {
  LinkConsentView,
  LinkEventConnection,
  LinkEventView,
  SellerCentralLinkConnection,
  SellerCentralLinkView,
} from './link.types';
import { LinkingService } from './linking.service';
import { IdempotencyService } from '../idempotency/idempotency.service';

/** The Seller Central link: the queries and mutations of the console's Settings page. */
@Resolver(() => SellerCentralLinkView)
export class LinkingResolver {
  constructor(
    private readonly linking: LinkingService,
    private readonly links: LinkRepository,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Query(() => SellerCentralLinkView, {
    nullable: true,
    description: 'The merchant\'s current Seller Central link (any state but UNLINKED and ABANDONED), or null when there is none.',
  })
  async sellerCentralLink(@Ctx() { viewer }: RequestContext): Promise<SellerCentralLinkView | null> {
    authorize(viewer, Permission.READ_LINK);
    const link = await this.links.findCurrent(viewer.merchantId);
    return link ? SellerCentralLinkView.from(link) : null;
  }

  @Mutation(() => StartSellerCentralLinkPayload, {
    description:
      'Starts linking a Seller Central account: records the merchant\'s agreement (L2) and returns the `authorizationState` ' +
      'to send to Seller Central\'s consent page. A start that was never completed is replaced. OWNER or ADMIN.',
  })
  startSellerCentralLink(@Arg('input', { description: 'What to start.' }) input: StartSellerCentralLinkInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () => this.linking.startLink(viewer, input),
      ({ link, authorizationState, authorizationUrl }) => ({ link: SellerCentralLinkView.from(link), authorizationState, authorizationUrl }),
    );
  }

  @Mutation(() => CompleteSellerCentralLinkPayload, {
    description:
      'Completes a started link with the authorization code from Seller Central. Checks, in order: the start still waits, ' +
      'the code, the Professional plan (L3), active standing (L4), the store (L5). OWNER or ADMIN.',
  })
  completeSellerCentralLink(@Arg('input', { description: 'What to complete.' }) input: CompleteSellerCentralLinkInput, @Ctx() { viewer }: RequestContext) {
    const { idempotencyKey, ...request } = input;
    const keyed = { viewer, key: idempotencyKey, operation: 'completeSellerCentralLink', input: request, permission: Permission.MANAGE_LINK, action: 'link or unlink Seller Central accounts' };
    return this.idempotency.run(keyed, () =>
      mutationPayload(
        () =>
          this.linking.completeLink(viewer, {
            linkId: decodeGlobalId(input.linkId, 'SellerCentralLink', ['input', 'linkId']),
            authorizationCode: input.authorizationCode,
            state: input.state,
            sellingPartnerId: input.sellingPartnerId,
          }),
        (link) => ({ link: SellerCentralLinkView.from(link) }),
      ),
    );
  }

  @Mutation(() => ReverifySellerCentralLinkPayload, {
    description: 'Checks the linked Seller Central account again (L8) and brings a link that needs attention back once it qualifies. OWNER or ADMIN.',
  })
  reverifySellerCentralLink(@Arg('input', { description: 'What to re-verify.' }) input: ReverifySellerCentralLinkInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () => this.linking.reverifyLink(viewer, { linkId: decodeGlobalId(input.linkId, 'SellerCentralLink', ['input', 'linkId']) }),
      (link) => ({ link: SellerCentralLinkView.from(link) }),
    );
  }

  @FieldResolver(() => LinkEventConnection, { description: 'Everything that happened to this link (U7), oldest first.' })
  async timeline(@Root() link: SellerCentralLinkView, @Args() { first, after }: PageArgs, @Ctx() { loaders, viewer }: RequestContext) {
    const scope = { list: `SellerCentralLink.timeline:${link.linkId}`, sort: 'oldest', merchantId: viewer.merchantId };
    const afterId = decodeCursor(scope, after);
    const events = await loaders.timelinePages.load({ linkId: link.linkId, take: first + 1, afterId });
    const page = pageOf(events.map(LinkEventView.from), first, scope, (event) => event.eventId);
    return toConnection(page, scope, (event) => event.eventId);
  }
}

/** The links of a merchant, current and past. */
@Resolver(() => MerchantView)
export class MerchantLinksResolver {
  constructor(private readonly links: LinkRepository) {}

  @FieldResolver(() => SellerCentralLinkView, { nullable: true, description: 'The current Seller Central link, or null.' })
  async sellerCentralLink(@Root() merchant: MerchantView, @Ctx() { viewer }: RequestContext) {
    authorize(viewer, Permission.READ_LINK);
    const link = await this.links.findCurrent(merchant.merchantId);
    return link ? SellerCentralLinkView.from(link) : null;
  }

  @FieldResolver(() => SellerCentralLinkConnection, {
    description: 'Every Seller Central link of the merchant, current and past (U6), newest first.',
  })
  async sellerCentralLinks(@Root() merchant: MerchantView, @Args() { first, after }: PageArgs, @Ctx() { viewer }: RequestContext) {
    authorize(viewer, Permission.READ_LINK);
    const scope = { list: 'sellerCentralLinks', sort: 'newest', merchantId: merchant.merchantId };
    const rows = await this.links.pageForMerchant(merchant.merchantId, first, decodeCursor(scope, after));
    const page = pageOf(rows.map(SellerCentralLinkView.from), first, scope, (link) => link.linkId);
    return toConnection(page, scope, (link) => link.linkId);
  }
}

@Resolver(() => LinkConsentView)
export class LinkConsentResolver {
  @FieldResolver(() => MerchantUserView, { nullable: true, description: 'Who agreed; null if that user has since been removed.' })
  async agreedBy(@Root() consent: LinkConsentView, @Ctx() { loaders }: RequestContext) {
    const user = await loaders.users.load(consent.agreedByUserId);
    return user ? MerchantUserView.from(user) : null;
  }
}

@Resolver(() => LinkEventView)
export class LinkEventResolver {
  @FieldResolver(() => MerchantUserView, { nullable: true, description: 'The merchant user who made the change, when `actorKind` is USER.' })
  async actor(@Root() event: LinkEventView, @Ctx() { loaders }: RequestContext) {
    if (!event.actorUserId) return null;
    const user = await loaders.users.load(event.actorUserId);
    return user ? MerchantUserView.from(user) : null;
  }
}
