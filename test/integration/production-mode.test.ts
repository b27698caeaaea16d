import { START } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ environment: 'production', sandboxControls: false });
});

afterAll(async () => {
  await server.stop();
});

describe('outside development', () => {
  it('an unexpected error is masked: INTERNAL_SERVER_ERROR, no message from inside, no stack trace', async () => {
    const spy = jest.spyOn(server.app.linking, 'startLink').mockRejectedValueOnce(new Error('secret detail of /srv/db.sqlite'));
    const response = await server.gql(START, { input: { agreedToDataUse: true } });
    spy.mockRestore();
    expect(response.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR' }, message: expect.stringContaining('x-request-id') }),
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/secret|stacktrace|\.ts:|\.js:/);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('user errors and authentication errors carry no stack trace either', async () => {
    const forbidden = await server.gql('{ sellerCentralLink { state } }', {}, 'demo-acme-staff');
    const unauthenticated = await server.gql('{ viewer { user { id } } }', {}, null);
    expect(JSON.stringify([forbidden.body, unauthenticated.body])).not.toContain('stacktrace');
  });

  it('the sandbox controls do not exist', async () => {
    const response = await server.gql('{ sandboxSellerAccounts { id } }');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('health routes', () => {
  it('/healthz answers while the process is up; /readyz checks the database and its migrations', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('/readyz is 503 when the database is gone', async () => {
    const other = await startTestServer();
    await other.app.dataSource.destroy();
    const response = await fetch(`${other.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable' });
    await other.stop();
  });
});
