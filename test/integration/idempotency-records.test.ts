import { Permission, Role } from '../../src/auth/role';
import { demoUsers } from '../../src/demo/demo-data';
import { IdempotencyKey } from '../../src/idempotency/idempotency-key.entity';
import { IdempotentRequest, inputHash, MAX_STORED_ANSWER_BYTES, PURGE_BATCH_SIZE, PURGE_MAX_BATCHES } from '../../src/idempotency/idempotency.service';
import { startTestServer, TestServer } from '../support/test-server';

/** The idempotency records themselves (issue 15's bounds, pinned by issue 12's mutation testing). */
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.stop();
});

const owner = demoUsers.find((user) => user.role === Role.OWNER)!;
const request = (key: string, input: unknown): IdempotentRequest => ({
  viewer: { userId: owner.id, merchantId: owner.merchantId, role: Role.OWNER },
  key,
  operation: 'probe',
  input,
  permission: Permission.MANAGE_CATALOG,
  action: 'probe',
});

describe('idempotency records', () => {
  it('an input is the same request whatever the order of its keys, at any depth; a list keeps its order', () => {
    expect(inputHash({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(inputHash({ b: { d: [1, 2], c: 2 }, a: 1 }));
    expect(inputHash({ a: 1, b: { c: 2, d: [1, 2] } })).not.toBe(inputHash({ a: 1, b: { c: 2, d: [2, 1] } }));
    expect(inputHash({ a: 1 })).not.toBe(inputHash({ a: 2 }));
  });

  it('the same key and input, with its fields in another order, replays the first answer', async () => {
    let calls = 0;
    const work = async () => ({ userErrors: [], call: (calls += 1) });
    const first = await server.app.idempotency.run(request('k1', { productIds: ['p1', 'p2'], offerPrime: true }), work);
    const again = await server.app.idempotency.run(request('k1', { offerPrime: true, productIds: ['p1', 'p2'] }), work);
    expect(again).toEqual(first);
    expect(calls).toBe(1);
  });

  it('the same key with another input is refused, saying what to do', async () => {
    await server.app.idempotency.run(request('k2', { offerPrime: true }), async () => ({ userErrors: [] }));
    const refused = await server.app.idempotency.run(request('k2', { offerPrime: false }), async () => ({ userErrors: [] }));
    expect(refused.userErrors).toEqual([
      expect.objectContaining({
        code: 'IDEMPOTENCY_KEY_REUSED',
        field: ['input', 'idempotencyKey'],
        message: 'This idempotency key was already used with a different request.',
        remedy: 'Use a new idempotency key for a new request; reuse a key only to retry the very same request.',
      }),
    ]);
  });

  it('the same key and input for another operation is refused too', async () => {
    await server.app.idempotency.run(request('k4', { x: 1 }), async () => ({ userErrors: [] }));
    const other = await server.app.idempotency.run({ ...request('k4', { x: 1 }), operation: 'another' }, async () => ({ userErrors: [] }));
    expect(other.userErrors.map((error) => error.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('a user whose role was taken away since gets the refusal, not the stored answer', async () => {
    await server.app.idempotency.run(request('k5', { x: 1 }), async () => ({ userErrors: [], secret: 'owner-only' }));
    const demoted = { ...request('k5', { x: 1 }), viewer: { ...request('k5', {}).viewer, role: Role.STAFF } };
    const retried = await server.app.idempotency.run(demoted, async () => ({ userErrors: [], secret: 'ran again' }));
    expect(retried).toEqual({ userErrors: [expect.objectContaining({ code: 'PERMISSION_DENIED', message: 'The STAFF role cannot probe.' })] });
  });

  it('an answer up to MAX_STORED_ANSWER_BYTES is kept; one byte more is not (a retry then does the work again)', async () => {
    const sized = (bytes: number) => {
      const padding = bytes - JSON.stringify({ userErrors: [], padding: '' }).length;
      return { userErrors: [], padding: 'x'.repeat(padding) };
    };
    expect(Buffer.byteLength(JSON.stringify(sized(MAX_STORED_ANSWER_BYTES)))).toBe(MAX_STORED_ANSWER_BYTES);
    await server.app.idempotency.run(request('fits', { x: 1 }), async () => sized(MAX_STORED_ANSWER_BYTES));
    await server.app.idempotency.run(request('too-big', { x: 1 }), async () => sized(MAX_STORED_ANSWER_BYTES + 1));
    const kept = await server.app.dataSource.manager.find(IdempotencyKey, { select: { key: true } });
    expect(kept.map((record) => record.key)).toEqual(['fits']);
  });

  it('an answer that cannot be stored for another reason than a lost race (a dropped connection) fails the request with that error, not a replay', async () => {
    const dropped = new Error('Connection terminated unexpectedly');
    const store = jest.spyOn(server.app.transactions, 'run').mockRejectedValueOnce(dropped);
    try {
      await expect(server.app.idempotency.run(request('k-dropped', { x: 1 }), async () => ({ userErrors: [] }))).rejects.toBe(dropped);
      expect(store).toHaveBeenCalledTimes(1);
    } finally {
      store.mockRestore();
    }
    expect(await server.app.dataSource.manager.countBy(IdempotencyKey, { key: 'k-dropped' })).toBe(0);
  });

  it('two retries racing with one key both answer with the first stored answer', async () => {
    // Each work waits until both have started it: neither record can be written before both lookups
    // have found nothing, so the race happens on every run, however slow the database answers.
    let calls = 0;
    let bothStarted!: () => void;
    const barrier = new Promise<void>((resolve) => (bothStarted = resolve));
    const work = async () => {
      const call = (calls += 1);
      if (calls === 2) bothStarted();
      await barrier;
      return { userErrors: [], call };
    };
    const [a, b] = await Promise.all([server.app.idempotency.run(request('k3', { x: 1 }), work), server.app.idempotency.run(request('k3', { x: 1 }), work)]);
    expect(calls).toBe(2);
    const stored = JSON.parse((await server.app.dataSource.manager.findOneByOrFail(IdempotencyKey, { key: 'k3' })).payloadJson);
    // The one whose record lost the race answers with the winner's stored answer, not its own.
    expect([a, b]).toEqual([stored, stored]);
  });

  it('a purge deletes at most its batches of expired records, only expired ones, and says how many', async () => {
    const manager = server.app.dataSource.manager;
    const expiredAt = new Date(server.clock.now().getTime() - 1000);
    const backlog = PURGE_BATCH_SIZE * PURGE_MAX_BATCHES + 7;
    const rows = Array.from({ length: backlog }, (_, index) => ({
      merchantId: 'm', userId: 'u', key: `old${index}`, operation: 'x', inputHash: 'h', payloadJson: '{}', createdAt: expiredAt, expiresAt: expiredAt,
    }));
    for (let start = 0; start < rows.length; start += 200) await manager.insert(IdempotencyKey, rows.slice(start, start + 200));
    await manager.insert(IdempotencyKey, { ...rows[0], key: 'alive', expiresAt: new Date(server.clock.now().getTime() + 1000) });
    expect(await server.app.idempotency.purgeExpired()).toBe(PURGE_BATCH_SIZE * PURGE_MAX_BATCHES);
    expect(await manager.count(IdempotencyKey)).toBe(8);
    expect(await server.app.idempotency.purgeExpired()).toBe(7);
    expect(await manager.find(IdempotencyKey, { select: { key: true } })).toEqual([expect.objectContaining({ key: 'alive' })]);
  });
});
