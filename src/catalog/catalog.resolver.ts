import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/role';
import { IdempotencyService, ReplayCodec } from '../idempotency/idempotency.service';
import { RequestContext } from '../server/context';
import { authorize } from '../auth/authorize';
import { decodeGlobalId, parseGlobalId } from '../shared/graphql/global-id';
import { mutationPayload } from '../shared/graphql/mutation-payload';
import { decodeCursor, PageArgs, pageOf, toConnection } from '../shared/graphql/pagination';
import { selectsField } from '../shared/graphql/selection';
import { UserErrorView } from '../shared/graphql/user-error.type';
import { ErrorCode, UserError } from '../shared/errors';
import {
  CatalogProductFilter,
  OfferPrimeOutcomeView,
  ResyncCatalogInput,
  ResyncCatalogPayload,
  SetOfferPrimeForProductsInput,
  SetOfferPrimeForProductsPayload,
  SetOfferPrimeInput,
  SetOfferPrimePayload,
  TurnOffOfferPrimeForAllProductsInput,
  TurnOffOfferPrimeForAllProductsPayload,
} from './catalog.inputs';
import { CatalogRepository } from './catalog.repository';
import { CatalogService } from './catalog.service';
import { CatalogProductConnection, CatalogProductView, CatalogSummaryView } from './catalog.types';
import { OfferPrimeOutcome, OfferPrimeService } from './offer-prime.service';
import { Buyability, buyability, IneligibilityReason, ineligibility, ineligibilityDetail } from './prime-eligibility';

/**
 * One outcome per change sent, in order: an ID that is not a product's is refused here; the others
 * take the service's outcomes by position (the service answers the valid changes in the order sent).
 */
function outcomeViews(
  changes: Array<{ sent: string; parsed: ReturnType<typeof parseGlobalId> }>,
  outcomes: OfferPrimeOutcome[],
): OfferPrimeOutcomeView[] {
  const answers = outcomes[Symbol.iterator]();
  return changes.map(({ sent, parsed }, index) => {
    const field = ['input', 'changes', String(index)];
    if (parsed?.type !== 'CatalogProduct') {
      const invalid = new UserError(ErrorCode.INVALID_ID, `"${sent.slice(0, 40)}" is not a valid CatalogProduct ID.`, { field: [...field, 'productId'] });
      return { productId: sent, product: null, userErrors: [UserErrorView.from(invalid)] };
    }
    const outcome = answers.next().value as OfferPrimeOutcome;
    return {
      productId: sent,
      product: outcome.product ? CatalogProductView.from(outcome.product) : null,
      userErrors: outcome.error ? [UserErrorView.from(outcome.error.at(field))] : [],
    };
  });
}

type BulkPayload = { outcomes: OfferPrimeOutcomeView[]; userErrors: UserErrorView[] };
type StoredOutcome = { productId: string; productDbId: string | null; userErrors: UserErrorView[] };

/**
 * What a replay of a bulk toggle needs: each item's outcome and which product it names, not the
 * products themselves (read again on replay, as they are now). An answer whose every item failed is
 * not kept: nothing was done, so a retry may as well try again.
 */
function bulkOutcomesReplay(catalog: CatalogRepository, merchantId: string): ReplayCodec<BulkPayload, { outcomes: StoredOutcome[] }> {
  return {
    worthKeeping: (payload) => payload.outcomes.some((outcome) => outcome.userErrors.length === 0),
    store: (payload) => ({
      outcomes: payload.outcomes.map((outcome) => ({ productId: outcome.productId, productDbId: outcome.product?.productId ?? null, userErrors: outcome.userErrors.map(withoutNulls) })),
    }),
    async replay(stored) {
      const ids = stored.outcomes.flatMap((outcome) => (outcome.productDbId ? [outcome.productDbId] : []));
      const products = new Map((await catalog.findManyForMerchant(ids, merchantId)).map((product) => [product.id, CatalogProductView.from(product)]));
      return {
        outcomes: stored.outcomes.map((outcome) => ({
          productId: outcome.productId,
          product: (outcome.productDbId && products.get(outcome.productDbId)) || null,
          userErrors: outcome.userErrors.map((error) => Object.assign({ field: null, remedy: null, details: null }, error)),
        })),
        userErrors: [],
      };
    },
  };
}

