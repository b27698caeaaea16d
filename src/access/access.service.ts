import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiToken } from '../auth/api-token.entity';
import { MerchantUser } from '../auth/merchant-user.entity';
import { requirePermission } from '../auth/permissions';
import { Permission, Role } from '../auth/role';
import { hashToken, newApiToken } from '../auth/tokens';
import { Viewer } from '../auth/viewer';
import { TransactionRunner } from '../database/transaction-runner';
import { Merchant } from '../merchants/merchant.entity';
import { WebhookSecret } from '../orders/webhook-secret.entity';
import { maskedSecret, WebhookSecrets } from '../orders/webhook-secrets';
import { Clock } from '../shared/clock';
import { ErrorCode, UserError } from '../shared/errors';
import { newId } from '../shared/ids';
import { AccessAuditAction, AccessAuditEntry } from './access-audit-entry.entity';
import { API_TOKENS_LISTED, checkGrant, checkKeepsAnOwner, checkManage, checkRoomForUser, checkTokenRole } from './access.rules';

/** Who changes access: a signed-in user (or an API token acting for one), or the operator's CLI. */
export type AccessActor = { kind: 'USER' | 'API_TOKEN'; userId: string; role: Role } | { kind: 'CLI'; userId: null; role: Role.OWNER };

export function actorOf(viewer: Viewer): AccessActor {
  return { kind: viewer.apiTokenId ? 'API_TOKEN' : 'USER', userId: viewer.userId, role: viewer.role };
}

export const cliActor: AccessActor = { kind: 'CLI', userId: null, role: Role.OWNER };

export interface InviteUser {
  email: string;
  displayName: string;
  role: Role;
  /** The user's `sub` at the provider; without it, the first sign-in with a verified `email` claim claims the invitation. */
  subject?: string;
  /** The provider's `iss`; the configured AUTH_ISSUER by default. */
  issuer?: string;
}

export interface CreatedApiToken {
  token: string;
  apiToken: ApiToken;
}

export interface RotatedWebhookSecret {
  secret: string;
  webhookSecret: WebhookSecret;
}

/**
 * Users and roles, API tokens and webhook secrets of one merchant: every change checks MANAGE_ACCESS and
 * the rules of access.rules.ts, runs in one transaction with the merchant's row locked (so that two
 * owners cannot demote each other at once), and is audited in that transaction.
 */
