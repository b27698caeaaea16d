import { freshDatabase, onPostgres, TestDatabase } from '../support/test-database';
import { onboard } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Issue 15: on PostgreSQL no statement of a request runs past DATABASE_STATEMENT_TIMEOUT_MS, so one tenant's
 * request cannot hold a connection and a core for long; the client gets QUERY_TIMEOUT. SQLite has no such
 * timeout (a statement runs on the event loop to its end), so these run in `npm run test:postgres` only.
 */
(onPostgres ? describe : describe.skip)('DATABASE_STATEMENT_TIMEOUT_MS (PostgreSQL only: SQLite cannot cancel a statement)', () => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await freshDatabase();
    if (database.config.type !== 'postgres') throw new Error('PostgreSQL expected');
    server = await startTestServer({ database: { ...database.config, statementTimeoutMs: 300 } });
  });

  afterAll(async () => {
    await server.stop();
    await database.drop();
  });

  it('a statement that runs longer is cancelled by PostgreSQL', async () => {
    await expect(server.app.dataSource.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ driverError: { code: '57014' } });
    expect(await server.app.dataSource.query('SELECT 1 AS done FROM pg_sleep(0.05)')).toEqual([{ done: 1 }]);
  });

  it('every pooled connection keeps the timeout after the migrations ran without it', async () => {
    const settings = await Promise.all(Array.from({ length: 5 }, () => server.app.dataSource.query('SHOW statement_timeout')));
    expect(settings.map(([row]) => row.statement_timeout)).toEqual(Array(5).fill('300ms'));
  });

  it('a request whose statement is cancelled gets QUERY_TIMEOUT with a remedy, no stack trace, and the rest of its answer', async () => {
    await onboard(server);
    await server.gql('mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }');
    await server.gql('mutation { requestUnlink(input: { reason: "timeout" }) { userErrors { code } } }');
    const slow = jest.spyOn(server.app.unlinking, 'waitFor').mockImplementation(() => server.app.dataSource.query('SELECT pg_sleep(2)'));
    try {
      const { status, body } = await server.gql('{ unlinkRequest { state waitingFor { orderCount } } }');
      expect(status).toBe(200);
      expect(body.data.unlinkRequest).toEqual({ state: 'WAITING', waitingFor: null });
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('Ask for a smaller page or a narrower filter, or try again in a moment.'),
          path: ['unlinkRequest', 'waitingFor'],
          extensions: { code: 'QUERY_TIMEOUT' },
        }),
      ]);
    } finally {
      slow.mockRestore();
    }
  });
});
