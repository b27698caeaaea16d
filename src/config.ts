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
  /** O4: the shared secret that signs order webhooks (HMAC-SHA256). */
  webhookSecret: string;
  /** O4: how old a webhook's timestamp may be before it is refused as a replay. */
  webhookToleranceSeconds: number;
  /** GraphiQL at /graphiql, served from the project's own dependencies. */
  graphiql: boolean;
  /** How long a worker holds an onboarding step before another may take it over (after a crash). */
  onboardingLeaseSeconds: number;
  /** Schema introspection (and with it GraphiQL's docs); on by default in development only. */
  introspection: boolean;
  /** Each token's budget of query-cost points, and how many come back each second. */
  rateLimit: { capacity: number; restorePerSecond: number };
  /** DataLoader batching; off only for the benchmark's naive baseline. */
  dataLoaderBatching: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
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
    return { type: 'postgres', url, poolSize: reader.integer('DATABASE_POOL_SIZE', 10, 1, 100) };
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
    webhookSecret: reader.string('WEBHOOK_SECRET', production ? '' : 'development-webhook-secret'),
    webhookToleranceSeconds: reader.integer('WEBHOOK_TOLERANCE_SECONDS', 300, 1, 3600),
    graphiql: reader.boolean('GRAPHIQL', environment === 'development'),
    onboardingLeaseSeconds: reader.integer('ONBOARDING_LEASE_SECONDS', 300, 1, 86_400),
    introspection: reader.boolean('INTROSPECTION', environment === 'development'),
    rateLimit: {
      capacity: reader.integer('RATE_LIMIT_POINTS', 4000, 2000, 1_000_000),
      restorePerSecond: reader.integer('RATE_LIMIT_RESTORE_PER_SECOND', 200, 1, 100_000),
    },
    dataLoaderBatching: reader.boolean('DATALOADER_BATCHING', true),
  };
  if (config.webhookSecret.length < 16) {
    reader.problems.push('WEBHOOK_SECRET must be set to at least 16 characters (it signs the order webhooks)');
  }
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}
