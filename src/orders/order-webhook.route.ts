import { FastifyInstance } from 'fastify';
import { Clock } from '../shared/clock';
import { OrderEventsService } from './order-events.service';
import { parseOrderEvent } from './order-event.parser';
import { checkWebhookSignature } from './webhook-signature';

export const ORDER_WEBHOOK_PATH = '/webhooks/buy-with-prime/orders';

export interface OrderWebhookOptions {
  events: OrderEventsService;
  clock: Clock;
  secret: string;
  toleranceSeconds: number;
}

/**
 * O4: Buy with Prime's order events over HTTP. 401 for a missing, wrong or stale signature; 400 for
 * a body that is not a well-formed event; 404 for an order this API does not know; none of these
 * stores anything. 200 otherwise, saying whether the event was applied or was a duplicate.
 */
export async function registerOrderWebhook(fastify: FastifyInstance, options: OrderWebhookOptions): Promise<void> {
  await fastify.register(async (scope) => {
    // The signature covers the exact bytes sent, so the body is read as text and parsed here.
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'Order webhook failed; the sender will retry');
      return reply.code(status).send({ error: status === 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST' });
    });

    scope.post(ORDER_WEBHOOK_PATH, async (request, reply) => {
      const body = request.body as string;
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const signature = checkWebhookSignature({
        secret: options.secret,
        timestampHeader: header('x-bwp-timestamp'),
        signatureHeader: header('x-bwp-signature'),
        body,
        now: options.clock.now(),
        toleranceSeconds: options.toleranceSeconds,
      });
      if (signature !== 'VALID') return reply.code(401).send({ error: `SIGNATURE_${signature}` });

      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return reply.code(400).send({ error: 'MALFORMED_JSON' });
      }
      const parsed = parseOrderEvent(json);
      if ('problems' in parsed) return reply.code(400).send({ error: 'INVALID_EVENT', problems: parsed.problems });

      const outcome = await options.events.ingest(parsed.event);
      if (outcome.status === 'UNKNOWN_ORDER') return reply.code(404).send({ error: 'UNKNOWN_ORDER' });
      return reply.code(200).send({
        status: outcome.status,
        orderState: outcome.order?.state ?? null,
        ...('why' in outcome && outcome.why ? { notAppliedBecause: outcome.why } : {}),
      });
    });
  });
}
