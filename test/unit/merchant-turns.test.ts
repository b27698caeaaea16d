import { MerchantTurns } from '../../src/server/merchant-turns';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('fair shares: a merchant\'s operations take turns (issue 15)', () => {
  it('runs at most `slots` operations of one merchant at once; the next waits for a release, first come first served', async () => {
    const turns = new MerchantTurns(2, 10);
    const first = await turns.enter('m1');
    const second = await turns.enter('m1');
    const order: string[] = [];
    const third = turns.enter('m1').then((release) => (order.push('third'), release));
    const fourth = turns.enter('m1').then((release) => (order.push('fourth'), release));
    await tick();
    expect(order).toEqual([]);
    expect(turns.load('m1')).toEqual({ running: 2, waiting: 2 });
    first!();
    await tick();
    expect(order).toEqual(['third']);
    second!();
    await tick();
    expect(order).toEqual(['third', 'fourth']);
    expect(turns.load('m1')).toEqual({ running: 2, waiting: 0 });
  });

  it('another merchant never waits behind a busy one', async () => {
    const turns = new MerchantTurns(1, 10);
    await turns.enter('busy');
    void turns.enter('busy');
    expect(await turns.enter('quiet')).toEqual(expect.any(Function));
    expect(turns.load('quiet')).toEqual({ running: 1, waiting: 0 });
  });

  it('refuses at once past the queue, and takes new ones again when the queue shortens', async () => {
    const turns = new MerchantTurns(1, 1);
    const running = await turns.enter('m1');
    const queued = turns.enter('m1');
    expect(await turns.enter('m1')).toBeNull();
    running!();
    const next = await queued;
    expect(next).toEqual(expect.any(Function));
    expect(turns.load('m1')).toEqual({ running: 1, waiting: 0 });
    void turns.enter('m1');
    expect(turns.load('m1')).toEqual({ running: 1, waiting: 1 });
  });

  it('a release counts once, however often it is called, and an idle merchant is forgotten', async () => {
    const turns = new MerchantTurns(1, 0);
    const release = await turns.enter('m1');
    release!();
    release!();
    expect(turns.load('m1')).toEqual({ running: 0, waiting: 0 });
    const again = await turns.enter('m1');
    expect(await turns.enter('m1')).toBeNull();
    again!();
    expect(await turns.enter('m1')).toEqual(expect.any(Function));
  });
});