export class AccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly webhookSecrets: WebhookSecrets,
    private readonly clock: Clock,
    private readonly options: { defaultIssuer: string; webhookSecretOverlapMs: number; onAccessChanged?: () => void },
  ) {}

  async inviteUser(actor: AccessActor, merchantId: string, input: InviteUser): Promise<MerchantUser> {
    this.require(actor, 'invite users');
    const denied = checkGrant(actor.role, input.role, ['input', 'role']);
    if (denied) throw denied;
    const email = input.email.trim().toLowerCase();
    const issuer = input.subject ? (input.issuer ?? this.options.defaultIssuer) : null;
    return this.change(merchantId, async (manager, at) => {
      const clash = await manager.findOne(MerchantUser, {
        where: [{ merchantId, email }, ...(input.subject && issuer ? [{ issuer, subject: input.subject }] : [])],
      });
      const full = checkRoomForUser(await manager.countBy(MerchantUser, { merchantId }));
      if (full) throw full;
      if (clash) {
        const what = clash.subject === input.subject && input.subject ? `the subject "${input.subject}"` : `the email ${email}`;
        throw new UserError(ErrorCode.USER_ALREADY_EXISTS, `A user with ${what} already exists.`, {
          field: ['input', clash.subject === input.subject && input.subject ? 'subject' : 'email'],
          remedy: 'Change that user\'s role instead, or remove it first.',
        });
      }
      const user = Object.assign(new MerchantUser(), {
        id: newId(),
        merchantId,
        email,
        displayName: input.displayName.trim(),
        role: input.role,
        issuer,
        subject: input.subject ?? null,
        createdAt: at,
      });
      await manager.insert(MerchantUser, user);
      const by = input.subject ? `subject "${input.subject}" of ${issuer}` : `email ${email} (pending its first sign-in)`;
      await this.audit(manager, merchantId, actor, at, AccessAuditAction.USER_INVITED, user.id, `${user.displayName} invited as ${user.role}, by ${by}`);
      return user;
    });
  }

  async changeRole(actor: AccessActor, merchantId: string, userId: string, role: Role): Promise<MerchantUser> {
    this.require(actor, 'change roles');
    return this.change(merchantId, async (manager, at) => {
      const user = await this.requireUser(manager, merchantId, userId);
      const problem =
        checkManage(actor.role, user.role, ['input', 'userId']) ??
        checkGrant(actor.role, role, ['input', 'role']) ??
        checkKeepsAnOwner(user.role, role, await this.ownerCount(manager, merchantId), ['input', 'role']);
      if (problem) throw problem;
      if (user.role === role) return user;
      const before = user.role;
      await manager.update(MerchantUser, { id: user.id, merchantId }, { role });
      await this.audit(manager, merchantId, actor, at, AccessAuditAction.USER_ROLE_CHANGED, user.id, `${user.displayName}: role ${before} → ${role}`);
      return Object.assign(user, { role });
    });
  }

  /** Removes a user and revokes the API tokens it created (they act for it). */
  async removeUser(actor: AccessActor, merchantId: string, userId: string): Promise<MerchantUser> {
    this.require(actor, 'remove users');
    return this.change(merchantId, async (manager, at) => {
      const user = await this.requireUser(manager, merchantId, userId);
      const problem =
        checkManage(actor.role, user.role, ['input', 'userId']) ?? checkKeepsAnOwner(user.role, null, await this.ownerCount(manager, merchantId), ['input', 'userId']);
      if (problem) throw problem;
      const revoked = await manager.update(ApiToken, { merchantId, userId: user.id, revokedAt: IsNull() }, { revokedAt: at });
      await manager.delete(MerchantUser, { id: user.id, merchantId });
      const tokens = revoked.affected ? `; ${revoked.affected} API token(s) it created revoked` : '';
      await this.audit(manager, merchantId, actor, at, AccessAuditAction.USER_REMOVED, user.id, `${user.displayName} (${user.role}, ${user.email}) removed${tokens}`);
      return user;
    });
  }

  /** `expiresInDays` is checked where it comes in (1 to API_TOKEN_MAX_DAYS: see access.inputs.ts). */
  async createApiToken(actor: AccessActor, merchantId: string, input: { name: string; role: Role; expiresInDays: number }): Promise<CreatedApiToken> {
    this.require(actor, 'create API tokens');
    if (actor.kind !== 'USER') {
      throw new UserError(ErrorCode.PERMISSION_DENIED, 'An API token cannot create API tokens.', { remedy: 'Sign in to the console as an owner or admin to create one.' });
    }
    const denied = checkTokenRole(actor.role, input.role, ['input', 'role']);
    if (denied) throw denied;
    return this.change(merchantId, async (manager, at) => {
      const token = newApiToken();
      const apiToken = Object.assign(new ApiToken(), {
        id: newId(),
        merchantId,
        userId: actor.userId,
        name: input.name.trim(),
        role: input.role,
        tokenHash: hashToken(token),
        displayPrefix: token.slice(0, 9),
        expiresAt: new Date(at.getTime() + input.expiresInDays * 86_400_000),
        lastUsedAt: null,
        revokedAt: null,
        createdAt: at,
      });
      await manager.insert(ApiToken, apiToken);
      const details = `token "${apiToken.name}" (${apiToken.role}, ${apiToken.displayPrefix}…) until ${apiToken.expiresAt.toISOString()}`;
      await this.audit(manager, merchantId, actor, at, AccessAuditAction.API_TOKEN_CREATED, apiToken.id, details);
      return { token, apiToken };
    });
  }

  /** Revoked at once: the next request with it is refused. */
  async revokeApiToken(actor: AccessActor, merchantId: string, tokenId: string): Promise<ApiToken> {
    this.require(actor, 'revoke API tokens');
    return this.change(merchantId, async (manager, at) => {
      const apiToken = await manager.findOneBy(ApiToken, { id: tokenId, merchantId });
      if (!apiToken) throw new UserError(ErrorCode.NOT_FOUND, 'No API token with this ID exists for your merchant.', { field: ['input', 'apiTokenId'] });
      if (apiToken.revokedAt) {
        throw new UserError(ErrorCode.API_TOKEN_ALREADY_REVOKED, `The API token "${apiToken.name}" was already revoked on ${apiToken.revokedAt.toISOString()}.`, {
          field: ['input', 'apiTokenId'],
        });
      }
      await manager.update(ApiToken, { id: apiToken.id, merchantId }, { revokedAt: at });
      await this.audit(manager, merchantId, actor, at, AccessAuditAction.API_TOKEN_REVOKED, apiToken.id, `token "${apiToken.name}" (${apiToken.displayPrefix}…) revoked`);
      return Object.assign(apiToken, { revokedAt: at });
    });
  }

  /** O4: a new webhook secret; the previous one keeps verifying events for the configured overlap. */
  async rotateWebhookSecret(actor: AccessActor, merchantId: string, overlapHours?: number): Promise<RotatedWebhookSecret> {
    this.require(actor, 'rotate the webhook secret');
    const overlapMs = overlapHours === undefined ? this.options.webhookSecretOverlapMs : overlapHours * 3_600_000;
    return this.change(merchantId, async (manager, at) => {
      const webhookSecret = await this.webhookSecrets.rotate(manager, merchantId, at, overlapMs);
      const overlap = overlapMs / 3_600_000;
      const details = `new webhook secret ${maskedSecret(webhookSecret.secret)}; the previous one verifies events for ${overlap} more hour(s)`;
      await this.audit(manager, merchantId, actor, at, AccessAuditAction.WEBHOOK_SECRET_ROTATED, webhookSecret.id, details);
      return { secret: webhookSecret.secret, webhookSecret };
    });
  }

  users(merchantId: string): Promise<MerchantUser[]> {
    return this.dataSource.manager.find(MerchantUser, { where: { merchantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  apiTokens(merchantId: string): Promise<ApiToken[]> {
    return this.dataSource.manager.find(ApiToken, { where: { merchantId }, order: { id: 'DESC' }, take: API_TOKENS_LISTED });
  }

  async apiToken(tokenId: string, merchantId: string): Promise<ApiToken | null> {
    return this.dataSource.manager.findOneBy(ApiToken, { id: tokenId, merchantId });
  }

  activeWebhookSecrets(merchantId: string): Promise<WebhookSecret[]> {
    return this.webhookSecrets.activeFor(merchantId, this.clock.now());
  }

  auditEntries(merchantId: string, first: number): Promise<AccessAuditEntry[]> {
    return this.dataSource.manager.find(AccessAuditEntry, { where: { merchantId }, order: { id: 'DESC' }, take: first });
  }

  private require(actor: AccessActor, action: string): void {
    if (actor.kind !== 'CLI') requirePermission(actor, Permission.MANAGE_ACCESS, action);
  }

  /** One transaction, with the merchant's row locked on PostgreSQL (SQLite runs one transaction at a time). */
  private async change<T>(merchantId: string, work: (manager: EntityManager, at: Date) => Promise<T>): Promise<T> {
    const changed = await this.transactions.run(async (manager) => {
      const lock = manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {};
      const merchant = await manager.findOne(Merchant, { where: { id: merchantId }, ...lock });
      if (!merchant) throw new UserError(ErrorCode.NOT_FOUND, 'No merchant with this ID exists.', { field: ['merchant'] });
      return work(manager, this.clock.now());
    });
    // After the commit, so that no request reads (and keeps) the access as it was before.
    this.options.onAccessChanged?.();
    return changed;
  }

  private async requireUser(manager: EntityManager, merchantId: string, userId: string): Promise<MerchantUser> {
    const user = await manager.findOneBy(MerchantUser, { id: userId, merchantId });
    if (!user) throw new UserError(ErrorCode.NOT_FOUND, 'No user with this ID exists for your merchant.', { field: ['input', 'userId'] });
    return user;
  }

  private ownerCount(manager: EntityManager, merchantId: string): Promise<number> {
    return manager.countBy(MerchantUser, { merchantId, role: Role.OWNER });
  }

  private async audit(manager: EntityManager, merchantId: string, actor: AccessActor, at: Date, action: AccessAuditAction, targetId: string, details: string) {
    await manager.insert(AccessAuditEntry, {
      id: newId(),
      merchantId,
      at,
      actorUserId: actor.userId,
      actorKind: actor.kind,
      action,
      targetId,
      details: details.slice(0, 500),
    });
  }
}
