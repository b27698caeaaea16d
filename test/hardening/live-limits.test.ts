import WebSocket from 'ws';
import { SubscriptionsConfig } from '../../src/config';
import { toGlobalId } from '../../src/shared/graphql/global-id';
import { connectLive, listening, LiveClient, wsUrl } from '../support/live-client';
import { CatalogProduct } from '../../src/catalog/catalog-product.entity';
import { recordChange } from '../../src/database/transaction-runner';
import { onboard, startLink } from '../support/linking-flow';
import { startTestServer, testConfig, TestServer } from '../support/test-server';

let server: TestServer;
const clients: LiveClient[] = [];
const sockets: WebSocket[] = [];

async function serve(limits: Partial<SubscriptionsConfig> = {}) {
  server = await startTestServer({ subscriptions: { ...testConfig().subscriptions, ...limits } });
}

async function connect(as: string | null = 'demo-acme-owner') {
  const client = await connectLive(server, as);
  clients.push(client);
  return client;
}

/** A client that speaks the protocol by hand, to misbehave: never answer pings, never read. */
async function rawClient(options: WebSocket.ClientOptions = {}): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(wsUrl(server), 'graphql-transport-ws', options);
  sockets.push(socket);
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('open', resolve));
  const token = await server.signIn('demo-acme-owner');
  const acknowledged = new Promise((resolve) => socket.once('message', resolve));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  expect(JSON.parse(String(await acknowledged))).toEqual({ type: 'connection_ack' });
  return { socket, closed };
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  for (const socket of sockets.splice(0)) socket.terminate();
  await server.stop();
});

const LINK_CHANGED = `subscription { sellerCentralLinkChanged { id state } }`;

describe('live updates: sign-in as for HTTP requests', () => {
  beforeEach(() => serve());

  it.each([
    ['no token', null, 'MISSING'],
    ['a token that is no JWT nor API token', 'not-a-token', 'UNKNOWN'],
  ])('%s: the connection is closed with 4403 and the reason', async (_case, token, reason) => {
    const client = await connect(token);
    expect(client.acknowledged).toBe(false);
    expect(await client.closed).toEqual({ code: 4403, reason });
  });

  it('an expired token is refused at connection_init (4403 EXPIRED)', async () => {
    const expired = await server.app.developmentIssuer!.sign('demo-acme-owner', {}, -3600);
    const client = await connect(expired);
    expect(await client.closed).toEqual({ code: 4403, reason: 'EXPIRED' });
  });

  it('a connection is closed (4403 EXPIRED) when its token expires: on its timer, without any event', async () => {
    // Valid for one more second: jose accepts 60 s of clock skew past `exp`.
    const expiring = await server.app.developmentIssuer!.sign('demo-acme-owner', {}, -59);
    const client = await connect(expiring);
    expect(client.acknowledged).toBe(true);
    expect(await client.closed).toEqual({ code: 4403, reason: 'EXPIRED' });
  });

  it('a connection whose token expired by the clock is closed at its next event, which it does not receive', async () => {
    const client = await connect();
    const changes = client.subscribe(LINK_CHANGED);
    await listening(server, 1);
    server.clock.advanceSeconds(8 * 86_400);
    await startLink(server);
    expect(await client.closed).toEqual({ code: 4403, reason: 'EXPIRED' });
    expect(changes.data).toEqual([]);
  });
});

describe('live updates: sign-in checked again at every ping', () => {
  it('a demoted user\'s connection is closed (4403 ROLE_CHANGED); a removed user\'s (4403 NOT_A_USER)', async () => {
    // Pings every 250 ms: often enough to see the check, and loose enough that a busy test machine answers each in time.
    await serve({ pingIntervalMs: 250 });
    const admin = await connect('demo-acme-admin');
    const developer = await connect('demo-acme-developer');
    const change = await server.gql(`mutation($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { userErrors { code } } }`, {
      input: { userId: toGlobalId('MerchantUser', '0190c0de-0000-7000-8000-00000000a102'), role: 'STAFF' },
    });
    expect(change.body.data.changeUserRole.userErrors).toEqual([]);
    expect(await admin.closed).toEqual({ code: 4403, reason: 'ROLE_CHANGED' });
    const removal = await server.gql(`mutation($input: RemoveUserInput!) { removeUser(input: $input) { userErrors { code } } }`, {
      input: { userId: toGlobalId('MerchantUser', '0190c0de-0000-7000-8000-00000000a105') },
    });
    expect(removal.body.data.removeUser.userErrors).toEqual([]);
    expect(await developer.closed).toEqual({ code: 4403, reason: 'NOT_A_USER' });
  });
});

