import { coalesce, parseChangeEvent } from '../../src/events/change-event';
import { MAX_NOTIFY_PAYLOAD_BYTES, notificationPayloads } from '../../src/events/postgres-change-bus';

const M = '0190c0de-0000-7000-8000-00000000a001';
const id = (n: number) => `0190c0de-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('change events', () => {
  it('one transaction\'s events, once each: a link written twice is one change, every toggled product one change set', () => {
    expect(
      coalesce([
        { type: 'LINK', merchantId: M, linkId: id(1) },
        { type: 'OFFER_PRIME', merchantId: M, productIds: [id(2)] },
        { type: 'LINK', merchantId: M, linkId: id(1) },
        { type: 'OFFER_PRIME', merchantId: M, productIds: [id(3), id(2)] },
        { type: 'ORDER', merchantId: M, orderId: id(4) },
      ]),
    ).toEqual([
      { type: 'LINK', merchantId: M, linkId: id(1) },
      { type: 'OFFER_PRIME', merchantId: M, productIds: [id(2), id(3)] },
      { type: 'ORDER', merchantId: M, orderId: id(4) },
    ]);
  });

  it('a change set with no product changed is no event', () => {
    expect(coalesce([{ type: 'OFFER_PRIME', merchantId: M, productIds: [] }])).toEqual([]);
  });

  it('reads back what it sends, and nothing else', () => {
    const event = { type: 'UNLINK_REQUEST' as const, merchantId: M, unlinkRequestId: id(5) };
    expect(parseChangeEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    for (const bad of [null, 'LINK', { type: 'LINK', merchantId: M }, { type: 'NOPE', merchantId: M }, { type: 'LINK', merchantId: 'a b', linkId: id(1) }, { type: 'OFFER_PRIME', merchantId: M, productIds: [1] }]) {
      expect(parseChangeEvent(bad)).toBeNull();
    }
  });

  it('a change set too large for one NOTIFY is split into parts that each fit, naming the same set', () => {
    const productIds = Array.from({ length: 1000 }, (_, n) => id(n));
    const payloads = notificationPayloads({ type: 'OFFER_PRIME', merchantId: M, productIds });
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_NOTIFY_PAYLOAD_BYTES);
    const parts = payloads.map((payload) => JSON.parse(payload));
    expect(new Set(parts.map((part) => part.set)).size).toBe(1);
    expect(parts.flatMap((part) => part.event.productIds)).toEqual(productIds);
    expect(notificationPayloads({ type: 'LINK', merchantId: M, linkId: id(1) })).toHaveLength(1);
  });
});
