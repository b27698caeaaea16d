/**
 * ACCOUNT_STATUS_CHANGED as Amazon documents it ("Notification Type Values", payload version
 * 2021-01-01): the payload names the previous and the current status, and no seller. The seller is
 * the one the subscription (`notificationMetadata.subscriptionId`) was created for.
 */
export const ACCOUNT_STATUS_CHANGED = 'ACCOUNT_STATUS_CHANGED';
export const ACCOUNT_STATUS_PAYLOAD_VERSION = '2021-01-01';

export const accountStatuses = ['NORMAL', 'AT_RISK', 'DEACTIVATED'] as const;
export type AccountStatus = (typeof accountStatuses)[number];
