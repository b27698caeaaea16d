import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { newId } from '../shared/ids';
import { WebhookSecret } from './webhook-secret.entity';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** 256 random bits, with a prefix that says what it is (and that scanners recognise). */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What a person may see of a secret after it was shown once: its first characters. */
export function maskedSecret(secret: string): string {
  return `${secret.slice(0, WEBHOOK_SECRET_PREFIX.length + 4)}…`;
}

/** O4: each merchant's webhook secrets; at most two verify at once (the current one, and the previous during its overlap). */
export class WebhookSecrets {
  constructor(private readonly dataSource: DataSource) {}

  /** The secrets that verify this merchant's events at `now`, the current one first. */
  async activeFor(merchantId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<WebhookSecret[]> {
    return manager.find(WebhookSecret, {
      where: [
        { merchantId, retiresAt: IsNull() },
        { merchantId, retiresAt: MoreThan(now) },
      ],
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /**
   * Makes a new current secret. The one it replaces keeps verifying for `overlapMs`; any older one still
   * in its overlap retires now, so that no more than two are ever active.
   */
  async rotate(manager: EntityManager, merchantId: string, now: Date, overlapMs: number): Promise<WebhookSecret> {
    const [current, ...older] = await this.activeFor(merchantId, now, manager);
    for (const secret of older) await manager.update(WebhookSecret, { id: secret.id, merchantId }, { retiresAt: now });
    if (current) await manager.update(WebhookSecret, { id: current.id, merchantId }, { retiresAt: new Date(now.getTime() + overlapMs) });
    const created = Object.assign(new WebhookSecret(), { id: newId(), merchantId, secret: newWebhookSecret(), createdAt: now, retiresAt: null });
    await manager.insert(WebhookSecret, created);
    return created;
  }
}
