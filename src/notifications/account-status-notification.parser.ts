import { ACCOUNT_STATUS_CHANGED, ACCOUNT_STATUS_PAYLOAD_VERSION, AccountStatus, accountStatuses } from '../seller-central/sp-api/account-status-changed';

export type { AccountStatus };

/**
 * An ACCOUNT_STATUS_CHANGED notification as Amazon documents it. The payload does not name the seller:
 * the subscription does (each seller's subscription is created with that seller's authorization).
 */
export interface AccountStatusNotification {
  subscriptionId: string;
  previousAccountStatus: AccountStatus;
  currentAccountStatus: AccountStatus;
  eventTime: Date;
  notificationId: string | null;
}

export type ParsedNotification = { notification: AccountStatusNotification } | { ignored: string } | { problems: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SUBSCRIPTION_ID_MAX_LENGTH = 128;

/**
 * The SP-API notification envelope ("Notification Type Values", ACCOUNT_STATUS_CHANGED, payload version
 * 2021-01-01): `notificationType`, `payloadVersion`, `eventTime`, `payload.accountStatusChangeNotification
 * { previousAccountStatus, currentAccountStatus }` (both required), and `notificationMetadata
 * { subscriptionId, notificationId, ... }`, whose subscriptionId is what names the seller. Other
 * notification types are ignored (a relay may forward everything the app subscribed to); a malformed
 * one is listed problem by problem.
 */
export function parseSellerCentralNotification(json: unknown): ParsedNotification {
  if (!isRecord(json)) return { problems: ['the body must be a JSON object'] };
  if (typeof json.notificationType !== 'string') return { problems: ['notificationType must be a string'] };
  if (json.notificationType !== ACCOUNT_STATUS_CHANGED) return { ignored: json.notificationType };
  const problems: string[] = [];
  if (json.payloadVersion !== ACCOUNT_STATUS_PAYLOAD_VERSION) problems.push(`payloadVersion must be ${ACCOUNT_STATUS_PAYLOAD_VERSION}`);
  const eventTime = typeof json.eventTime === 'string' ? new Date(json.eventTime) : null;
  if (!eventTime || Number.isNaN(eventTime.getTime())) problems.push('eventTime must be an ISO 8601 date-time');
  const metadata = isRecord(json.notificationMetadata) ? json.notificationMetadata : null;
  const subscriptionId = metadata && typeof metadata.subscriptionId === 'string' && metadata.subscriptionId.length <= SUBSCRIPTION_ID_MAX_LENGTH ? metadata.subscriptionId : '';
  if (!subscriptionId) problems.push(`notificationMetadata.subscriptionId must be a string of 1 to ${SUBSCRIPTION_ID_MAX_LENGTH} characters (it names the seller)`);
  const change = isRecord(json.payload) && isRecord(json.payload.accountStatusChangeNotification) ? json.payload.accountStatusChangeNotification : null;
  if (!change) return { problems: [...problems, 'payload.accountStatusChangeNotification must be an object'] };
  const status = (value: unknown) => ((accountStatuses as readonly unknown[]).includes(value) ? (value as AccountStatus) : null);
  const previous = status(change.previousAccountStatus);
  if (!previous) problems.push(`payload.accountStatusChangeNotification.previousAccountStatus must be one of ${accountStatuses.join(', ')}`);
  const current = status(change.currentAccountStatus);
  if (!current) problems.push(`payload.accountStatusChangeNotification.currentAccountStatus must be one of ${accountStatuses.join(', ')}`);
  if (problems.length > 0 || !previous || !current || !eventTime) return { problems };
  return {
    notification: {
      subscriptionId,
      previousAccountStatus: previous,
      currentAccountStatus: current,
      eventTime,
      notificationId: metadata && typeof metadata.notificationId === 'string' ? metadata.notificationId : null,
    },
  };
}