function withoutNulls(error: UserErrorView): UserErrorView {
  return Object.fromEntries(Object.entries(error).filter(([, value]) => value !== null)) as unknown as UserErrorView;
}

/** The catalog page: products, their eligibility, and the Offer Prime toggle (P1–P4). */
@Resolver(() => CatalogProductView)
export class CatalogResolver {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly offerPrime: OfferPrimeService,
    private readonly catalogService: CatalogService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Query(() => CatalogProductConnection, { description: 'The merchant\'s Buy with Prime catalog, in SKU order. Not for STAFF (no access to the Prime page).' })
  async catalogProducts(
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => CatalogProductFilter, { nullable: true, description: 'Which products to list; all when left out.' }) filter: CatalogProductFilter | null,
    @Ctx() { viewer, loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    authorize(viewer, Permission.READ_CATALOG);
    const criteria = filter ?? {};
    // Only a filter on eligibility needs the merchant's readiness before the page is read.
    const readiness = typeof criteria.eligible === 'boolean' ? await loaders.primeReadiness.load(viewer.merchantId) : null;
    const scope = { list: 'catalogProducts', sort: 'sku', merchantId: viewer.merchantId };
    // The page, its inventory, its total (only when asked for: from the merchant's catalog counts, or counted for
    // a search), and the merchant's readiness that the eligibility fields need, in one statement.
    const page = await this.catalog.page(viewer.merchantId, readiness, criteria, first, decodeCursor(scope, after), {
      totalCount: selectsField(info, 'totalCount'),
      readiness: readiness === null,
    });
    if (page.readiness) loaders.primeReadiness.prime(viewer.merchantId, page.readiness);
    const known = readiness ?? page.readiness;
    const views = page.rows.map((row) => {
      loaders.inventoryBySku.prime(row.sku, row.fulfillableQuantity);
      const view = CatalogProductView.from(row);
      // Known values are answered as they are: a field that returns a promise makes graphql-js resolve its whole object asynchronously.
      view.knownQuantity = row.fulfillableQuantity;
      // P2 decided once per product here, rather than by three field resolvers through two loaders each.
      if (known) view.knownReasons = ineligibility(known, { listed: row.listed, fulfillableQuantity: row.fulfillableQuantity });
      return view;
    });
    const products = pageOf(views, first, scope, (product) => product.sku);
    return { ...toConnection(products, scope, (product) => product.sku), totalCount: page.totalCount };
  }

