import { App, AppOverrides, createApp } from '../../src/app';
import { AppConfig, loadConfig } from '../../src/config';
import { DEVELOPMENT_ISSUER } from '../../src/auth/development-issuer';
import { MerchantUser } from '../../src/auth/merchant-user.entity';
import { demoUsers, seedDemoData } from '../../src/demo/demo-data';
import { FakeIdentityProvider } from './fake-identity-provider';
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
  /** The local sign-in provider of a production test server (null: the development issuer signs). */
  provider: FakeIdentityProvider | null;
  /** A JWT for a demo user's subject, signed now by the app's development issuer (or the provider, in production). */
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
  // Production has no development issuer and no demo data: users sign in through a provider (a local
  // one here), and the demo merchants and users are added once the server has started, as its operator would.
  const production = overrides.environment === 'production';
  const provider = production && !overrides.auth ? await FakeIdentityProvider.start() : null;
  const productionOverrides: Partial<AppConfig> = production ? { auth: overrides.auth ?? provider!.authConfig, seedDemoData: false } : {};
  const app = await createApp(testConfig({ ...overrides, ...productionOverrides, database: database.config }), { clock, sqlLogger: sql, ...appOverrides });
  const auth = app.config.auth;
  if (production && auth.mode === 'oidc') {
    await app.transactions.run(async (manager) => {
      await seedDemoData(manager, clock.now());
      await manager.update(MerchantUser, { issuer: DEVELOPMENT_ISSUER }, { issuer: auth.issuer });
    });
  }
  const url = await app.start();
  const signIn = async (subject: string, claims: Record<string, unknown> = {}) => {
    if (provider) return provider.sign(subject, { claims, now: clock.now() });
    if (!app.developmentIssuer) throw new Error('This test server signs users in through a provider: sign tokens with it.');
    return app.developmentIssuer.sign(subject, claims);
  };
  return {
    app,
    url,
    clock,
    sql,
    provider,
    signIn,
    async gql(query, variables = {}, as: string | null = 'demo-acme-owner') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as !== null) headers.authorization = `Bearer ${demoSubjects.has(as) ? await signIn(as) : as}`;
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse['body'] };
    },
    stop: async () => {
      if (app.dataSource.isInitialized) await app.stop();
      else {
        await app.http.close();
        await app.changes.close();
      }
      await provider?.stop();
      await database.drop();
    },
  };
}
