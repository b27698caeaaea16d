import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, UnsafeProduction } from '../../src/app';
import { ConfigError, loadConfig } from '../../src/config';
import { estimatedEntropyBits, secretProblem } from '../../src/shared/secret-strength';
import { originAllowed } from '../../src/server/cors';
import { FakeClock } from '../support/fake-clock';
import { freshDatabase } from '../support/test-database';
import { startTestServer, testConfig } from '../support/test-server';

const signIn = { AUTH_JWKS_URL: 'https://login.bwp.example/.well-known/jwks.json', AUTH_ISSUER: 'https://login.bwp.example/', AUTH_AUDIENCE: 'bwp-merchant-console' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('production refuses to start unsafe, naming each problem', () => {
  it('demo data, no sign-in provider, the sandbox by default, an old shared webhook secret: all named at once', () => {
    expect(problems({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true', WEBHOOK_SECRET: 'development-webhook-secret' })).toEqual([
      'SELLER_CENTRAL must be set in production: sp-api (the Selling Partner API), or sandbox to run on the sandbox on purpose',
      'AUTH_JWKS_URL must be set in production (with AUTH_ISSUER and AUTH_AUDIENCE): the sign-in provider\'s JWKS URL',
      'SEED_DEMO_DATA must not be true in production: demo users have well-known tokens',
      'WEBHOOK_SECRET is no longer read: each merchant has its own webhook secrets (rotateWebhookSecret); unset it',
    ]);
  });

  it('a secret with less than 128 bits of entropy, or a published one, is refused by name', () => {
    const env = {
      NODE_ENV: 'production', ...signIn, SELLER_CENTRAL: 'sp-api', LWA_CLIENT_ID: 'amzn1.application-oa2-client.abc', LWA_CLIENT_SECRET: 'hunter2hunter2hunter2',
      SP_API_APPLICATION_ID: 'amzn1.sp.solution.abc', SP_API_REDIRECT_URI: 'https://api.bwp.example/seller-central/callback', TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      CONSOLE_URL: 'https://console.bwp.example/settings', SP_API_NOTIFICATION_SECRET: 'development-notification-secret', SP_API_NOTIFICATION_DESTINATION_ID: 'dest',
    };
    expect(problems(env)).toEqual([
      'SP_API_NOTIFICATION_SECRET is a published development value: generate one with `openssl rand -base64 32`',
      expect.stringMatching(/^LWA_CLIENT_SECRET has about \d+ bits of entropy, under the 128 required/),
    ]);
    expect(problems({ ...env, LWA_CLIENT_SECRET: randomBytes(32).toString('hex'), SP_API_NOTIFICATION_SECRET: randomBytes(32).toString('base64') })).toEqual([]);
  });

  it('entropy is estimated from the alphabet and the spread of the characters', () => {
    expect(estimatedEntropyBits(randomBytes(32).toString('base64'))).toBeGreaterThan(200);
    expect(estimatedEntropyBits(randomBytes(16).toString('hex'))).toBeGreaterThanOrEqual(128);
    expect(estimatedEntropyBits('a'.repeat(100))).toBeLessThan(128);
    expect(secretProblem('correct-horse-battery')).toMatch(/under the 128 required/);
  });

  it('a database with demo users or demo webhook secrets is refused at start, even with every setting right', async () => {
    const fresh = await freshDatabase();
    // On SQLite, a file (an in-memory database would not outlive the first app).
    const folder = mkdtempSync(join(tmpdir(), 'bwp-production-safety-'));
    const database = fresh.config.type === 'postgres' ? fresh : { config: { type: 'better-sqlite3' as const, path: join(folder, 'seeded.sqlite') }, drop: fresh.drop };
    try {
      const seeded = await createApp(testConfig({ database: database.config }), { clock: new FakeClock() });
      await seeded.stop();
      const config = testConfig({ database: database.config, environment: 'production', seedDemoData: false, sandboxControls: false, auth: { mode: 'oidc', ...{ jwksUrl: signIn.AUTH_JWKS_URL, issuer: signIn.AUTH_ISSUER, audience: signIn.AUTH_AUDIENCE } } });
      const refusal = await createApp(config, { clock: new FakeClock() }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(UnsafeProduction);
      expect((refusal as UnsafeProduction).problems).toEqual([
        expect.stringMatching(/^the database has 6 demo user\(s\), whose tokens anyone can make/),
        expect.stringMatching(/^the database has 2 demo webhook secret\(s\), published in the README/),
      ]);
    } finally {
      await database.drop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('CORS for the console\'s origins', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });

  it('development allows http://localhost on any port, with the authorization and content-type headers; other origins get no CORS headers', async () => {
    const server = await startTestServer();
    try {
      const allowed = await preflight(server.url, 'http://localhost:5173');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(allowed.headers.get('access-control-allow-headers')).toMatch(/content-type/);
      const other = await preflight(server.url, 'https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      // A simple request from the console's origin carries the header too; Apollo's CSRF prevention still applies to GETs.
      const post = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { origin: 'http://localhost:3000', 'content-type': 'application/json', authorization: `Bearer ${await server.signIn('demo-acme-owner')}` }, body: '{"query":"{ viewer { user { id } } }"}' });
      expect(post.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
      const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ viewer { user { id } } }')}`, { headers: { origin: 'http://localhost:3000' } });
      expect(get.status).toBe(400);
    } finally {
      await server.stop();
    }
  });

  it('CORS_ORIGINS lists exact origins; production allows none by default', () => {
    expect(originAllowed('https://console.bwp.example', ['https://console.bwp.example'])).toBe(true);
    expect(originAllowed('https://console.bwp.example.evil.example', ['https://console.bwp.example'])).toBe(false);
    expect(originAllowed('http://localhost:8080', ['http://localhost:*'])).toBe(true);
    expect(originAllowed('http://localhost:8080.evil.example', ['http://localhost:*'])).toBe(false);
    expect(originAllowed('http://localhost.evil.example:80', ['http://localhost:*'])).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...signIn, SELLER_CENTRAL: 'sandbox' }).corsOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production', ...signIn, SELLER_CENTRAL: 'sandbox', CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
