import { FastifyInstance } from 'fastify';
import { UserError } from '../shared/errors';
import { toGlobalId } from '../shared/graphql/global-id';
import { LinkingService } from './linking.service';

/** The redirect URI registered for the app (SP_API_REDIRECT_URI points here). */
export const SELLER_CENTRAL_CALLBACK_PATH = '/seller-central/callback';

export interface SellerCentralCallbackOptions {
  linking: LinkingService;
  /** Where the browser goes afterwards, with the outcome in the query. */
  consoleUrl: string;
}

/**
 * The website authorization workflow's redirect: Seller Central sends the seller's browser here with
 * `state`, `selling_partner_id` and `spapi_oauth_code`. The link is completed (or refused, changing
 * nothing) and the browser is sent on to the console with `sellerCentralLink=LINKED&linkId=…` or
 * `sellerCentralLink=REFUSED&code=<UserErrorCode>`. The request log line carries the path only, never
 * the query (which holds the code).
 */
export async function registerSellerCentralCallback(fastify: FastifyInstance, options: SellerCentralCallbackOptions): Promise<void> {
  fastify.get(SELLER_CENTRAL_CALLBACK_PATH, async (request, reply) => {
    const query = request.query as Record<string, string | string[] | undefined>;
    const one = (name: string) => {
      const value = query[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const target = new URL(options.consoleUrl);
    try {
      const link = await options.linking.completeFromCallback({
        state: one('state'),
        sellingPartnerId: one('selling_partner_id'),
        authorizationCode: one('spapi_oauth_code'),
      });
      target.searchParams.set('sellerCentralLink', 'LINKED');
      target.searchParams.set('linkId', toGlobalId('SellerCentralLink', link.id));
    } catch (error) {
      target.searchParams.set('sellerCentralLink', 'REFUSED');
      if (error instanceof UserError) {
        target.searchParams.set('code', error.code);
      } else {
        request.log.error({ err: error, requestId: request.id }, 'Seller Central callback failed');
        target.searchParams.set('code', 'INTERNAL_SERVER_ERROR');
        target.searchParams.set('requestId', request.id);
      }
    }
    // The code in this URL's query must not leak onwards through the Referer header or a cache.
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(target.toString(), 303);
  });
}
