import { MerchantTurns } from '../../src/server/merchant-turns';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Issue 15, fair shares: one merchant's requests take turns on an instance (MERCHANT_CONCURRENT_OPERATIONS
 * at once, MERCHANT_QUEUED_OPERATIONS waiting), so a flood on many connections holds a few slots, and
 * another merchant's requests never wait behind it.
 */
const USERS = '{ viewer { merchant { users { displayName } } } }';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ merchantTurns: { slots: 1, queue: 1 } });
});

afterAll(async () => {
  await server.stop();
});

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5000) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

it('a merchant past its slot and queue gets 429 TOO_MANY_CONCURRENT_REQUESTS; its queued request runs after the running one; another merchant is served meanwhile', async () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const users = server.app.access.users.bind(server.app.access);
  const calls: string[] = [];
  const blocked = jest.spyOn(server.app.access, 'users').mockImplementation(async (merchantId: string) => {
    calls.push(merchantId);
    if (calls.length === 1) await gate;
    return users(merchantId);
  });
  const entered = jest.spyOn(MerchantTurns.prototype, 'enter');
  try {
    const running = server.gql(USERS);
    await until(() => calls.length === 1);
    const queued = server.gql(USERS);
    await until(() => entered.mock.calls.length === 2);

    const refused = await server.gql(USERS);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('wait for some to finish, then retry'),
      extensions: { code: 'TOO_MANY_CONCURRENT_REQUESTS', limit: 2 },
    });

    const other = await server.gql(USERS, {}, 'demo-bluebird-owner');
    expect(other.status).toBe(200);
    expect(other.body.data.viewer.merchant.users.length).toBeGreaterThan(0);
    expect(calls).toHaveLength(2); // the other merchant's; the queued request has not run

    open();
    const [first, second] = await Promise.all([running, queued]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.data).toEqual(first.body.data);
    expect(calls).toHaveLength(3);
  } finally {
    blocked.mockRestore();
    entered.mockRestore();
  }
});
