import { PassThrough } from 'node:stream';
import { requestLimits } from '../../src/server/request-limits';
import { onboard } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ environment: 'production', sandboxControls: false, introspection: false, rateLimit: { capacity: 2000, restorePerSecond: 100, merchantCapacity: 6000, merchantRestorePerSecond: 300 } });
});

afterAll(async () => {
  await server.stop();
});

describe('bounds on every request, each refused with its own code and the limit it broke', () => {
  it(`depth: more than ${requestLimits.maxDepth} levels is QUERY_TOO_DEEP`, async () => {
    const deep = `{ viewer { merchant { sellerCentralLinks { nodes { timeline { edges { node { actor { id } } } } consent { agreedBy { id } } } } } } }`;
    const tooDeep = `{ viewer { merchant { sellerCentralLinks { edges { node { unlinkRequest { waitingOrders { edges { node { lines { product { price { amount } } } } } } } } } } } } }`;
    expect((await server.gql(deep)).body.errors).toBeUndefined();
    const { status, body } = await server.gql(tooDeep);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: requestLimits.maxDepth });
    expect(body.errors?.[0].message).toMatch(/depth limit of 12/);
  });

  it(`aliases: more than ${requestLimits.maxAliases} is TOO_MANY_ALIASES`, async () => {
    const aliases = Array.from({ length: requestLimits.maxAliases + 1 }, (_, index) => `a${index}: viewer { user { id } }`).join(' ');
    const { body } = await server.gql(`{ ${aliases} }`);
    expect(body.errors?.[0].extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: requestLimits.maxAliases });
  });

  it(`directives: more than ${requestLimits.maxDirectives} is TOO_MANY_DIRECTIVES`, async () => {
    const directives = Array.from({ length: requestLimits.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const { body } = await server.gql(`{ viewer ${directives} { user { id } } }`);
    expect(body.errors?.[0].extensions).toEqual({ code: 'TOO_MANY_DIRECTIVES', limit: requestLimits.maxDirectives });
  });

  it(`tokens: more than ${requestLimits.maxTokens} is TOO_MANY_TOKENS`, async () => {
    const fields = Array.from({ length: requestLimits.maxTokens }, () => 'id').join(' ');
    const { status, body } = await server.gql(`{ viewer { user { ${fields} } } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toEqual({ code: 'TOO_MANY_TOKENS', limit: requestLimits.maxTokens });
  });

  it(`cost: a query over ${requestLimits.maxCost} points (list fields weighted by first) is QUERY_TOO_COSTLY`, async () => {
    const { status, body } = await server.gql(`{ orders(first: 100) { nodes { lines { product { title } } total { amount } } } catalogProducts(first: 100) { nodes { price { amount } } } viewer { merchant { sellerCentralLinks(first: 100) { nodes { timeline(first: 100) { nodes { actor { id } } } } } } } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: requestLimits.maxCost, cost: expect.any(Number) });
  });

  it(`body: more than ${requestLimits.maxBodyBytes} bytes is REQUEST_TOO_LARGE (413)`, async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-acme-owner' },
      body: JSON.stringify({ query: '{ viewer { user { id } } }', variables: { padding: 'x'.repeat(requestLimits.maxBodyBytes) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'REQUEST_TOO_LARGE', limit: requestLimits.maxBodyBytes } }] });
  });

  it('page size: every connection caps `first` at 100', async () => {
    const { status, body } = await server.gql(`{ orders(first: 101) { nodes { id } } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 100 });
  });
});

describe('cost reported and rate limited', () => {
  it('each response carries the query cost and the token\'s and the merchant\'s budgets in extensions.cost', async () => {
    const { body } = await server.gql(`{ catalogProducts(first: 10) { nodes { sku price { amount } } } }`, {}, 'demo-acme-admin');
    expect(body.extensions?.cost).toEqual({
      requestedQueryCost: 2 + 10 * 2 + 0,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2000 - 22, restoreRate: 100 },
      // Shared with the merchant's other users, whom the tests above have spent some of.
      merchantThrottleStatus: { maximumAvailable: 6000, currentlyAvailable: expect.any(Number), restoreRate: 300 },
    });
    expect((body.extensions?.cost as { merchantThrottleStatus: { currentlyAvailable: number } }).merchantThrottleStatus.currentlyAvailable).toBeLessThanOrEqual(6000 - 22);
  });

  it('past the budget, requests are THROTTLED (429, Retry-After) until it refills; a client reading the cost can stay under it', async () => {
    const expensive = `{ catalogProducts(first: 100) { nodes { price { amount } } } orders(first: 100) { nodes { total { amount } } } }`;
    let last = await server.gql(expensive, {}, 'demo-acme-developer');
    const cost = (last.body.extensions?.cost as { requestedQueryCost: number }).requestedQueryCost;
    while (last.status === 200) last = await server.gql(expensive, {}, 'demo-acme-developer');
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(last.body.errors?.[0].extensions).toMatchObject({ code: 'THROTTLED', cost, retryAfterMs: expect.any(Number) });
    expect((await server.gql(expensive, {}, 'demo-acme-owner')).status).toBe(200);

    server.clock.advance(last.body.errors![0].extensions!.retryAfterMs as number);
    const again = await server.gql(expensive, {}, 'demo-acme-developer');
    expect(again.status).toBe(200);
  });
});

describe('nothing leaks outside development', () => {
  it('no field suggestions ("Did you mean ...")', async () => {
    const { body } = await server.gql(`{ viewr { user { id } } }`);
    expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('introspection is off unless configured', async () => {
    const { body } = await server.gql(`{ __schema { types { name } } }`);
    expect(body.errors?.[0].message).toMatch(/introspection/i);
  });

  it('GET without a CSRF-safe header is refused (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ viewer { user { id } } }')}`, { headers: { authorization: 'Bearer demo-acme-owner' } });
    expect(response.status).toBe(400);
  });
});

describe('structured logs', () => {
  it('one JSON line per request, with the request ID, operation, duration, outcome and cost; never a token', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const logged = await startTestServer({ logLevel: 'info' }, { logStream: stream });
    try {
      await onboard(logged);
      const response = await logged.gql(`query WhoAmI { viewer { user { id } } }`);
      await logged.gql(`{ viewer { user { id } } }`, {}, 'demo-not-a-token');
      await new Promise((resolve) => setImmediate(resolve));
      const entries = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request');
      const whoAmI = entries.find((entry) => entry.operationName === 'WhoAmI');
      expect(whoAmI).toMatchObject({ requestId: response.headers.get('x-request-id'), path: '/graphql', status: 200, outcome: 'ok', cost: 2, durationMs: expect.any(Number) });
      expect(entries.find((entry) => entry.status === 401)).toMatchObject({ outcome: 'error', errorCodes: ['UNAUTHENTICATED'] });
      expect(lines.join('\n')).not.toMatch(/demo-acme-owner|demo-not-a-token|development-webhook-secret/);
    } finally {
      await logged.stop();
    }
  });
});


describe('graphql-js\'s own refusals', () => {
  it('more than 50 bad values in the variables is BAD_USER_INPUT, not an internal error (found by the fuzzer)', async () => {
    const states = Array.from({ length: 60 }, () => 'NOT_A_STATE');
    const { status, body } = await server.gql(`query($filter: OrderFilter) { orders(filter: $filter) { nodes { id } } }`, { filter: { states } });
    expect(status).toBe(400);
    expect(body.errors?.every((error) => error.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
  });
});