describe('live updates: the query limits apply to the subscription document', () => {
  beforeEach(() => serve());

  async function refusal(query: string) {
    const client = await connect();
    const received = client.subscribe(query);
    await received.until(1);
    return received.errors;
  }

  it('too many aliases: TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: state`).join(' ');
    expect(await refusal(`subscription { sellerCentralLinkChanged { ${aliases} } }`)).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'TOO_MANY_ALIASES' }) })]);
  });

  it('too costly: QUERY_TOO_COSTLY, with the cost and the limit', async () => {
    const pages = Array.from({ length: 10 }, (_, index) => `t${index}: timeline(first: 100) { nodes { actor { id } } }`).join(' ');
    expect(await refusal(`subscription { sellerCentralLinkChanged { ${pages} } }`)).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COSTLY', limit: 2000 }) }),
    ]);
  });

  it('a query or mutation over WebSocket: BAD_REQUEST (they go to POST /graphql)', async () => {
    expect(await refusal(`{ viewer { user { id } } }`)).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) })]);
  });

  it('a document that does not parse or validate: its code, no stack trace', async () => {
    const [parseError] = await refusal(`subscription {`);
    expect(parseError).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    const [validationError] = await refusal(`subscription { noSuchField }`);
    expect(validationError).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(JSON.stringify([parseError, validationError])).not.toMatch(/stacktrace/i);
  });
});

describe('live updates: caps per token', () => {
  it('connections: the third of a token capped at two is closed with 4408', async () => {
    await serve({ maxConnectionsPerToken: 2 });
    expect((await connect()).acknowledged).toBe(true);
    expect((await connect()).acknowledged).toBe(true);
    const third = await connect();
    expect(third.acknowledged).toBe(false);
    expect((await third.closed).code).toBe(4408);
    // Another user of the merchant has a cap of its own.
    expect((await connect('demo-acme-admin')).acknowledged).toBe(true);
  });

  it('subscriptions: over all the token\'s connections, the third of two is refused with TOO_MANY_SUBSCRIPTIONS', async () => {
    await serve({ maxSubscriptionsPerToken: 2 });
    const first = await connect();
    const second = await connect();
    first.subscribe(LINK_CHANGED);
    second.subscribe(LINK_CHANGED);
    await listening(server, 2);
    const third = second.subscribe(LINK_CHANGED);
    await third.until(1);
    expect(third.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'TOO_MANY_SUBSCRIPTIONS', limit: 2 }) })]);
  });
});

describe('live updates: clients that stop reading or answering', () => {
  it('a connection that does not answer pings is closed', async () => {
    await serve({ pingIntervalMs: 50 });
    const { closed } = await rawClient({ autoPong: false });
    expect(await closed).toBe(1006);
    await disconnected();
    expect(server.app.http.subscriptions.connectionCount).toBe(0);
  });

  it('a client that answers pings stays connected and keeps receiving', async () => {
    await serve({ pingIntervalMs: 100 });
    const client = await connect();
    const changes = client.subscribe(LINK_CHANGED);
    await listening(server, 1);
    // Several ping rounds pass while this client answers them (ws answers pings by itself).
    for (let round = 0; round < 4; round += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    await startLink(server);
    await changes.until(1);
    expect(changes.data).toHaveLength(1);
  });

  it('a slow consumer (a client that stops reading) is dropped once its unsent bytes pass the limit, instead of buffering without bound', async () => {
    await serve({ maxBufferedBytes: 64 * 1024 });
    await onboard(server);
    const products = await server.app.dataSource.manager.find(CatalogProduct, { select: { id: true, merchantId: true } });
    const { socket } = await rawClient();
    const selections = Array.from({ length: 15 }, (_, index) => `p${index}: products { id sku amazonSku title offerPrime listed updatedAt price { amount currencyCode } }`).join(' ');
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { offerPrimeChanged { ${selections} } }` } }));
    await listening(server, 1);
    // The client stops reading; change sets keep coming (committed transactions that record one), each a few tens of kilobytes.
    (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const event = { type: 'OFFER_PRIME' as const, merchantId: products[0].merchantId, productIds: products.filter((product) => product.merchantId === products[0].merchantId).map((product) => product.id) };
    for (let sent = 0; sent < 20_000 && server.app.http.subscriptions.connectionCount > 0; sent += 1) {
      await server.app.transactions.run(async (manager) => recordChange(manager, event));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await disconnected();
    expect(server.app.http.subscriptions.connectionCount).toBe(0);
  });
});

/** Waits (a bounded number of turns) for the server to have let go of every connection. */
async function disconnected(): Promise<void> {
  for (let wait = 0; wait < 500 && server.app.http.subscriptions.connectionCount > 0; wait += 1) await new Promise((resolve) => setTimeout(resolve, 10));
}
