import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { secretProblem } from './shared/secret-strength';
/**
 * Configuration comes from the environment, is validated once at start, and is then passed down
 * explicitly. Every bad value is reported at once, with the variable's name and what it expects.
 */

export type Environment = 'development' | 'test' | 'production';

export type DatabaseConfig =
  | {
      type: 'better-sqlite3';
      /** A file path, or `:memory:` for a database that lives as long as the process. */
      path: string;
    }
  | {
      type: 'postgres';
      /** postgres://user:password@host:port/database */
      url: string;
      /** Connections per server process. */
      poolSize: number;
      /**
       * PostgreSQL cancels any statement of a request that runs longer (0: never), so that no request can
       * hold a connection and a core for long; migrations run without it.
       */
      statementTimeoutMs?: number;
    };

export interface AppConfig {
  environment: Environment;
  host: string;
  port: number;
  /** pino levels: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** JSON lines (for machines), or pretty lines for a person watching a development server. */
  logFormat: 'json' | 'pretty';
  database: DatabaseConfig;
  /** Seed the demo merchants, users and sandbox accounts on start (once; a second start adds nothing). */
  seedDemoData: boolean;
  /** The dev-only sandbox mutations that stand in for Seller Central's pages. Never on in production. */
  sandboxControls: boolean;
  /** How long a sandbox Seller Central authorization code stays valid. */
  authorizationCodeTtlSeconds: number;
  /** How often the background worker runs (onboarding steps, unlinking); 0 turns it off (tests drive it by hand). */
  workerIntervalMs: number;
  /** O2: days after delivery that a returnable item can be returned. */
  returnWindowDays: number;
  /** U6: how long unlinking takes once it has begun. */
  unlinkProcessingHours: number;
  /** O4: how long a merchant's previous webhook secret still verifies events after a rotation. */
  webhookSecretOverlapHours: number;
  /** O4: how old a webhook's timestamp may be before it is refused as a replay. */
  webhookToleranceSeconds: number;
  /** GraphiQL at /graphiql, served from the project's own dependencies. */
  graphiql: boolean;
  /** How long a worker holds an onboarding step before another may take it over (after a crash). */
  onboardingLeaseSeconds: number;
  /** Schema introspection (and with it GraphiQL's docs); on by default in development only. */
  introspection: boolean;
  /**
   * Each token's budget of query-cost points, and how many come back each second; and each merchant's,
   * which all of its users and tokens share (a request takes its cost from both).
   */
  rateLimit: { capacity: number; restorePerSecond: number; merchantCapacity: number; merchantRestorePerSecond: number };
  /**
   * Fair shares of an instance: `slots` operations of one merchant run at once (MERCHANT_CONCURRENT_OPERATIONS),
   * `queue` more wait their turn (MERCHANT_QUEUED_OPERATIONS); past that, TOO_MANY_CONCURRENT_REQUESTS.
   */
  merchantTurns: { slots: number; queue: number };
  /** DataLoader batching; off only for the benchmark's naive baseline. */
  dataLoaderBatching: boolean;
  /**
   * Operations run as functions compiled by graphql-jit (see server/jit-executor.ts) instead of graphql-js's
   * interpreter: 13–18% less CPU per page, but about 90 MB more peak RSS under load on SQLite (docs/benchmarks.md),
   * over the 150 MB the server is held to, so it is off unless asked for.
   */
  graphqlJit: boolean;
  /** How long a signed-in viewer is kept by its token's hash (see auth/viewer-cache.ts); 0 turns the cache off. */
  viewerCacheTtlMs: number;
  /** Which Seller Central the app talks to: the embedded sandbox, or Amazon's Selling Partner API. */
  sellerCentral: SellerCentralConfig;
  /** Who signs users in: an OpenID Connect provider, or (outside production) this server's development issuer. */
  auth: AuthConfig;
  /** Origins whose browsers may call the API (CORS); `localhost` on any port is `http://localhost:*`. */
  corsOrigins: string[];
  /** Slow and failing clients (issue 15): socket timeouts, and the per-address limit on failed requests. */
  clientLimits: ClientLimitsConfig;
  /** GraphQL subscriptions over WebSocket on /graphql (see live/ and server/subscription-server.ts). */
  subscriptions: SubscriptionsConfig;
}

