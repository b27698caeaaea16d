import { FastifyInstance } from 'fastify';
import { Clock } from '../shared/clock';
import { OrderEventsService } from './order-events.service';
import { IncomingOrderEvent, parseOrderEvent } from './order-event.parser';
import { OrderRepository } from './order.repository';
import { registerSignedWebhook } from './signed-webhook';
import { WebhookSecrets } from './webhook-secrets';

export const ORDER_WEBHOOK_PATH = '/webhooks/buy-with-prime/orders';

export interface OrderWebhookOptions {
  events: OrderEventsService;
  orders: OrderRepository;
  secrets: WebhookSecrets;
  clock: Clock;
  toleranceSeconds: number;
}

/**
 * O4: Buy with Prime's order events over HTTP, each signed with a secret of the merchant whose order it
 * names. 400 for a body that is not a well-formed event (it names no order, so no signer), or for an event
 * dated after now (beyond the tolerance) or before its order was placed (EVENT_TIME_OUT_OF_RANGE, with the
 * reason); 401 for a missing, wrong or stale signature, one made with another merchant's secret, or an
 * order this API does not know (there is no secret to check it with, and an unsigned caller learns nothing
 * of which orders exist); none of these stores anything. 200 otherwise, saying whether the event was
 * applied or was a duplicate.
 */
export async function registerOrderWebhook(fastify: FastifyInstance, options: OrderWebhookOptions): Promise<void> {
  const webhook = {
    ...options,
    path: ORDER_WEBHOOK_PATH,
    sender: 'Order webhook',
    parse: (json: unknown): { value: IncomingOrderEvent } | { malformed: Record<string, unknown> } => {
      const parsed = parseOrderEvent(json);
      return 'problems' in parsed ? { malformed: { error: 'INVALID_EVENT', problems: parsed.problems } } : { value: parsed.event };
    },
    secretsFor: async (event: IncomingOrderEvent) => {
      const merchantId = await options.orders.merchantOfExternalOrder(event.orderId);
      return merchantId ? (await options.secrets.activeFor(merchantId, options.clock.now())).map((stored) => stored.secret) : [];
    },
  };
  await registerSignedWebhook(fastify, webhook, async (event, reply) => {
    const outcome = await options.events.ingest(event);
    if (outcome.status === 'UNKNOWN_ORDER') return reply.code(404).send({ error: 'UNKNOWN_ORDER' });
    if (outcome.status === 'EVENT_TIME_OUT_OF_RANGE') return reply.code(400).send({ error: outcome.status, reason: outcome.reason, message: outcome.message });
    return reply.code(200).send({
      status: outcome.status,
      orderState: outcome.order?.state ?? null,
      ...('why' in outcome && outcome.why ? { notAppliedBecause: outcome.why } : {}),
    });
  });
}
