/**
 * What changed, as the live updates tell it: the IDs of what changed and whose it is, never its state.
 * A subscriber reads the state as committed (see live/): an event only says "read it again".
 */
export type ChangeEvent =
  /** The link itself, one of its onboarding steps (state or progress), or a new timeline entry. */
  | { type: 'LINK'; merchantId: string; linkId: string }
  | { type: 'UNLINK_REQUEST'; merchantId: string; unlinkRequestId: string }
  | { type: 'ORDER'; merchantId: string; orderId: string }
  /** One change set (a toggle, a bulk toggle, turning all off, a re-sync): every product whose Offer Prime changed in it. */
  | { type: 'OFFER_PRIME'; merchantId: string; productIds: string[] };

export type ChangeType = ChangeEvent['type'];

function keyOf(event: ChangeEvent): string {
  switch (event.type) {
    case 'LINK':
      return `LINK:${event.linkId}`;
    case 'UNLINK_REQUEST':
      return `UNLINK_REQUEST:${event.unlinkRequestId}`;
    case 'ORDER':
      return `ORDER:${event.orderId}`;
    case 'OFFER_PRIME':
      return `OFFER_PRIME:${event.merchantId}`;
  }
}

/**
 * The events of one transaction, once each: a link written three times in one transaction is one
 * change, and every product toggled in it is one change set.
 */
export function coalesce(events: readonly ChangeEvent[]): ChangeEvent[] {
  const byKey = new Map<string, ChangeEvent>();
  for (const event of events) {
    const key = keyOf(event);
    const seen = byKey.get(key);
    if (seen?.type === 'OFFER_PRIME' && event.type === 'OFFER_PRIME') {
      byKey.set(key, { ...seen, productIds: [...new Set([...seen.productIds, ...event.productIds])] });
    } else if (!seen) {
      byKey.set(key, event.type === 'OFFER_PRIME' ? { ...event, productIds: [...new Set(event.productIds)] } : event);
    }
  }
  return [...byKey.values()].filter((event) => event.type !== 'OFFER_PRIME' || event.productIds.length > 0);
}

const uuidLike = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads an event from another instance (PostgreSQL NOTIFY): null for anything that is not one. */
export function parseChangeEvent(value: unknown): ChangeEvent | null {
  if (value === null || typeof value !== 'object') return null;
  const event = value as Record<string, unknown>;
  const id = (name: string) => typeof event[name] === 'string' && uuidLike.test(event[name] as string);
  if (!id('merchantId')) return null;
  const merchantId = event.merchantId as string;
  switch (event.type) {
    case 'LINK':
      return id('linkId') ? { type: 'LINK', merchantId, linkId: event.linkId as string } : null;
    case 'UNLINK_REQUEST':
      return id('unlinkRequestId') ? { type: 'UNLINK_REQUEST', merchantId, unlinkRequestId: event.unlinkRequestId as string } : null;
    case 'ORDER':
      return id('orderId') ? { type: 'ORDER', merchantId, orderId: event.orderId as string } : null;
    case 'OFFER_PRIME': {
      const ids = event.productIds;
      if (!Array.isArray(ids) || !ids.every((productId) => typeof productId === 'string' && uuidLike.test(productId))) return null;
      return { type: 'OFFER_PRIME', merchantId, productIds: ids as string[] };
    }
    default:
      return null;
  }
}
