import { connect } from 'node:net';
import { ClientLimitsConfig, ConfigError, loadConfig } from '../../src/config';
import { FAILED_REQUESTS_CODE } from '../../src/server/client-limits';
import { INTROSPECTION_FIELD_COST, MIN_OPERATION_COST } from '../../src/server/query-cost';
import { startTestServer, testConfig, TestServer } from '../support/test-server';
import { orderEvent, postWebhook } from '../support/webhook';

function limits(overrides: Partial<ClientLimitsConfig>): ClientLimitsConfig {
  return { ...testConfig().clientLimits, ...overrides };
}

/** Opens a raw socket, writes `request`, and resolves with what the server sent and how long until it closed. */
function rawRequest(url: string, write: (socket: ReturnType<typeof connect>) => void): Promise<{ received: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    let received = '';
    const socket = connect(Number(port), hostname, () => write(socket));
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ received, closedAfterMs: Date.now() - started }));
  });
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('slow clients', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clientLimits: limits({ connectionTimeoutMs: 600, requestTimeoutMs: 400, keepAliveTimeoutMs: 300 }) });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('a body sent a byte at a time is cut off at REQUEST_TIMEOUT_MS (408), however often the bytes come', async () => {
    const { received, closedAfterMs } = await rawRequest(server.url, (socket) => {
      socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer demo-acme-owner\r\nContent-Length: 1000\r\n\r\n{');
      const drip = setInterval(() => (socket.writable ? socket.write(' ') : clearInterval(drip)), 100);
      socket.on('close', () => clearInterval(drip));
    });
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(2000);
  });

  it('an idle kept-alive socket is closed after KEEP_ALIVE_TIMEOUT_MS', async () => {
    const { received, closedAfterMs } = await rawRequest(server.url, (socket) => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(250);
    expect(closedAfterMs).toBeLessThan(2000);
  });

  it('the timeouts are configurable and validated like every other variable', () => {
    expect(loadConfig({ NODE_ENV: 'test', REQUEST_TIMEOUT_MS: '1500', CONNECTION_TIMEOUT_MS: '2000', KEEP_ALIVE_TIMEOUT_MS: '1000' }).clientLimits).toMatchObject({
      requestTimeoutMs: 1500, connectionTimeoutMs: 2000, keepAliveTimeoutMs: 1000,
    });
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ NODE_ENV: 'test', ...env });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ REQUEST_TIMEOUT_MS: 'soon' })).toEqual([expect.stringContaining('REQUEST_TIMEOUT_MS must be a whole number')]);
    expect(problems({ FAILED_REQUESTS_PER_ADDRESS: '0' })).toEqual([expect.stringContaining('FAILED_REQUESTS_PER_ADDRESS')]);
    expect(problems({ KEEP_ALIVE_TIMEOUT_MS: '20000' })).toEqual([expect.stringContaining('KEEP_ALIVE_TIMEOUT_MS must not be more than CONNECTION_TIMEOUT_MS')]);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://login.bwp.example/jwks.json', AUTH_ISSUER: 'https://login.bwp.example/', AUTH_AUDIENCE: 'bwp', SELLER_CENTRAL: 'sandbox' }).clientLimits).toEqual({
      connectionTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, failedRequestsPerWindow: 30, failedRequestsWindowSeconds: 60,
    });
  });
});

describe('failed requests are limited per address', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ clientLimits: limits({ failedRequestsPerWindow: 3, failedRequestsWindowSeconds: 1 }) });
  });
  afterEach(async () => {
    await server.stop();
  });

  it('past the limit of 401s, the address gets 429 with Retry-After on every request, before any work, until the window ends', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await server.gql('{ viewer { user { id } } }', {}, 'demo-not-a-token')).status).toBe(401);
    const refused = await server.gql('{ viewer { user { id } } }', {}, 'demo-not-a-token');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(refused.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('Retry in'), extensions: { code: FAILED_REQUESTS_CODE, limit: 3, windowSeconds: 1 } });

    const statements = await server.sql.count(async () => expect((await server.gql('{ viewer { user { id } } }')).status).toBe(429));
    expect(statements).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await settle(1100);
    expect((await server.gql('{ viewer { user { id } } }')).status).toBe(200);
  });

  it('webhook requests that fail their signature count the same way', async () => {
    const event = orderEvent('BWP-ANY', 'PACKAGE_SHIPPED', server.clock.now());
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await postWebhook(server, event, { signature: 'v1=00' })).status).toBe(401);
    const refused = await postWebhook(server, event, { signature: 'v1=00' });
    expect(refused).toMatchObject({ status: 429, body: { error: FAILED_REQUESTS_CODE, retryAfterSeconds: expect.any(Number) } });
  });

  it('requests that succeed are never counted', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) expect((await server.gql('{ viewer { user { id } } }')).status).toBe(200);
  });
});

describe('every operation costs something', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ introspection: true });
  });
  afterAll(async () => {
    await server.stop();
  });

  it(`{ __typename } costs ${MIN_OPERATION_COST}; introspection ${INTROSPECTION_FIELD_COST} per __schema or __type`, async () => {
    const typename = await server.gql('{ __typename }');
    expect(typename.body.extensions?.cost).toMatchObject({ requestedQueryCost: MIN_OPERATION_COST });
    const introspection = await server.gql('{ __schema { queryType { name } } __type(name: "Order") { name } }');
    expect((introspection.body.extensions?.cost as { requestedQueryCost: number }).requestedQueryCost).toBeGreaterThanOrEqual(2 * INTROSPECTION_FIELD_COST);
  });
});
