import { demoMerchants } from '../../src/demo/demo-data';
import { ORDER_WEBHOOK_PATH } from '../../src/orders/order-webhook.route';
import { signWebhook } from '../../src/orders/webhook-signature';
import { TestServer } from './test-server';

let sequence = 0;

/** A public-BwP-shaped event for the order `externalId`, with fresh IDs unless given. */
export function orderEvent(externalId: string, eventType: string, eventTime: Date, ids: { eventId?: string; idempotencyKey?: string } = {}) {
  sequence += 1;
  return {
    eventId: ids.eventId ?? `evt-${sequence}`,
    idempotencyKey: ids.idempotencyKey ?? `key-${sequence}`,
    eventType,
    eventTime: eventTime.toISOString(),
    data: { orderId: externalId },
  };
}

/** POSTs `text` to a server's order webhook, signed with `secret` over `timestamp` unless a signature is given. */
export async function sendSignedWebhook(url: string, secret: string, timestamp: number, text: string, signature = signWebhook(secret, timestamp, text)) {
  const response = await fetch(`${url}${ORDER_WEBHOOK_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bwp-timestamp': String(timestamp), 'x-bwp-signature': signature },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The demo merchants' webhook secrets (seeded with the demo data). */
export const ACME_WEBHOOK_SECRET = demoMerchants[0].webhookSecret;
export const BLUEBIRD_WEBHOOK_SECRET = demoMerchants[1].webhookSecret;

/** POSTs a body to the order webhook as Buy with Prime does: signed with the merchant's secret (Acme's by default), timestamped now. */
export async function postWebhook(
  server: TestServer,
  body: unknown,
  options: { secret?: string; timestamp?: number; signature?: string; rawBody?: string } = {},
) {
  const text = options.rawBody ?? JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(server.clock.now().getTime() / 1000);
  return sendSignedWebhook(server.url, options.secret ?? ACME_WEBHOOK_SECRET, timestamp, text, options.signature);
}
