import { PassThrough } from 'node:stream';
import { onboard, productsBySku, toggle } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/** What a person reads: 401s that say what is wrong, errors without stack traces, a log that tells the story. */
async function loggedServer(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const lines: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  const server = await startTestServer({ logLevel: 'info', ...overrides }, { logStream: stream });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { server, lines, settle, entries: () => lines.map((line) => JSON.parse(line) as Record<string, any>) };
}

async function post(server: TestServer, headers: Record<string, string>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ viewer { user { id } } }' }),
  });
  return { status: response.status, body: (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> } };
}

describe('401s say what is wrong with the token, and never echo it', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it.each([
    ['missing', {}, 'MISSING', 'Sign in: send your token as "Authorization: Bearer <token>".'],
    ['malformed', { authorization: 'Token demo-acme-owner' }, 'MALFORMED', 'is not "Bearer <token>"'],
    ['malformed (quoted)', { authorization: 'Bearer "demo-acme-owner"' }, 'MALFORMED', 'without quotes or spaces'],
    ['unknown', { authorization: 'Bearer demo-acme-typo' }, 'UNKNOWN', 'mistyped, or issued for another environment'],
    ['unknown API token', { authorization: 'Bearer bwpc_demo-acme-typo' }, 'UNKNOWN', 'mistyped, or issued for another environment'],
  ])('a %s token', async (_case, headers, reason, message) => {
    const { status, body } = await post(server, headers);
    expect(status).toBe(401);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason } });
    expect(body.errors[0].message).toContain(message);
    expect(JSON.stringify(body)).not.toContain('demo-acme');
  });
});

describe('no stack traces on expected errors, in development too', () => {
  it('UNAUTHENTICATED, FORBIDDEN, validation errors and user errors carry no stacktrace with NODE_ENV=development', async () => {
    const server = await startTestServer({ environment: 'development' });
    try {
      const answers = [
        await server.gql('{ viewer { user { id } } }', {}, null),
        await server.gql('{ catalogProducts { nodes { id } } }', {}, 'demo-acme-staff'),
        await server.gql('mutation($input: RequestUnlinkInput!) { requestUnlink(input: $input) { userErrors { code } } }', { input: { reason: '' } }),
        await server.gql('{ catalogProducts(first: 1000) { nodes { id } } }'),
        await server.gql('{ node(id: "nonsense") { id } }'),
      ];
      expect(answers.map(({ body }) => body.errors?.[0]?.extensions?.code)).toEqual(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'INVALID_ID']);
      expect(JSON.stringify(answers.map(({ body }) => body))).not.toMatch(/stacktrace|\/work\/|node_modules/);
    } finally {
      await server.stop();
    }
  });
});

describe('the log', () => {
  it('L6, U3, U6: one line per background move (onboarding steps, the unlink beginning and completing), with the merchant and the link', async () => {
    const { server, entries, settle } = await loggedServer({ unlinkProcessingHours: 1 });
    try {
      const linkId = await onboard(server);
      await server.gql('mutation { requestUnlink(input: { reason: "Closing" }) { userErrors { code } } }');
      await server.app.unlinking.advance();
      server.clock.advanceSeconds(3600);
      await server.app.unlinking.advance();
      await settle();
      const moves = entries().filter((entry) => entry.task);
      const merchantId = '0190c0de-0000-7000-8000-00000000a001';
      expect(moves.map((entry) => entry.msg)).toEqual([
        'Onboarding step started: Identify inventory in Amazon fulfillment centers',
        expect.stringMatching(/^Onboarding step succeeded: Identify inventory in Amazon fulfillment centers\. Identified fulfillment-center inventory for \d+ SKU\(s\)\.$/),
        'Onboarding step started: Import the Amazon listings',
        expect.stringMatching(/^Onboarding step succeeded: Import the Amazon listings\. Imported 6 listing\(s\)/),
        'Onboarding step started: Register for Amazon Pay',
        'Onboarding step succeeded: Register for Amazon Pay.',
        'Onboarding step started: Activate Prime shipping',
        'Onboarding step succeeded: Activate Prime shipping.',
        'Unlinking began: no Buy with Prime order is open any more',
        'Unlinking completed: the link is history',
      ]);
      const rawLinkId = Buffer.from(linkId, 'base64url').toString().split(':')[1];
      for (const move of moves) expect(move).toMatchObject({ merchantId, linkId: rawLinkId });
    } finally {
      await server.stop();
    }
  });

  it('L6: a failed step is logged with its reason', async () => {
    const { server, entries, settle } = await loggedServer();
    try {
      await server.gql('mutation { sandboxUpdateSellerAccount(input: { sellerAccountId: "A1NORTHWINDPRO", amazonPayOutcome: "FAILS" }) { userErrors { code } } }');
      await onboard(server);
      await settle();
      expect(entries().find((entry) => entry.msg.startsWith('Onboarding step failed'))).toMatchObject({
        task: 'onboarding',
        step: 'REGISTER_AMAZON_PAY',
        msg: expect.stringContaining('Amazon Pay could not verify the business details'),
      });
    } finally {
      await server.stop();
    }
  });

  it('P2: the request line names the codes of what was refused, and each field appears once', async () => {
    const { server, entries, settle } = await loggedServer();
    try {
      await onboard(server);
      const products = await productsBySku(server);
      await toggle(server, products['NW-LAMP-HD'].id, true);
      await settle();
      const line = entries().filter((entry) => entry.msg === 'request').at(-1)!;
      expect(line).toMatchObject({ operationName: 'Toggle', outcome: 'user_errors', errorCodes: ['PRODUCT_NOT_ELIGIBLE'], requestId: expect.any(String) });
      expect(line).not.toHaveProperty('reqId');
    } finally {
      await server.stop();
    }
  });

  it('LOG_FORMAT=pretty writes lines a person reads, not JSON', async () => {
    const { server, lines, settle } = await loggedServer({ logFormat: 'pretty' });
    try {
      await server.gql('query WhoAmI { viewer { user { id } } }');
      await settle();
      const line = lines.find((candidate) => candidate.includes('request'));
      expect(line).toMatch(/INFO.*request/);
      expect(() => JSON.parse(line!)).toThrow();
    } finally {
      await server.stop();
    }
  });
});