  @Query(() => CatalogSummaryView, { description: 'The counts the catalog page header shows.' })
  async catalogSummary(@Ctx() { viewer, loaders }: RequestContext): Promise<CatalogSummaryView> {
    authorize(viewer, Permission.READ_CATALOG);
    return this.catalog.summary(viewer.merchantId, await loaders.primeReadiness.load(viewer.merchantId));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Units in Amazon fulfillment centers; null until identified (L6).' })
  fulfillableQuantity(@Root() product: CatalogProductView, @Ctx() { loaders }: RequestContext): number | null | Promise<number | null> {
    return product.knownQuantity !== undefined ? product.knownQuantity : loaders.inventoryBySku.load(product.sku);
  }

  @FieldResolver(() => [IneligibilityReason], { description: 'Why the product cannot offer Prime now; empty when it can (P2).' })
  ineligibilityReasons(@Root() product: CatalogProductView, @Ctx() ctx: RequestContext): IneligibilityReason[] | Promise<IneligibilityReason[]> {
    return product.knownReasons ?? this.reasons(product, ctx);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the product could offer Prime now (P2).' })
  eligibleForPrime(@Root() product: CatalogProductView, @Ctx() ctx: RequestContext): boolean | Promise<boolean> {
    const eligible = (reasons: IneligibilityReason[]) => reasons.length === 0;
    return product.knownReasons ? eligible(product.knownReasons) : this.reasons(product, ctx).then(eligible);
  }

  @FieldResolver(() => Buyability, { description: 'Whether shoppers can buy it with Prime now.' })
  buyability(@Root() product: CatalogProductView, @Ctx() ctx: RequestContext): Buyability | Promise<Buyability> {
    const decide = (reasons: IneligibilityReason[]) => buyability(product.offerPrime, reasons);
    return product.knownReasons ? decide(product.knownReasons) : this.reasons(product, ctx).then(decide);
  }

  @Mutation(() => SetOfferPrimePayload, {
    description: 'Turns Offer Prime on (checked in order: link, Amazon Pay, Prime shipping, product) or off (never refused). OWNER or ADMIN.',
  })
  setOfferPrime(@Arg('input', { description: 'The product and the new value.' }) input: SetOfferPrimeInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () => this.offerPrime.setOfferPrime(viewer, { productId: decodeGlobalId(input.productId, 'CatalogProduct', ['input', 'productId']), offerPrime: input.offerPrime }),
      (product) => ({ product: CatalogProductView.from(product) }),
    );
  }

  @Mutation(() => SetOfferPrimeForProductsPayload, {
    description: 'P4: sets Offer Prime for many products; each gets its own outcome, and a refused one stops no other. OWNER or ADMIN.',
  })
  setOfferPrimeForProducts(
    @Arg('input', { description: 'The changes, one per product.' }) input: SetOfferPrimeForProductsInput,
    @Ctx() { viewer }: RequestContext,
  ) {
    const changes = input.changes.map((change) => ({ sent: change.productId, parsed: parseGlobalId(change.productId), offerPrime: change.offerPrime }));
    const valid = changes.flatMap(({ parsed, offerPrime }) => (parsed?.type === 'CatalogProduct' ? [{ productId: parsed.id, offerPrime }] : []));
    const { idempotencyKey, ...request } = input;
    const keyed = { viewer, key: idempotencyKey, operation: 'setOfferPrimeForProducts', input: request, permission: Permission.MANAGE_CATALOG, action: 'turn Offer Prime on or off' };
    return this.idempotency.run(
      keyed,
      () =>
        mutationPayload(
          () => this.offerPrime.setOfferPrimeForProducts(viewer, valid),
          (outcomes) => ({ outcomes: outcomeViews(changes, outcomes) }),
        ),
      bulkOutcomesReplay(this.catalog, viewer.merchantId),
    );
  }

  @Mutation(() => TurnOffOfferPrimeForAllProductsPayload, {
    description: 'P4, U1: turns Offer Prime off for every product, in any link state; the first step of an unlink. OWNER or ADMIN.',
  })
  turnOffOfferPrimeForAllProducts(
    @Arg('input', { description: 'Nothing to choose; clientMutationId is optional.' }) input: TurnOffOfferPrimeForAllProductsInput,
    @Ctx() { viewer }: RequestContext,
  ) {
    return mutationPayload(
      () => this.offerPrime.turnOffForAllProducts(viewer),
      (turnedOffCount) => ({ turnedOffCount, clientMutationId: input.clientMutationId ?? null }),
    );
  }

  @Mutation(() => ResyncCatalogPayload, {
    description: 'Re-syncs inventory and listings from Seller Central: idempotent, keeps each toggle, unlists vanished listings. OWNER or ADMIN.',
  })
  resyncCatalog(@Arg('input', { description: 'Nothing to choose; clientMutationId is optional.' }) input: ResyncCatalogInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () => this.catalogService.resync(viewer),
      (summary) => ({ summary, clientMutationId: input.clientMutationId ?? null }),
    );
  }

  private async reasons(product: CatalogProductView, { viewer, loaders }: RequestContext): Promise<IneligibilityReason[]> {
    const [readiness, fulfillableQuantity] = await Promise.all([loaders.primeReadiness.load(viewer.merchantId), loaders.inventoryBySku.load(product.sku)]);
    return ineligibility(readiness, { listed: product.listed, fulfillableQuantity });
  }
}


/** P2: why a product was refused, as a typed field of `UserError`. */
@Resolver(() => UserErrorView)
export class ProductRefusalResolver {
  @FieldResolver(() => IneligibilityReason, {
    nullable: true,
    description: 'P2: why the product cannot offer Prime or be ordered, when that refused the step (PRODUCT_NOT_ELIGIBLE); null otherwise.',
  })
  ineligibilityReason(@Root() error: UserErrorView): IneligibilityReason | null {
    return ineligibilityDetail.readFrom(error);
  }
}
