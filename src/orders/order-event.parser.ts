import { OrderEventType } from './order-state';

/** An upstream order event, as the webhook carries it (shaped like the public Buy with Prime events). */
export interface IncomingOrderEvent {
  eventId: string;
  idempotencyKey: string;
  eventType: OrderEventType;
  eventTime: Date;
  /** The Buy with Prime order ID (`externalId` here). */
  orderId: string;
}

const text = (value: unknown, max: number) => typeof value === 'string' && value.length > 0 && value.length <= max && !value.includes('\u0000');

/** Checks a parsed JSON body; returns the event, or what is wrong with it. */
export function parseOrderEvent(body: unknown): { event: IncomingOrderEvent } | { problems: string[] } {
  const problems: string[] = [];
  const record = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const data = (typeof record.data === 'object' && record.data !== null ? record.data : {}) as Record<string, unknown>;
  if (!text(record.eventId, 128)) problems.push('eventId must be a string of 1 to 128 characters');
  if (!text(record.idempotencyKey, 128)) problems.push('idempotencyKey must be a string of 1 to 128 characters');
  if (!Object.values(OrderEventType).includes(record.eventType as OrderEventType)) {
    problems.push(`eventType must be one of ${Object.values(OrderEventType).join(', ')}`);
  }
  const eventTime = typeof record.eventTime === 'string' ? new Date(record.eventTime) : new Date(NaN);
  if (Number.isNaN(eventTime.getTime())) problems.push('eventTime must be an ISO 8601 date-time');
  if (!text(data.orderId, 64)) problems.push('data.orderId must be a string of 1 to 64 characters');
  if (problems.length > 0) return { problems };
  return {
    event: {
      eventId: record.eventId as string,
      idempotencyKey: record.idempotencyKey as string,
      eventType: record.eventType as OrderEventType,
      eventTime,
      orderId: data.orderId as string,
    },
  };
}
