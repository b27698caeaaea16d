/** ACCOUNT_STATUS_CHANGED's account statuses. */
export const accountStatuses = ['NORMAL', 'AT_RISK', 'DEACTIVATED'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const ACCOUNT_STATUS_CHANGED = 'ACCOUNT_STATUS_CHANGED';
export const ACCOUNT_STATUS_PAYLOAD_VERSION = '2021-01-01';

export interface AccountStatusNotification {
  sellerId: string;
  previousAccountStatus: AccountStatus | null;
  currentAccountStatus: AccountStatus;
  eventTime: Date;
  notificationId: string | null;
}

export type ParsedNotification = { notification: AccountStatusNotification } | { ignored: string } | { problems: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The SP-API notification envelope ("Notification Type Values"): `notificationType`, `payloadVersion`,
 * `eventTime`, `payload.accountStatusChangeNotification { sellerId, previousAccountStatus,
 * currentAccountStatus }`, and `notificationMetadata.notificationId`. Other notification types are
 * ignored (a relay may forward everything the app subscribed to); a malformed one is listed problem by problem.
 */
export function parseSellerCentralNotification(json: unknown): ParsedNotification {
  if (!isRecord(json)) return { problems: ['the body must be a JSON object'] };
  if (typeof json.notificationType !== 'string') return { problems: ['notificationType must be a string'] };
  if (json.notificationType !== ACCOUNT_STATUS_CHANGED) return { ignored: json.notificationType };
  const problems: string[] = [];
  if (json.payloadVersion !== ACCOUNT_STATUS_PAYLOAD_VERSION) problems.push(`payloadVersion must be ${ACCOUNT_STATUS_PAYLOAD_VERSION}`);
  const eventTime = typeof json.eventTime === 'string' ? new Date(json.eventTime) : null;
  if (!eventTime || Number.isNaN(eventTime.getTime())) problems.push('eventTime must be an ISO 8601 date-time');
  const change = isRecord(json.payload) && isRecord(json.payload.accountStatusChangeNotification) ? json.payload.accountStatusChangeNotification : null;
  if (!change) return { problems: [...problems, 'payload.accountStatusChangeNotification must be an object'] };
  const status = (value: unknown) => (accountStatuses as readonly unknown[]).includes(value) ? (value as AccountStatus) : null;
  if (typeof change.sellerId !== 'string' || !/^[A-Z0-9]{1,64}$/.test(change.sellerId)) problems.push('payload.accountStatusChangeNotification.sellerId must be a Selling Partner ID');
  const current = status(change.currentAccountStatus);
  if (!current) problems.push(`payload.accountStatusChangeNotification.currentAccountStatus must be one of ${accountStatuses.join(', ')}`);
  if (change.previousAccountStatus !== undefined && !status(change.previousAccountStatus)) {
    problems.push(`payload.accountStatusChangeNotification.previousAccountStatus must be one of ${accountStatuses.join(', ')}`);
  }
  if (problems.length > 0 || !current || !eventTime) return { problems };
  const metadata = isRecord(json.notificationMetadata) ? json.notificationMetadata : {};
  return {
    notification: {
      sellerId: change.sellerId as string,
      previousAccountStatus: status(change.previousAccountStatus),
      currentAccountStatus: current,
      eventTime,
      notificationId: typeof metadata.notificationId === 'string' ? metadata.notificationId : null,
    },
  };
}
