import { SellerCentralError } from '../seller-central.gateway';

/** Waits; injected so that tests see the backoff without waiting for it. */
export type Sleeper = (milliseconds: number) => Promise<void>;

export const realSleeper: Sleeper = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** One error of SP-API's error envelope, `{ "errors": [{ "code", "message", "details" }] }`. */
export interface SpApiError {
  code: string;
  message: string;
  details?: string;
}

export interface SpApiResponse<T> {
  status: number;
  body: T;
  errors: SpApiError[];
}

/** Query parameters; arrays are sent comma-separated, undefined and null are left out. */
export type Query = Record<string, string | number | boolean | string[] | undefined | null>;

export interface SpApiClientOptions {
  endpoint: string;
  timeoutMs: number;
  sleeper: Sleeper;
  fetch?: typeof fetch;
  /** How many times a throttled request is sent in all before the call gives up as UNAVAILABLE. */
  maxAttempts?: number;
  /** The first backoff, doubled on each throttled answer. */
  baseBackoffMs?: number;
  /** No single wait is longer than this. */
  maxBackoffMs?: number;
}

/**
 * How long to wait after a 429. `x-amzn-RateLimit-Limit` is the operation's rate in requests per second,
 * so one request's worth of the bucket comes back after 1/rate seconds; the wait is at least that, and
 * at least the exponential backoff, capped.
 */
export function backoffMs(attempt: number, rateLimitHeader: string | null, base: number, max: number): number {
  const exponential = base * 2 ** (attempt - 1);
  const rate = rateLimitHeader === null ? NaN : Number(rateLimitHeader);
  const refill = Number.isFinite(rate) && rate > 0 ? Math.ceil(1000 / rate) : 0;
  return Math.min(Math.max(exponential, refill), max);
}

/**
 * A thin typed client for SP-API's operations (GETs, and JSON POSTs): the access token in `x-amz-access-token`, query
 * arrays comma-separated (as the models' `collectionFormat: csv` says), 429 answered by backoff through
 * the injected sleeper, 5xx, timeouts and unreachable hosts as SellerCentralError UNAVAILABLE. Any
 * other answer (2xx, 4xx) is handed back with its error envelope for the caller to judge.
 */
export class SpApiClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: SpApiClientOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  get<T>(path: string, query: Query, accessToken: string): Promise<SpApiResponse<T>> {
    return this.send<T>('GET', path, query, undefined, accessToken);
  }

  /** A JSON body, as the Notifications API's createSubscription takes it. */
  post<T>(path: string, body: unknown, accessToken: string): Promise<SpApiResponse<T>> {
    return this.send<T>('POST', path, {}, body, accessToken);
  }

  private async send<T>(method: 'GET' | 'POST', path: string, query: Query, body: unknown, accessToken: string): Promise<SpApiResponse<T>> {
    const url = new URL(`${this.options.endpoint}${path}`);
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined || value === null) continue;
      url.searchParams.set(name, Array.isArray(value) ? value.join(',') : String(value));
    }
    const api = path.split('/')[1];
    const headers: Record<string, string> = { 'x-amz-access-token': accessToken, accept: 'application/json', 'user-agent': 'bwp-merchant-console-bff/0.1 (Language=TypeScript)' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await this.fetch(url, {
          method,
          headers,
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch {
        throw new SellerCentralError(`Seller Central (${api} API) did not answer in time; it will be retried.`, 'UNAVAILABLE');
      }
      if (response.status === 429) {
        await response.body?.cancel();
        if (attempt >= maxAttempts) {
          throw new SellerCentralError(`Seller Central kept throttling the ${api} API after ${maxAttempts} attempts; it will be retried.`, 'UNAVAILABLE');
        }
        await this.options.sleeper(backoffMs(attempt, response.headers.get('x-amzn-ratelimit-limit'), this.options.baseBackoffMs ?? 1000, this.options.maxBackoffMs ?? 120_000));
        continue;
      }
      const json = (await response.json().catch(() => null)) as (T & { errors?: SpApiError[] }) | null;
      if (response.status >= 500) {
        throw new SellerCentralError(`Seller Central (${api} API) answered HTTP ${response.status}${describe(json?.errors)}; it will be retried.`, 'UNAVAILABLE');
      }
      return { status: response.status, body: (json ?? {}) as T, errors: Array.isArray(json?.errors) ? json.errors : [] };
    }
  }
}

function describe(errors: SpApiError[] | undefined): string {
  const first = errors?.[0];
  return first ? ` (${first.code}: ${first.message})` : '';
}

/** SP-API's answer to an access token that has expired: 403 Unauthorized, saying so. */
export function isExpiredTokenAnswer(response: SpApiResponse<unknown>): boolean {
  return (response.status === 403 || response.status === 401) && response.errors.some((error) => /expired/i.test(`${error.message} ${error.details ?? ''}`));
}