export interface SubscriptionsConfig {
  /** Open WebSocket connections per token (an API token, or a user's sign-ins). */
  maxConnectionsPerToken: number;
  /** Active subscriptions per token, over all its connections. */
  maxSubscriptionsPerToken: number;
  /** A connection whose unsent bytes pass this is a slow consumer, and is closed (1013). */
  maxBufferedBytes: number;
  /** Events waiting for one subscription beyond this: a slow consumer too. */
  maxQueuedEvents: number;
  /** How often each connection is pinged; one that has not answered the previous ping is closed. 0: never. */
  pingIntervalMs: number;
  /** How long a connection may take to send connection_init. */
  connectionInitTimeoutMs: number;
}

export function subscriptionsFromEnv(reader: Reader): SubscriptionsConfig {
  return {
    maxConnectionsPerToken: reader.integer('SUBSCRIPTION_CONNECTIONS_PER_TOKEN', 5, 1, 1000),
    maxSubscriptionsPerToken: reader.integer('SUBSCRIPTIONS_PER_TOKEN', 20, 1, 10_000),
    maxBufferedBytes: reader.integer('SUBSCRIPTION_MAX_BUFFERED_BYTES', 1024 * 1024, 1024, 256 * 1024 * 1024),
    maxQueuedEvents: reader.integer('SUBSCRIPTION_MAX_QUEUED_EVENTS', 100, 1, 100_000),
    pingIntervalMs: reader.integer('SUBSCRIPTION_PING_INTERVAL_MS', 30_000, 0, 3_600_000),
    connectionInitTimeoutMs: reader.integer('SUBSCRIPTION_INIT_TIMEOUT_MS', 3_000, 100, 60_000),
  };
}

/** The token's and the merchant's cost budgets; a merchant's is at least a token's (3× by default). */
function rateLimitFromEnv(reader: Reader): AppConfig['rateLimit'] {
  // The maxima leave room for benchmarks, whose one token asks for thousands of 150-point pages a second.
  const capacity = reader.integer('RATE_LIMIT_POINTS', 4000, 2000, 100_000_000);
  const restorePerSecond = reader.integer('RATE_LIMIT_RESTORE_PER_SECOND', 200, 1, 10_000_000);
  const merchantCapacity = reader.integer('RATE_LIMIT_MERCHANT_POINTS', 3 * capacity, 2000, 300_000_000);
  const merchantRestorePerSecond = reader.integer('RATE_LIMIT_MERCHANT_RESTORE_PER_SECOND', 3 * restorePerSecond, 1, 30_000_000);
  if (merchantCapacity < capacity) reader.problems.push(`RATE_LIMIT_MERCHANT_POINTS (${merchantCapacity}) must be at least RATE_LIMIT_POINTS (${capacity})`);
  if (merchantRestorePerSecond < restorePerSecond) {
    reader.problems.push(`RATE_LIMIT_MERCHANT_RESTORE_PER_SECOND (${merchantRestorePerSecond}) must be at least RATE_LIMIT_RESTORE_PER_SECOND (${restorePerSecond})`);
  }
  return { capacity, restorePerSecond, merchantCapacity, merchantRestorePerSecond };
}

export type AuthConfig =
  | {
      mode: 'oidc';
      /** The provider's JWKS (AUTH_JWKS_URL), e.g. https://example.eu.auth0.com/.well-known/jwks.json. */
      jwksUrl: string;
      /** `iss` of the provider's tokens (AUTH_ISSUER). */
      issuer: string;
      /** What `aud` must contain (AUTH_AUDIENCE): this API's identifier at the provider. */
      audience: string;
    }
  | {
      mode: 'development-issuer';
      /** Where the development issuer's key is kept; null keeps it in memory (tests, in-memory databases). */
      keyPath: string | null;
    };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export class Reader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  string(name: string, fallback: string): string {
    const value = this.env[name];
    if (value === undefined || value === '') return fallback;
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.string(name, fallback);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }
}

