import { startTestServer, TestServer } from '../support/test-server';

/**
 * Issue 15: a caller told THROTTLED that keeps sending is refused at the door until its Retry-After passes
 * (at most a second): no body read, no sign-in, no pricing, no SQL. So a flood that ignores Retry-After
 * costs the server almost nothing, and the budgets price its requests again once the wait is over.
 */
let server: TestServer;
let token: string;
// 9 × (viewer 1 + merchant 1 + a connection of 100 links: 2 + 100) = 936 points.
const heavy = `{ ${Array.from({ length: 9 }, (_, index) => `a${index}: viewer { merchant { sellerCentralLinks(first: 100) { nodes { id } } } }`).join(' ')} }`;

beforeAll(async () => {
  server = await startTestServer({ rateLimit: { capacity: 2000, restorePerSecond: 100, merchantCapacity: 6000, merchantRestorePerSecond: 300 } });
  const { body } = await server.gql('mutation { createApiToken(input: { name: "flood", role: ADMIN, expiresInDays: 1 }) { token userErrors { code } } }');
  token = body.data.createApiToken.token;
});

afterAll(async () => {
  await server.stop();
});

it('after THROTTLED, the same credential is refused at the door (429, no SQL) until its Retry-After passes; then it is priced again', async () => {
  expect((await server.gql(heavy, {}, token)).status).toBe(200);
  expect((await server.gql(heavy, {}, token)).status).toBe(200);
  const priced = await server.gql(heavy, {}, token);
  expect(priced.status).toBe(429);
  expect(priced.body.errors?.[0].extensions).toMatchObject({ code: 'THROTTLED', cost: 936, throttledBy: ['token'] });

  let atTheDoor!: Awaited<ReturnType<TestServer['gql']>>;
  const statements = await server.sql.count(async () => {
    atTheDoor = await server.gql('{ __typename }', {}, token);
  });
  expect(atTheDoor.status).toBe(429);
  expect(atTheDoor.headers.get('retry-after')).toBe('1');
  expect(atTheDoor.body.errors?.[0]).toEqual({
    message: 'Throttled: your last request was refused for want of budget; wait 1000 ms (Retry-After) before the next.',
    extensions: { code: 'THROTTLED', retryAfterMs: 1000 },
  });
  expect(statements).toEqual([]);

  // Another credential of the same merchant is priced as usual.
  expect((await server.gql('{ __typename }', {}, 'demo-acme-admin')).status).toBe(200);

  server.clock.advance(999);
  expect((await server.gql('{ __typename }', {}, token)).body.errors?.[0].extensions).toEqual({ code: 'THROTTLED', retryAfterMs: 1 });
  server.clock.advance(1);
  const again = await server.gql('{ __typename }', {}, token);
  expect(again.status).toBe(200);
  expect(again.body.extensions?.cost).toMatchObject({ requestedQueryCost: 1 });
});
