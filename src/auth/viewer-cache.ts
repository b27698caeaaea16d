import { Clock } from '../shared/clock';
import { Viewer } from './viewer';

/** A signed-in viewer, and when its token stops being accepted. */
export interface SignedIn {
  viewer: Viewer;
  expiresAt: Date;
}

/**
 * Viewers by the hash of their bearer token, for a few seconds: the console loads several pages a
 * second per user, and each would otherwise start with a lookup of its token (and, for a JWT, a
 * signature check). An entry never outlives its token's expiry. This process forgets every entry
 * when access changes here (a user invited, removed or given another role, a token created or
 * revoked); another instance of the server sees such a change within `ttlMs` at most, which is why
 * the TTL stays short (VIEWER_CACHE_TTL_MS, 5 s by default; 0 turns the cache off).
 */
export class ViewerCache {
  private readonly entries = new Map<string, { signedIn: SignedIn; until: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    /** Bounds memory whatever the number of tokens in use: the oldest entry goes first. */
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string): SignedIn | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until <= this.clock.now().getTime()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.signedIn;
  }

  /** Keeps a viewer until the TTL ends or the token expires, whichever comes first. */
  set(tokenHash: string, signedIn: SignedIn, tokenExpiresAt: number): void {
    if (this.ttlMs <= 0) return;
    const until = Math.min(this.clock.now().getTime() + this.ttlMs, tokenExpiresAt);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tokenHash, { signedIn, until });
  }

  /** Access changed in this process: every viewer is read again on its next request. */
  clear(): void {
    this.entries.clear();
  }
}
