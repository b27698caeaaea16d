import { Clock } from '../shared/clock';

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export type TakeResult = { allowed: true; status: ThrottleStatus } | { allowed: false; status: ThrottleStatus; retryAfterMs: number };

/**
 * A leaky bucket of query-cost points per key (Shopify's model: a key is a user, or a merchant): each request takes its cost;
 * the bucket refills at `restoreRate` points a second up to `capacity`. Buckets live in the server
 * process, so behind a load balancer each instance keeps its own.
 */
export class CostBudget {
  private readonly buckets = new Map<string, { available: number; at: number }>();

  constructor(
    private readonly clock: Clock,
    readonly capacity: number,
    readonly restoreRate: number,
  ) {}

  take(key: string, cost: number): TakeResult {
    const checked = this.check(key, cost);
    if (checked.allowed) this.spend(key, cost);
    return checked.allowed ? { allowed: true, status: this.status(key) } : checked;
  }

  /** Whether the bucket holds `cost` points now (and if not, when it will), taking nothing. */
  check(key: string, cost: number): TakeResult {
    const bucket = this.refilled(key);
    if (bucket.available >= cost) return { allowed: true, status: this.statusOf(bucket.available) };
    const retryAfterMs = Math.ceil(((cost - bucket.available) / this.restoreRate) * 1000);
    return { allowed: false, status: this.statusOf(bucket.available), retryAfterMs };
  }

  /** Takes `cost` points (after a `check` that allowed it). */
  spend(key: string, cost: number): void {
    const bucket = this.refilled(key);
    bucket.available = Math.max(0, bucket.available - cost);
  }

  status(key: string): ThrottleStatus {
    return this.statusOf(this.refilled(key).available);
  }

  private refilled(key: string) {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(key) ?? { available: this.capacity, at: now };
    bucket.available = Math.min(this.capacity, bucket.available + ((now - bucket.at) / 1000) * this.restoreRate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.forgetFullBuckets();
    return bucket;
  }

  /** A full bucket is the same as none: dropping them keeps memory bounded. */
  private forgetFullBuckets(): void {
    const now = this.clock.now().getTime();
    for (const [key, bucket] of this.buckets) {
      if (bucket.available + ((now - bucket.at) / 1000) * this.restoreRate >= this.capacity) this.buckets.delete(key);
    }
  }

  private statusOf(available: number): ThrottleStatus {
    return { maximumAvailable: this.capacity, currentlyAvailable: Math.floor(available), restoreRate: this.restoreRate };
  }
}

export type BudgetName = 'token' | 'merchant';

export type TakeBothResult =
  | { allowed: true; token: ThrottleStatus; merchant: ThrottleStatus }
  | { allowed: false; token: ThrottleStatus; merchant: ThrottleStatus; retryAfterMs: number; shortOf: BudgetName[] };

/**
 * The two budgets a request draws on: its token's (keyed by the user it acts for, so a user's API
 * tokens and sign-ins share one) and its merchant's, shared by all of the merchant's users. A request
 * takes its cost from both, or from neither when either is short; then it may retry once both hold it.
 */
export class CostBudgets {
  constructor(
    readonly token: CostBudget,
    readonly merchant: CostBudget,
  ) {}

  take(keys: { token: string; merchant: string }, cost: number): TakeBothResult {
    const token = this.token.check(keys.token, cost);
    const merchant = this.merchant.check(keys.merchant, cost);
    if (token.allowed && merchant.allowed) {
      this.token.spend(keys.token, cost);
      this.merchant.spend(keys.merchant, cost);
      return { allowed: true, ...this.status(keys) };
    }
    const shortOf: BudgetName[] = [];
    let retryAfterMs = 0;
    if (!token.allowed) {
      shortOf.push('token');
      retryAfterMs = Math.max(retryAfterMs, token.retryAfterMs);
    }
    if (!merchant.allowed) {
      shortOf.push('merchant');
      retryAfterMs = Math.max(retryAfterMs, merchant.retryAfterMs);
    }
    return { allowed: false, token: token.status, merchant: merchant.status, retryAfterMs, shortOf };
  }

  status(keys: { token: string; merchant: string }): { token: ThrottleStatus; merchant: ThrottleStatus } {
    return { token: this.token.status(keys.token), merchant: this.merchant.status(keys.merchant) };
  }
}