/** PostgreSQL when DATABASE_URL is set, else the embedded SQLite file at DATABASE_PATH. */
export function databaseConfigFromEnv(env: Env, reader = new Reader(env)): DatabaseConfig {
  const url = reader.string('DATABASE_URL', '');
  if (url) {
    if (!/^postgres(ql)?:\/\/[^\s]+$/.test(url)) reader.problems.push('DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite database)');
    return {
      type: 'postgres',
      url,
      poolSize: reader.integer('DATABASE_POOL_SIZE', 10, 1, 100),
      statementTimeoutMs: reader.integer('DATABASE_STATEMENT_TIMEOUT_MS', 5000, 0, 3_600_000),
    };
  }
  return { type: 'better-sqlite3', path: reader.string('DATABASE_PATH', 'data/bwp-console.sqlite') };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const reader = new Reader(env);
  const environment = reader.oneOf<Environment>('NODE_ENV', ['development', 'test', 'production'], 'development');
  const production = environment === 'production';
  const sandboxControls = reader.boolean('SANDBOX_CONTROLS', !production);
  if (production && sandboxControls) {
    reader.problems.push('SANDBOX_CONTROLS cannot be true when NODE_ENV is production');
  }
  const config: AppConfig = {
    environment,
    host: reader.string('HOST', '127.0.0.1'),
    port: reader.integer('PORT', 4000, 0, 65535),
    logLevel: reader.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], environment === 'test' ? 'silent' : 'info'),
    logFormat: reader.oneOf('LOG_FORMAT', ['json', 'pretty'], 'json'),
    database: databaseConfigFromEnv(env, reader),
    seedDemoData: reader.boolean('SEED_DEMO_DATA', !production),
    sandboxControls,
    authorizationCodeTtlSeconds: reader.integer('AUTHORIZATION_CODE_TTL_SECONDS', 300, 1, 3600),
    workerIntervalMs: reader.integer('WORKER_INTERVAL_MS', environment === 'test' ? 0 : 1000, 0, 3_600_000),
    returnWindowDays: reader.integer('RETURN_WINDOW_DAYS', 30, 0, 365),
    unlinkProcessingHours: reader.integer('UNLINK_PROCESSING_HOURS', 72, 0, 24 * 90),
    webhookSecretOverlapHours: reader.integer('WEBHOOK_SECRET_OVERLAP_HOURS', 24, 0, 24 * 30),
    webhookToleranceSeconds: reader.integer('WEBHOOK_TOLERANCE_SECONDS', 300, 1, 3600),
    graphiql: reader.boolean('GRAPHIQL', environment === 'development'),
    onboardingLeaseSeconds: reader.integer('ONBOARDING_LEASE_SECONDS', 300, 1, 86_400),
    introspection: reader.boolean('INTROSPECTION', environment === 'development'),
    rateLimit: rateLimitFromEnv(reader),
    merchantTurns: { slots: reader.integer('MERCHANT_CONCURRENT_OPERATIONS', 2, 1, 64), queue: reader.integer('MERCHANT_QUEUED_OPERATIONS', 64, 0, 10_000) },
    dataLoaderBatching: reader.boolean('DATALOADER_BATCHING', true),
    graphqlJit: reader.boolean('GRAPHQL_JIT', false),
    viewerCacheTtlMs: reader.integer('VIEWER_CACHE_TTL_MS', 5000, 0, 60_000),
    sellerCentral: sellerCentralConfigFromEnv(env, environment, reader),
    auth: { mode: 'development-issuer', keyPath: null },
    corsOrigins: [],
    clientLimits: clientLimitsFromEnv(reader, environment),
    subscriptions: subscriptionsFromEnv(reader),
  };
  config.auth = authConfigFromEnv(env, environment, config.database, reader);
  config.corsOrigins = reader
    .string('CORS_ORIGINS', production ? '' : 'http://localhost:*')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (production) productionProblems(env, config, reader);
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}

