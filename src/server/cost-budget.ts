import { Clock } from '../shared/clock';

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export type TakeResult = { allowed: true; status: ThrottleStatus } | { allowed: false; status: ThrottleStatus; retryAfterMs: number };

/**
 * A leaky bucket of query-cost points per API token (Shopify's model): each request takes its cost;
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
    const bucket = this.refilled(key);
    if (bucket.available >= cost) {
      bucket.available -= cost;
      return { allowed: true, status: this.statusOf(bucket.available) };
    }
    const retryAfterMs = Math.ceil(((cost - bucket.available) / this.restoreRate) * 1000);
    return { allowed: false, status: this.statusOf(bucket.available), retryAfterMs };
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
