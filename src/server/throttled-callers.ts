import { createHash } from 'node:crypto';
import { Clock } from '../shared/clock';

/** The longest a caller is refused at the door after a THROTTLED answer; then its next request is priced again. */
export const MAX_HOLD_MS = 1000;

/**
 * Callers just told THROTTLED (issue 15). Until the Retry-After they were given passes (at most
 * MAX_HOLD_MS), their requests are refused before their body is read, they are signed in or their query
 * is priced: a client that ignores Retry-After and keeps flooding costs the server almost nothing, so
 * other merchants do not pay for it. Callers are keyed by a hash of their credential (the Authorization
 * header), kept only in this process's memory.
 */
export class ThrottledCallers {
  private readonly held = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly maxCallers = 10_000,
  ) {}

  hold(credential: string | undefined, retryAfterMs: number): void {
    if (!credential || retryAfterMs <= 0) return;
    const now = this.clock.now().getTime();
    if (this.held.size >= this.maxCallers) this.forgetExpired(now);
    if (this.held.size >= this.maxCallers) return;
    this.held.set(key(credential), now + Math.min(retryAfterMs, MAX_HOLD_MS));
  }

  /** How long the caller must still wait, or 0. */
  waitMs(credential: string | undefined): number {
    if (!credential || this.held.size === 0) return 0;
    const id = key(credential);
    const until = this.held.get(id);
    if (until === undefined) return 0;
    const left = until - this.clock.now().getTime();
    if (left > 0) return left;
    this.held.delete(id);
    return 0;
  }

  private forgetExpired(now: number): void {
    for (const [id, until] of this.held) if (until <= now) this.held.delete(id);
  }
}

function key(credential: string): string {
  return createHash('sha256').update(credential).digest('base64url');
}