/**
 * AUTH_JWKS_URL (with AUTH_ISSUER and AUTH_AUDIENCE) names the OpenID Connect provider. Unset, the
 * development issuer signs the demo users' tokens, outside production only; its key is kept beside the
 * SQLite file (or at DEV_ISSUER_KEY_PATH), in memory for tests.
 */
export function authConfigFromEnv(env: Env, environment: Environment, database: DatabaseConfig, reader = new Reader(env)): AuthConfig {
  const jwksUrl = reader.string('AUTH_JWKS_URL', '');
  if (jwksUrl) {
    return {
      mode: 'oidc',
      jwksUrl: url(reader, 'AUTH_JWKS_URL', '', environment === 'production'),
      issuer: required(reader, 'AUTH_ISSUER', 'the `iss` of the sign-in provider\'s tokens'),
      audience: required(reader, 'AUTH_AUDIENCE', 'this API\'s identifier at the sign-in provider, which `aud` must contain'),
    };
  }
  if (environment === 'production') {
    reader.problems.push('AUTH_JWKS_URL must be set in production (with AUTH_ISSUER and AUTH_AUDIENCE): the sign-in provider\'s JWKS URL');
  }
  const defaultKeyPath =
    environment === 'test' ? '' : database.type === 'better-sqlite3' ? (database.path === ':memory:' ? '' : join(dirname(database.path), 'development-issuer-key.json')) : 'data/development-issuer-key.json';
  return { mode: 'development-issuer', keyPath: reader.string('DEV_ISSUER_KEY_PATH', defaultKeyPath) || null };
}

/** Production refuses to start unsafe: each problem is named (the database's demo users are checked at start, in app.ts). */
function productionProblems(env: Env, config: AppConfig, reader: Reader): void {
  if (config.seedDemoData) reader.problems.push('SEED_DEMO_DATA must not be true in production: demo users have well-known tokens');
  const secrets: Array<[string, string | undefined]> = [
    ['SP_API_NOTIFICATION_SECRET', env.SP_API_NOTIFICATION_SECRET],
    ['LWA_CLIENT_SECRET', env.LWA_CLIENT_SECRET],
  ];
  for (const [name, value] of secrets) {
    const problem = value ? secretProblem(value) : null;
    if (problem) reader.problems.push(`${name} ${problem}`);
  }
  if (env.WEBHOOK_SECRET) {
    reader.problems.push('WEBHOOK_SECRET is no longer read: each merchant has its own webhook secrets (rotateWebhookSecret); unset it');
  }
}

// ---------------------------------------------------------------------------------------------
// Seller Central (issue 13): the sandbox, or the Selling Partner API. Kept in its own block.
// ---------------------------------------------------------------------------------------------

/** One AES-256-GCM key for refresh tokens at rest; its ID (a fingerprint) is stored beside each ciphertext. */
export interface TokenKey {
  id: string;
  key: Buffer;
}

export interface SpApiConfig {
  lwaClientId: string;
  lwaClientSecret: string;
  /** The app's ID from Seller Central's Developer Central (amzn1.sp.solution.… or amzn1.sellerapps.app.…). */
  applicationId: string;
  /** Where Seller Central sends the seller back: this API's GET /seller-central/callback. */
  redirectUri: string;
  /** SP-API regional endpoint, e.g. https://sellingpartnerapi-na.amazon.com. */
  endpoint: string;
  /** Login with Amazon's token endpoint. */
  lwaTokenUrl: string;
  /** Seller Central's origin, where the consent page lives. */
  sellerCentralUrl: string;
  /** A draft (not yet published) app: the consent URL carries version=beta. */
  draftApp: boolean;
  /** Encrypts refresh tokens; `previousTokenKeys` still decrypt older ones (rotation). */
  tokenKey: TokenKey;
  previousTokenKeys: TokenKey[];
  /** The merchant console, where the callback sends the browser back with the outcome. */
  consoleUrl: string;
  /** L5: the marketplace whose store Buy with Prime links (Buy with Prime sells on amazon.com). */
  marketplaceId: string;
  /** How long a started link attempt (and its OAuth state) may be completed. */
  stateTtlSeconds: number;
  /** L8: how often every linked account is read again from the Sellers API, in case a notification was lost. */
  accountCheckIntervalMinutes: number;
  /** Time allowed for one SP-API or LWA request. */
  requestTimeoutMs: number;
  /** Signs the Seller Central notification relay's requests (same scheme as the order webhook). */
  notificationSecret: string;
  /**
   * L8: the Notifications API destination (an SQS queue or EventBridge, created once with createDestination)
   * that each seller's ACCOUNT_STATUS_CHANGED subscription delivers to.
   */
  notificationDestinationId: string;
}

