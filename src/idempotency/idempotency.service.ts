import { createHash } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { requirePermission } from '../auth/permissions';
import { Permission } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { TransactionRunner } from '../database/transaction-runner';
import { isUniqueViolation } from '../database/sql-values';
import { Clock } from '../shared/clock';
import { ErrorCode, UserError } from '../shared/errors';
import { UserErrorView } from '../shared/graphql/user-error.type';
import { IdempotencyKey } from './idempotency-key.entity';

/** How long a key and its answer are kept (Stripe and Shopify keep theirs 24 hours). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

/** The most a stored answer may weigh; a larger one is not kept (a retry then does its work again). */
export const MAX_STORED_ANSWER_BYTES = 64 * 1024;

/** Expired keys deleted per statement, and statements per purge: each batch is short, and the event loop breathes between them. */
export const PURGE_BATCH_SIZE = 500;
export const PURGE_MAX_BATCHES = 20;

type Payload = { userErrors: UserErrorView[] };

/** The input's fingerprint: its JSON with keys sorted, so that field order does not matter. */
export function inputHash(input: unknown): string {
  const canonical = JSON.stringify(input, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

export interface IdempotentRequest {
  viewer: Viewer;
  key: string | null | undefined;
  operation: string;
  /** The mutation's input, without the key. */
  input: unknown;
  /** What the mutation needs, checked before a replay as the work itself checks it. */
  permission: Permission;
  /** What the permission allows, for the refusal's message ("turn Offer Prime on or off"). */
  action: string;
}

/**
 * What a replay needs of an answer, and how to answer again from it, for a payload too heavy to keep
 * whole (the bulk toggle's products are read again rather than stored). Also says whether an answer is
 * worth keeping at all; by default one with no userErrors.
 */
export interface ReplayCodec<T extends Payload, S> {
  store(payload: T): S;
  replay(stored: S): Promise<T>;
  worthKeeping?(payload: T): boolean;
}

const wholePayload: ReplayCodec<Payload, Payload> = { store: (payload) => payload, replay: async (stored) => stored };

/**
 * Idempotency keys for mutations that must not run twice. A key belongs to the user who sent it. A
 * retry with the same key and input gets the first successful answer without the work being done
 * again, once the user's role is checked again; the same key with another input is refused. A refused
 * attempt (userErrors, or a bulk answer whose every item failed) is not kept, so it can be retried with
 * the same key; neither is an answer over MAX_STORED_ANSWER_BYTES. The work's own rules make a repeat
 * harmless should a crash fall between the work and the key's record; the key is what gives the
 * client the same answer.
 */
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async run<T extends Payload, S = T>(request: IdempotentRequest, work: () => Promise<T | Payload>, codec?: ReplayCodec<T, S>): Promise<T | Payload> {
    const { viewer, key, operation } = request;
    if (!key) return work();
    const coder = (codec ?? wholePayload) as unknown as ReplayCodec<Payload, unknown>;
    const denied = permissionRefusal(request);
    if (denied) return denied;
    const hash = inputHash(request.input);
    const earlier = await this.find(viewer, key);
    if (earlier) return this.replay(earlier, operation, hash, coder);
    const payload = await work();
    if (payload.userErrors.length > 0 || (coder.worthKeeping && !coder.worthKeeping(payload))) return payload;
    const payloadJson = JSON.stringify(coder.store(payload));
    if (Buffer.byteLength(payloadJson) > MAX_STORED_ANSWER_BYTES) return payload;
    const now = this.clock.now();
    try {
      await this.transactions.run((manager) =>
        manager.insert(IdempotencyKey, {
          merchantId: viewer.merchantId,
          userId: viewer.userId,
          key,
          operation,
          inputHash: hash,
          payloadJson,
          createdAt: now,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS),
        }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.replay((await this.find(viewer, key))!, operation, hash, coder);
    }
    return payload;
  }

  /**
   * Drops keys past their 24 hours (the scheduler's job), oldest first, in batches read through the
   * expiry's index; a backlog larger than one run's batches is left for the next run.
   */
  async purgeExpired(): Promise<number> {
    let purged = 0;
    for (let batch = 0; batch < PURGE_MAX_BATCHES; batch += 1) {
      const expired = await this.dataSource.manager.find(IdempotencyKey, {
        select: { merchantId: true, userId: true, key: true },
        where: { expiresAt: LessThan(this.clock.now()) },
        order: { expiresAt: 'ASC' },
        take: PURGE_BATCH_SIZE,
      });
      if (expired.length === 0) break;
      await this.transactions.run((manager) => manager.delete(IdempotencyKey, expired.map(({ merchantId, userId, key }) => ({ merchantId, userId, key }))));
      purged += expired.length;
      if (expired.length < PURGE_BATCH_SIZE) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return purged;
  }

  private find(viewer: Viewer, key: string) {
    return this.dataSource.manager.findOneBy(IdempotencyKey, { merchantId: viewer.merchantId, userId: viewer.userId, key });
  }

  private async replay(earlier: IdempotencyKey, operation: string, hash: string, coder: ReplayCodec<Payload, unknown>): Promise<Payload> {
    if (earlier.operation !== operation || earlier.inputHash !== hash) {
      const refusal = new UserError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used with a different request.', {
        field: ['input', 'idempotencyKey'],
        remedy: 'Use a new idempotency key for a new request; reuse a key only to retry the very same request.',
      });
      return { userErrors: [UserErrorView.from(refusal)] };
    }
    return coder.replay(JSON.parse(earlier.payloadJson));
  }
}

/** The refusal the work would give a role without the permission, given before any replay. */
function permissionRefusal({ viewer, permission, action }: IdempotentRequest): Payload | undefined {
  try {
    requirePermission(viewer, permission, action);
    return undefined;
  } catch (error) {
    if (error instanceof UserError) return { userErrors: [UserErrorView.from(error)] };
    throw error;
  }
}
