import { ChangeBus } from '../events/change-bus';
import { ChangeEvent } from '../events/change-event';

export interface ChangeStreamOptions<T> {
  merchantId: string;
  /** Which of the merchant's changes this subscription follows. */
  follows(event: ChangeEvent): boolean;
  /** Reads the committed state an event names; null skips the event (nothing to show this subscriber). */
  read(event: ChangeEvent): Promise<T | null>;
  /** Events waiting beyond this: the consumer is too slow. */
  maxQueued: number;
  /** Called before each read, with the event's key. */
  beforeRead(eventKey: string): void;
  slowConsumer(): void;
}

export function keyOf(event: ChangeEvent): string {
  return JSON.stringify(event);
}

/**
 * One subscription's events, as an async iterator: the merchant's events this subscription follows,
 * each turned into the state it names as read when the subscriber is ready for it. An event already
 * waiting is not queued twice (the read shows the latest state anyway); more than `maxQueued` waiting
 * events end the stream and report a slow consumer, rather than buffering without bound.
 */
export function changeStream<T>(bus: ChangeBus, options: ChangeStreamOptions<T>): AsyncIterableIterator<T> {
  const queue: ChangeEvent[] = [];
  const queued = new Set<string>();
  let wake: (() => void) | null = null;
  let done = false;

  const finish = () => {
    if (done) return;
    done = true;
    unsubscribe();
    queue.length = 0;
    wake?.();
  };

  const unsubscribe = bus.subscribe((event) => {
    if (done || event.merchantId !== options.merchantId || !options.follows(event)) return;
    const key = keyOf(event);
    if (queued.has(key)) return;
    if (queue.length >= options.maxQueued) {
      finish();
      options.slowConsumer();
      return;
    }
    queue.push(event);
    queued.add(key);
    wake?.();
  });

  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      while (!done) {
        const event = queue.shift();
        if (!event) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        const key = keyOf(event);
        queued.delete(key);
        options.beforeRead(key);
        const value = await options.read(event);
        if (value !== null && !done) return { value, done: false };
      }
      return { value: undefined, done: true };
    },
    async return(): Promise<IteratorResult<T>> {
      finish();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown): Promise<IteratorResult<T>> {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