export type SellerCentralConfig = { mode: 'sandbox' } | ({ mode: 'sp-api' } & SpApiConfig);

export const NORTH_AMERICA_ENDPOINT = 'https://sellingpartnerapi-na.amazon.com';
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';
export const SELLER_CENTRAL_US_URL = 'https://sellercentral.amazon.com';
export const US_MARKETPLACE_ID = 'ATVPDKIKX0DER';

/** The key's ID: the first 16 hex digits of its SHA-256, so that IDs need no naming and never collide in practice. */
export function tokenKeyFrom(key: Buffer): TokenKey {
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

function tokenKeyFromBase64(name: string, value: string, reader: Reader): TokenKey | undefined {
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) {
    reader.problems.push(`${name} must be 32 bytes in base64 (44 characters, e.g. from \`openssl rand -base64 32\`)`);
    return undefined;
  }
  return tokenKeyFrom(key);
}

function url(reader: Reader, name: string, fallback: string, https: boolean): string {
  const value = reader.string(name, fallback);
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!value) reader.problems.push(`${name} must be set (an ${https ? 'https' : 'http(s)'} URL)`);
  else if (!parsed || !(https ? ['https:'] : ['https:', 'http:']).includes(parsed.protocol)) {
    reader.problems.push(`${name} must be an ${https ? 'https' : 'http(s)'} URL (got "${value}")`);
  }
  return value.replace(/\/+$/, '');
}

function required(reader: Reader, name: string, what: string): string {
  const value = reader.string(name, '');
  if (!value) reader.problems.push(`${name} must be set (${what})`);
  return value;
}

/**
 * SELLER_CENTRAL=sandbox|sp-api. Outside production the sandbox is the default; production refuses
 * to start on the sandbox unless it is asked for by name. The SP-API mode needs its credentials, and
 * reports each missing or malformed one by name. URLs may be http only in tests (the local fake);
 * in production every URL must be https.
 */
