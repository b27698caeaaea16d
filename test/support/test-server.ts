import { App, AppOverrides, createApp } from '../../src/app';
import { AppConfig, loadConfig } from '../../src/config';
import { demoUsers } from '../../src/demo/demo-data';
import { FakeClock } from './fake-clock';
import { SqlCounter } from './sql-counter';
import { freshDatabase } from './test-database';

export interface GraphQLResponse<TData = any> {
  status: number;
  headers: Headers;
  body: { data?: TData; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>; extensions?: Record<string, unknown> };
}

export interface TestServer {
  app: App;
  url: string;
  clock: FakeClock;
  sql: SqlCounter;
  /**
   * Sends a GraphQL document over HTTP as `as`: a demo user's subject (`demo-acme-owner`, the default),
   * for whom the development issuer signs a JWT now, as a sign-in provider would; or any other token as
   * it is; or null for no Authorization header.
   */
  gql<TData = any>(query: string, variables?: Record<string, unknown>, as?: string | null): Promise<GraphQLResponse<TData>>;
  /** A JWT for a demo user's subject, signed now by the app's development issuer. */
  signIn(subject: string, claims?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

const demoSubjects = new Set(demoUsers.map((user) => user.subject));

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ NODE_ENV: 'test' }),
    port: 0,
    database: { type: 'better-sqlite3', path: ':memory:' },
    seedDemoData: true,
    sandboxControls: true,
    ...overrides,
  };
}

/**
 * A real server on an ephemeral port of 127.0.0.1, with a fake clock and a fresh database of its own
 * (in-memory SQLite, or a new PostgreSQL database when the suite runs on PostgreSQL).
 */
export async function startTestServer(overrides: Partial<AppConfig> = {}, appOverrides: AppOverrides = {}): Promise<TestServer> {
  const clock = new FakeClock();
  const sql = new SqlCounter();
  const database = overrides.database ? { config: overrides.database, drop: async () => undefined } : await freshDatabase();
  const app = await createApp(testConfig({ ...overrides, database: database.config }), { clock, sqlLogger: sql, ...appOverrides });
  const url = await app.start();
  const signIn = async (subject: string, claims: Record<string, unknown> = {}) => {
    if (!app.developmentIssuer) throw new Error('This test server signs users in through a provider, not the development issuer.');
    return app.developmentIssuer.sign(subject, claims);
  };
  return {
    app,
    url,
    clock,
    sql,
    signIn,
    async gql(query, variables = {}, as: string | null = 'demo-acme-owner') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as !== null) headers.authorization = `Bearer ${demoSubjects.has(as) ? await signIn(as) : as}`;
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse['body'] };
    },
    stop: async () => {
      if (app.dataSource.isInitialized) await app.stop();
      else await app.http.close();
      await database.drop();
    },
  };
}
