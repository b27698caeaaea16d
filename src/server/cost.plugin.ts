import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { RequestContext } from './context';
import { CostBudgets } from './cost-budget';
import { MerchantTurns } from './merchant-turns';
import { ThrottledCallers } from './throttled-callers';
import { MAX_PAGE_SIZE } from '../shared/graphql/pagination';
import { OperationPrice, priceOperation } from './query-cost';
import { limitCodes, requestLimits } from './request-limits';

/**
 * Prices every operation before it runs (refusing those over the cost limit), waits for the merchant's
 * turn on this instance (see merchant-turns.ts; TOO_MANY_CONCURRENT_REQUESTS past its queue), takes the price from
 * the token's budget and the merchant's (refusing with THROTTLED and the time to retry when either is
 * short), and reports the price and both budgets in `extensions.cost`, as Shopify's API does
 * (`throttleStatus` is the token's, `merchantThrottleStatus` the merchant's).
 */
export function costPlugin(
  budgets: CostBudgets,
  turns: MerchantTurns,
  turnLimits: { slots: number; queue: number },
  throttled: ThrottledCallers,
): ApolloServerPlugin<RequestContext> {
  const prices = new PriceCache();
  return {
    async requestDidStart() {
      let cost: number | undefined;
      let release: (() => void) | null = null;
      return {
        async didResolveOperation({ schema, document, request, contextValue, operationName }) {
          let price;
          try {
            price = prices.price(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            // Variables that do not fit their types: GraphQL refuses the request as BAD_USER_INPUT next.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          const [outOfRange] = price.pageSizesOutOfRange;
          if (outOfRange) {
            throw new GraphQLError(`\`first\` on ${outOfRange.field} is ${outOfRange.first}: a page holds from 1 to ${MAX_PAGE_SIZE} items.`, {
              extensions: {
                code: 'BAD_USER_INPUT',
                field: [outOfRange.field, 'first'],
                limit: MAX_PAGE_SIZE,
                remedy: `Ask for at most ${MAX_PAGE_SIZE} items (first: ${MAX_PAGE_SIZE}) and follow pageInfo.endCursor for the next page.`,
                http: { status: 400, headers: new HeaderMap() },
              },
            });
          }
          cost = price.cost;
          contextValue.summary.cost = cost;
          if (cost > requestLimits.maxCost) {
            throw new GraphQLError(`The query costs ${cost} points, over the limit of ${requestLimits.maxCost}: ask for smaller pages (first) or fewer fields.`, {
              extensions: { code: limitCodes.maxCost, cost, limit: requestLimits.maxCost, http: { status: 400, headers: new HeaderMap() } },
            });
          }
          // The merchant's turn first: a flood waits in its own merchant's queue, costing nobody else anything.
          release = await turns.enter(contextValue.viewer.merchantId);
          if (!release) {
            throw new GraphQLError(
              `Too many of your merchant's requests are running or waiting on this server (${turnLimits.slots} at a time, ${turnLimits.queue} waiting): wait for some to finish, then retry.`,
              { extensions: { code: 'TOO_MANY_CONCURRENT_REQUESTS', limit: turnLimits.slots + turnLimits.queue, http: { status: 429, headers: new HeaderMap([['retry-after', '1']]) } } },
            );
          }
          const taken = budgets.take(budgetKeys(contextValue), cost);
          if (!taken.allowed) {
            const available = Math.min(taken.token.currentlyAvailable, taken.merchant.currentlyAvailable);
            const whose = taken.shortOf.map((name) => (name === 'token' ? "the token's" : "the merchant's")).join(' and ');
            throttled.hold(request.http?.headers.get('authorization'), taken.retryAfterMs);
            throw new GraphQLError(`Throttled: the query costs ${cost} points and ${available} are available in ${whose} budget. Retry in ${taken.retryAfterMs} ms.`, {
              extensions: {
                code: 'THROTTLED',
                cost,
                retryAfterMs: taken.retryAfterMs,
                throttledBy: taken.shortOf,
                throttleStatus: taken.token,
                merchantThrottleStatus: taken.merchant,
                http: { status: 429, headers: new HeaderMap([['retry-after', String(Math.ceil(taken.retryAfterMs / 1000))]]) },
              },
            });
          }
        },
        async willSendResponse({ response, contextValue }) {
          release?.();
          if (response.body.kind !== 'single' || cost === undefined || !contextValue?.viewer) return;
          const status = budgets.status(budgetKeys(contextValue));
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { requestedQueryCost: cost, throttleStatus: status.token, merchantThrottleStatus: status.merchant },
          };
        },
      };
    },
  };
}

/** Prices kept per variant of a document, at most this many per document (a client that varies `first` freely). */
const PRICED_VARIANTS_PER_DOCUMENT = 64;

/**
 * A price depends only on the document, its variables and the operation: it is computed once per variant.
 * Apollo hands back the same parsed document for the same query text (its document store), so the cache
 * is keyed by that object and goes with it when Apollo evicts it.
 */
class PriceCache {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, OperationPrice>>();

  price(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined): OperationPrice {
    let variants = this.byDocument.get(document);
    if (!variants) this.byDocument.set(document, (variants = new Map()));
    const key = `${operationName ?? ''}\n${JSON.stringify(variables)}`;
    const known = variants.get(key);
    if (known) return known;
    const price = priceOperation(schema, document, variables, operationName);
    if (variants.size >= PRICED_VARIANTS_PER_DOCUMENT) variants.delete(variants.keys().next().value as string);
    variants.set(key, price);
    return price;
  }
}

function budgetKeys({ viewer }: RequestContext) {
  return { token: viewer.userId, merchant: viewer.merchantId };
}