export function sellerCentralConfigFromEnv(env: Env, environment: Environment, reader = new Reader(env)): SellerCentralConfig {
  const production = environment === 'production';
  const explicit = env.SELLER_CENTRAL;
  if (production && (explicit === undefined || explicit === '')) {
    reader.problems.push('SELLER_CENTRAL must be set in production: sp-api (the Selling Partner API), or sandbox to run on the sandbox on purpose');
  }
  const mode = reader.oneOf<'sandbox' | 'sp-api'>('SELLER_CENTRAL', ['sandbox', 'sp-api'], 'sandbox');
  if (mode === 'sandbox') return { mode };
  const https = environment !== 'test';
  const keyText = required(reader, 'TOKEN_ENCRYPTION_KEY', '32 random bytes in base64; it encrypts refresh tokens at rest');
  const tokenKey = keyText ? tokenKeyFromBase64('TOKEN_ENCRYPTION_KEY', keyText, reader) : undefined;
  const previousTokenKeys = reader
    .string('TOKEN_ENCRYPTION_PREVIOUS_KEYS', '')
    .split(',')
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => tokenKeyFromBase64('TOKEN_ENCRYPTION_PREVIOUS_KEYS', text, reader))
    .filter((key): key is TokenKey => key !== undefined);
  const notificationSecret = required(reader, 'SP_API_NOTIFICATION_SECRET', 'signs the Seller Central notification relay, 16+ characters');
  if (notificationSecret && notificationSecret.length < 16) reader.problems.push('SP_API_NOTIFICATION_SECRET must be at least 16 characters');
  return {
    mode,
    lwaClientId: required(reader, 'LWA_CLIENT_ID', 'the app\'s Login with Amazon client identifier'),
    lwaClientSecret: required(reader, 'LWA_CLIENT_SECRET', 'the app\'s Login with Amazon client secret'),
    applicationId: required(reader, 'SP_API_APPLICATION_ID', 'the app\'s ID in Seller Central\'s Developer Central'),
    redirectUri: url(reader, 'SP_API_REDIRECT_URI', '', https),
    endpoint: url(reader, 'SP_API_ENDPOINT', NORTH_AMERICA_ENDPOINT, https),
    lwaTokenUrl: url(reader, 'LWA_TOKEN_URL', LWA_TOKEN_URL, https),
    sellerCentralUrl: url(reader, 'SELLER_CENTRAL_URL', SELLER_CENTRAL_US_URL, https),
    draftApp: reader.boolean('SP_API_DRAFT_APP', false),
    tokenKey: tokenKey ?? tokenKeyFrom(Buffer.alloc(32)),
    previousTokenKeys,
    consoleUrl: url(reader, 'CONSOLE_URL', '', https),
    marketplaceId: reader.string('SP_API_MARKETPLACE_ID', US_MARKETPLACE_ID),
    stateTtlSeconds: reader.integer('SP_API_STATE_TTL_SECONDS', 600, 60, 3600),
    accountCheckIntervalMinutes: reader.integer('SELLER_CENTRAL_CHECK_INTERVAL_MINUTES', 60, 1, 7 * 24 * 60),
    requestTimeoutMs: reader.integer('SP_API_TIMEOUT_MS', 10_000, 100, 120_000),
    notificationSecret,
    notificationDestinationId: required(reader, 'SP_API_NOTIFICATION_DESTINATION_ID', 'the Notifications API destination that ACCOUNT_STATUS_CHANGED subscriptions deliver to'),
  };
}

// ---------------------------------------------------------------------------------------------
// Slow and failing clients (issue 15). Kept in its own block.
// ---------------------------------------------------------------------------------------------

export interface ClientLimitsConfig {
  /** A socket idle this long is closed (Fastify's connectionTimeout). */
  connectionTimeoutMs: number;
  /** The whole request (headers and body) must arrive within this (Fastify's requestTimeout). */
  requestTimeoutMs: number;
  /** An idle kept-alive socket is closed after this (Fastify's keepAliveTimeout). */
  keepAliveTimeoutMs: number;
  /** Per address: requests answered 401 (a failed sign-in, a webhook's bad signature) allowed per window, then 429. */
  failedRequestsPerWindow: number;
  failedRequestsWindowSeconds: number;
}

/** In tests every request comes from 127.0.0.1, so the failed-request limit is off unless a test sets it. */
export function clientLimitsFromEnv(reader: Reader, environment: Environment): ClientLimitsConfig {
  const limits = {
    connectionTimeoutMs: reader.integer('CONNECTION_TIMEOUT_MS', 10_000, 100, 600_000),
    requestTimeoutMs: reader.integer('REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    keepAliveTimeoutMs: reader.integer('KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
    failedRequestsPerWindow: reader.integer('FAILED_REQUESTS_PER_ADDRESS', environment === 'test' ? 1_000_000 : 30, 1, 1_000_000),
    failedRequestsWindowSeconds: reader.integer('FAILED_REQUESTS_WINDOW_SECONDS', 60, 1, 86_400),
  };
  if (limits.keepAliveTimeoutMs > limits.connectionTimeoutMs) {
    reader.problems.push('KEEP_ALIVE_TIMEOUT_MS must not be more than CONNECTION_TIMEOUT_MS (an idle socket is closed at CONNECTION_TIMEOUT_MS anyway)');
  }
  return limits;
}
