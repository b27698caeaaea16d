import { InProcessChangeBus } from '../../src/events/change-bus';
import { ChangeEvent } from '../../src/events/change-event';
import { changeStream } from '../../src/live/change-stream';

const ACME = '0190c0de-0000-7000-8000-00000000a001';
const BLUEBIRD = '0190c0de-0000-7000-8000-00000000b001';
const order = (merchantId: string, n: number): ChangeEvent => ({ type: 'ORDER', merchantId, orderId: `0190c0de-0000-7000-8000-${String(n).padStart(12, '0')}` });

function stream(bus: InProcessChangeBus, maxQueued = 10) {
  const reads: ChangeEvent[] = [];
  const slow = { count: 0 };
  const iterator = changeStream(bus, {
    merchantId: ACME,
    follows: (event) => event.type === 'ORDER',
    read: async (event) => {
      reads.push(event);
      return event.type === 'ORDER' && event.orderId.endsWith('9') ? null : event;
    },
    maxQueued,
    beforeRead: () => undefined,
    slowConsumer: () => (slow.count += 1),
  });
  return { iterator, reads, slow };
}

describe('a subscription\'s change stream', () => {
  it('takes only its merchant\'s events of its kind, in order; an event whose read finds nothing is skipped', async () => {
    const bus = new InProcessChangeBus();
    const { iterator } = stream(bus);
    bus.afterCommit([order(BLUEBIRD, 1), { type: 'LINK', merchantId: ACME, linkId: '0190c0de-0000-7000-8000-000000000002' }, order(ACME, 9), order(ACME, 3), order(ACME, 4)]);
    expect((await iterator.next()).value).toEqual(order(ACME, 3));
    expect((await iterator.next()).value).toEqual(order(ACME, 4));
  });

  it('an event already waiting is not queued twice (the read shows the latest state anyway)', async () => {
    const bus = new InProcessChangeBus();
    const { iterator, reads } = stream(bus);
    bus.afterCommit([order(ACME, 1)]);
    bus.afterCommit([order(ACME, 1)]);
    bus.afterCommit([order(ACME, 2)]);
    await iterator.next();
    await iterator.next();
    expect(reads).toEqual([order(ACME, 1), order(ACME, 2)]);
  });

  it('more waiting events than the limit: the stream ends and reports a slow consumer, once', async () => {
    const bus = new InProcessChangeBus();
    const { iterator, slow } = stream(bus, 2);
    bus.afterCommit([order(ACME, 1), order(ACME, 2), order(ACME, 3), order(ACME, 4)]);
    expect(slow.count).toBe(1);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('ending the stream stops listening: later events go nowhere', async () => {
    const bus = new InProcessChangeBus();
    const { iterator, reads } = stream(bus);
    const waiting = iterator.next();
    await iterator.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    bus.afterCommit([order(ACME, 1)]);
    expect(reads).toEqual([]);
  });
});
