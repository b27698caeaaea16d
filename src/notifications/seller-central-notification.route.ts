import { FastifyInstance } from 'fastify';
import { registerSignedWebhook } from '../orders/signed-webhook';
import { Clock } from '../shared/clock';
import { ACCOUNT_STATUS_CHANGED } from '../seller-central/sp-api/account-status-changed';
import { AccountStatus, parseSellerCentralNotification } from './account-status-notification.parser';

export const SELLER_CENTRAL_NOTIFICATION_PATH = '/webhooks/seller-central/notifications';

/** Takes an account's new status; false when a newer status was already known (nothing changed). */
export interface AccountStatusSink {
  accountStatusReported(sellerId: string, status: AccountStatus, eventTime: Date): Promise<boolean>;
}

/** Which seller a Notifications API subscription was created for; null for one this API did not record. */
export interface SubscriptionRegistry {
  sellerForSubscription(subscriptionId: string, notificationType: string): Promise<string | null>;
}

export interface SellerCentralNotificationOptions {
  sink: AccountStatusSink;
  subscriptions: SubscriptionRegistry;
  clock: Clock;
  secret: string;
  toleranceSeconds: number;
}

/**
 * L8 from Seller Central: SP-API delivers notifications to an SQS queue or EventBridge, and a relay
 * POSTs each one here, signed as the order webhook is (`x-bwp-timestamp`, `x-bwp-signature: v1=<hex
 * HMAC-SHA256 of "<timestamp>.<body>">`, with SP_API_NOTIFICATION_SECRET). The seller is the one the
 * notification's subscription (`notificationMetadata.subscriptionId`) was created for: the documented
 * payload names no seller. 401 for a missing, wrong or stale signature; 400 for a malformed notification;
 * 200 otherwise: APPLIED, OUT_OF_ORDER (older than what is known, nothing changed), UNKNOWN_SUBSCRIPTION
 * (a subscription this API did not record: nothing changed, logged, and not worth a retry) or IGNORED
 * (another notification type).
 */
export async function registerSellerCentralNotifications(fastify: FastifyInstance, options: SellerCentralNotificationOptions): Promise<void> {
  const webhook = {
    ...options,
    path: SELLER_CENTRAL_NOTIFICATION_PATH,
    sender: 'Seller Central notification',
    // The notification is read after its signature: a malformed one is a 400 only to a signed sender.
    parse: (json: unknown) => ({ value: json }),
    secretsFor: async () => [options.secret],
  };
  await registerSignedWebhook(fastify, webhook, async (json, reply) => {
    const parsed = parseSellerCentralNotification(json);
    if ('problems' in parsed) return reply.code(400).send({ error: 'INVALID_NOTIFICATION', problems: parsed.problems });
    if ('ignored' in parsed) return reply.code(200).send({ status: 'IGNORED', notificationType: parsed.ignored });
    const { subscriptionId, notificationId, currentAccountStatus, eventTime } = parsed.notification;
    const sellerId = await options.subscriptions.sellerForSubscription(subscriptionId, ACCOUNT_STATUS_CHANGED);
    if (!sellerId) {
      reply.log.warn(
        { subscriptionId, notificationId, notificationType: ACCOUNT_STATUS_CHANGED },
        'Seller Central notification for a subscription this API has not recorded; nothing changed (the periodic account check still reads every linked account)',
      );
      return reply.code(200).send({ status: 'UNKNOWN_SUBSCRIPTION' });
    }
    const applied = await options.sink.accountStatusReported(sellerId, currentAccountStatus, eventTime);
    return reply.code(200).send({ status: applied ? 'APPLIED' : 'OUT_OF_ORDER' });
  });
}
