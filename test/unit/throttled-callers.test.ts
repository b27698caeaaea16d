import { MAX_HOLD_MS, ThrottledCallers } from '../../src/server/throttled-callers';
import { FakeClock } from '../support/fake-clock';

describe('callers held after THROTTLED (issue 15)', () => {
  it('holds a credential for its Retry-After, at most MAX_HOLD_MS, and forgets it after', () => {
    const clock = new FakeClock();
    const callers = new ThrottledCallers(clock);
    callers.hold('Bearer a', 300);
    callers.hold('Bearer b', 60_000);
    expect(callers.waitMs('Bearer a')).toBe(300);
    expect(callers.waitMs('Bearer b')).toBe(MAX_HOLD_MS);
    expect(callers.waitMs('Bearer c')).toBe(0);
    clock.advance(300);
    expect(callers.waitMs('Bearer a')).toBe(0);
    expect(callers.waitMs('Bearer b')).toBe(MAX_HOLD_MS - 300);
  });

  it('holds nobody without a credential or a wait', () => {
    const callers = new ThrottledCallers(new FakeClock());
    callers.hold(undefined, 500);
    callers.hold('Bearer a', 0);
    expect(callers.waitMs(undefined)).toBe(0);
    expect(callers.waitMs('Bearer a')).toBe(0);
  });

  it('keeps at most maxCallers, making room by forgetting expired holds first', () => {
    const clock = new FakeClock();
    const callers = new ThrottledCallers(clock, 2);
    callers.hold('Bearer a', 100);
    callers.hold('Bearer b', 500);
    callers.hold('Bearer c', 500);
    expect(callers.waitMs('Bearer c')).toBe(0);
    clock.advance(100);
    callers.hold('Bearer c', 500);
    expect(callers.waitMs('Bearer c')).toBe(500);
    expect(callers.waitMs('Bearer b')).toBe(400);
  });
});
