import { App, AppOverrides, createApp } from '../../src/app';
import { AppConfig, loadConfig } from '../../src/config';
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
  /** Sends a GraphQL document over HTTP as the holder of `token` (a demo user's token by default). */
  gql<TData = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<TData>>;
  stop(): Promise<void>;
}

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
  return {
    app,
    url,
    clock,
    sql,
    async gql(query, variables = {}, token: string | null = 'demo-acme-owner') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== null) headers.authorization = `Bearer ${token}`;
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
