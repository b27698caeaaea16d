import { FastifyInstance } from 'fastify';
import { Clock } from '../shared/clock';
import { OrderEventsService } from './order-events.service';
import { parseOrderEvent } from './order-event.parser';
import { registerSignedWebhook } from './signed-webhook';

export const ORDER_WEBHOOK_PATH = '/webhooks/buy-with-prime/orders';

export interface OrderWebhookOptions {
  events: OrderEventsService;
  clock: Clock;
  secret: string;
  toleranceSeconds: number;
}

/**
 * O4: Buy with Prime's order events over HTTP. 401 for a missing, wrong or stale signature; 400 for
 * a body that is not a well-formed event, or an event dated after now (beyond the tolerance) or before its
 * order was placed (EVENT_TIME_OUT_OF_RANGE, with the reason); 404 for an order this API does not know; none of these
 * stores anything. 200 otherwise, saying whether the event was applied or was a duplicate.
 */
export async function registerOrderWebhook(fastify: FastifyInstance, options: OrderWebhookOptions): Promise<void> {
  await registerSignedWebhook(fastify, { ...options, path: ORDER_WEBHOOK_PATH, sender: 'Order webhook' }, async (json, reply) => {
    const parsed = parseOrderEvent(json);
    if ('problems' in parsed) return reply.code(400).send({ error: 'INVALID_EVENT', problems: parsed.problems });
    const outcome = await options.events.ingest(parsed.event);
    if (outcome.status === 'UNKNOWN_ORDER') return reply.code(404).send({ error: 'UNKNOWN_ORDER' });
    if (outcome.status === 'EVENT_TIME_OUT_OF_RANGE') return reply.code(400).send({ error: outcome.status, reason: outcome.reason, message: outcome.message });
    return reply.code(200).send({
      status: outcome.status,
      orderState: outcome.order?.state ?? null,
      ...('why' in outcome && outcome.why ? { notAppliedBecause: outcome.why } : {}),
    });
  });
}
