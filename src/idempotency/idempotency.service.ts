import { createHash } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { isUniqueViolation } from '../database/sql-values';
import { Clock } from '../shared/clock';
import { ErrorCode, UserError } from '../shared/errors';
import { UserErrorView } from '../shared/graphql/user-error.type';
import { IdempotencyKey } from './idempotency-key.entity';

/** How long a key and its answer are kept (Stripe and Shopify keep theirs 24 hours). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

type Payload = { userErrors: UserErrorView[] };

/** The input's fingerprint: its JSON with keys sorted, so that field order does not matter. */
export function inputHash(input: unknown): string {
  const canonical = JSON.stringify(input, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Idempotency keys for mutations that must not run twice. A retry with the same key and input gets
 * the first successful answer without the work being done again; the same key with another input
 * is refused. A refused attempt (userErrors) is not kept, so it can be retried with the same key.
 * The work's own rules make a repeat harmless should a crash fall between the work and the key's
 * record; the key is what gives the client the same answer.
 */
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async run<T extends Payload>(
    merchantId: string,
    key: string | null | undefined,
    operation: string,
    input: unknown,
    work: () => Promise<T | Payload>,
  ): Promise<T | Payload> {
    if (!key) return work();
    const hash = inputHash(input);
    const earlier = await this.find(merchantId, key);
    if (earlier) return this.replay(earlier, operation, hash);
    const payload = await work();
    if (payload.userErrors.length > 0) return payload;
    const now = this.clock.now();
    try {
      await this.transactions.run((manager) =>
        manager.insert(IdempotencyKey, {
          merchantId,
          key,
          operation,
          inputHash: hash,
          payloadJson: JSON.stringify(payload),
          createdAt: now,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS),
        }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.replay((await this.find(merchantId, key))!, operation, hash);
    }
    return payload;
  }

  /** Drops keys past their 24 hours (the scheduler's job). */
  async purgeExpired(): Promise<void> {
    await this.transactions.run((manager) => manager.delete(IdempotencyKey, { expiresAt: LessThan(this.clock.now()) }));
  }

  private find(merchantId: string, key: string) {
    return this.dataSource.manager.findOneBy(IdempotencyKey, { merchantId, key });
  }

  private replay(earlier: IdempotencyKey, operation: string, hash: string): Payload {
    if (earlier.operation !== operation || earlier.inputHash !== hash) {
      const refusal = new UserError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used with a different request.', {
        field: ['input', 'idempotencyKey'],
        remedy: 'Use a new idempotency key for a new request; reuse a key only to retry the very same request.',
      });
      return { userErrors: [UserErrorView.from(refusal)] };
    }
    return JSON.parse(earlier.payloadJson) as Payload;
  }
}
