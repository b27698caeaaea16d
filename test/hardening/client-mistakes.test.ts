import { PassThrough } from 'node:stream';
import { startTestServer, TestServer } from '../support/test-server';

/** A server whose log lines the test reads. */
async function loggedServer(environment: 'development' | 'production') {
  const lines: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  const server = await startTestServer({ logLevel: 'info', environment, sandboxControls: false, introspection: false }, { logStream: stream });
  // The first signed-in request fetches the sign-in keys (a request line of its own, in development); then the log starts empty.
  await server.gql('{ viewer { user { id } } }');
  await new Promise((resolve) => setImmediate(resolve));
  lines.length = 0;
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, any>);
  return { server, lines, entries };
}

async function send(server: TestServer, body: unknown) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.signIn('demo-acme-owner')}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
}

/** Waits for the request's own log line, written once its answer has gone out (so after the client has it). */
async function settle(logged: Awaited<ReturnType<typeof loggedServer>>, before: number): Promise<void> {
  for (let waited = 0; !logged.entries().slice(before).some((line) => line.msg === 'request'); waited += 10) {
    if (waited > 10_000) throw new Error('no request line was logged');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const mistakes: Array<[string, unknown, string]> = [
  ['a wrong persisted-query hash', { query: '{ viewer { user { id } } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }, 'PERSISTED_QUERY_HASH_MISMATCH'],
  ['an unknown persisted query', { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }, 'PERSISTED_QUERY_NOT_FOUND'],
  ['a subscription over HTTP', { query: 'subscription { orderChanged { id } }' }, 'OPERATION_NOT_SUPPORTED'],
  ['an enum value that does not exist', { query: '{ orders(filter: { states: [PLACD] }) { nodes { id } } }' }, 'GRAPHQL_VALIDATION_FAILED'],
  ['a variable of the wrong type', { query: 'query($n: Int) { orders(first: $n) { nodes { id } } }', variables: { n: 'secret-value' } }, 'BAD_USER_INPUT'],
];

describe.each(['development', 'production'] as const)('client mistakes are client errors (%s)', (environment) => {
  let logged: Awaited<ReturnType<typeof loggedServer>>;
  beforeAll(async () => {
    logged = await loggedServer(environment);
  });
  afterAll(async () => {
    await logged.server.stop();
  });

  it.each(mistakes)('%s: its own code, no stack trace, one info line with the code and nothing at error level', async (_name, body, code) => {
    const before = logged.lines.length;
    const answer = await send(logged.server, body);
    await settle(logged, before);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.errors?.[0].extensions.code).toBe(code);
    expect(answer.body.errors?.[0].message).not.toMatch(/^Internal server error/);
    const lines = logged.entries().slice(before);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(JSON.stringify(lines)).not.toMatch(/"stack"|stacktrace/);
    expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace|node_modules/);
    expect(lines.find((line) => line.msg === 'request')).toMatchObject({ level: 30, errorCodes: [code] });
  });
});

describe('production suggests nothing and echoes no variable value', () => {
  let logged: Awaited<ReturnType<typeof loggedServer>>;
  beforeAll(async () => {
    logged = await loggedServer('production');
  });
  afterAll(async () => {
    await logged.server.stop();
  });

  it('no "Did you mean" for enum values, in literals or variables', async () => {
    const literal = await send(logged.server, { query: '{ orders(filter: { states: [PLACD] }) { nodes { id } } }' });
    const variable = await send(logged.server, { query: 'query($s: [OrderState!]) { orders(filter: { states: $s }) { nodes { id } } }', variables: { s: ['PLACD'] } });
    expect(JSON.stringify([literal.body, variable.body])).not.toMatch(/Did you mean|"PLACED"/);
    expect(variable.body.errors?.[0]).toMatchObject({
      message: 'Variable "$s" got an invalid value at "s[0]": it is not a value of the enum OrderState. Check it against the schema.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('a coercion error names the variable and the type, not the value sent', async () => {
    const before = logged.lines.length;
    const answer = await send(logged.server, { query: 'query($n: Int) { orders(first: $n) { nodes { id } } }', variables: { n: 'secret-value' } });
    expect(answer.body.errors?.[0].message).toBe('Variable "$n" got an invalid value: the type Int cannot represent it. Check it against the schema.');
    await settle(logged, before);
    expect(logged.lines.join('\n')).not.toContain('secret-value');
  });
});
