import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { hashToken } from '../../auth/tokens';
import { TransactionRunner } from '../../database/transaction-runner';
import { Clock } from '../../shared/clock';
import { ErrorCode, UserError } from '../../shared/errors';
import { AccountStanding, SellerAccount, SellingPlan } from '../seller-account';
import { CodeExchangeRefusal, CodeExchangeResult, SellerCentralGateway } from '../seller-central.gateway';
import { SandboxAuthorizationCode, SandboxListing, SandboxSellerAccount, SandboxStore } from './sandbox.entities';

export interface SandboxAccountWithDetails {
  account: SandboxSellerAccount;
  stores: SandboxStore[];
  listings: SandboxListing[];
}

export interface IssuedAuthorizationCode {
  code: string;
  expiresAt: Date;
  sellerAccountId: string;
  storeId: string;
}

/** Why a code cannot be exchanged, in the order Seller Central checks: unknown, other attempt, used, expired. */
export function codeRefusal(
  code: Pick<SandboxAuthorizationCode, 'state' | 'usedAt' | 'expiresAt'> | null,
  state: string,
  now: Date,
): CodeExchangeRefusal | undefined {
  if (!code) return 'UNKNOWN';
  if (code.state !== state) return 'STATE_MISMATCH';
  if (code.usedAt) return 'USED';
  if (code.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return undefined;
}

/**
 * Seller Central as the embedded default: accounts with plans, standings, stores and listings,
 * kept in the sandbox's own tables, and website-authorization codes that expire and work once.
 * The `issue…` and `update…` methods stand in for Seller Central's own pages (consent page,
 * account settings); only the dev-only sandbox controls call them.
 */
export class SandboxSellerCentral implements SellerCentralGateway {
  private readonly listeners: Array<(sellerAccountId: string) => Promise<void>> = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly codeTtlSeconds: number,
  ) {}

  async exchangeAuthorizationCode(code: string, state: string): Promise<CodeExchangeResult> {
    const codeHash = hashToken(code);
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const issued = await manager.findOneBy(SandboxAuthorizationCode, { codeHash });
      const refusal = codeRefusal(issued, state, now);
      if (refusal || !issued) return { ok: false, refusal: refusal ?? 'UNKNOWN' };
      const claimed = await manager.update(SandboxAuthorizationCode, { codeHash, usedAt: IsNull() }, { usedAt: now });
      if (claimed.affected !== 1) return { ok: false, refusal: 'USED' };
      return { ok: true, grant: { sellerAccountId: issued.accountId, storeId: issued.storeId } };
    });
  }

  async getAccount(sellerAccountId: string): Promise<SellerAccount | null> {
    const manager = this.dataSource.manager;
    const account = await manager.findOneBy(SandboxSellerAccount, { id: sellerAccountId });
    if (!account) return null;
    const stores = await manager.find(SandboxStore, { where: { accountId: account.id }, order: { id: 'ASC' } });
    return {
      id: account.id,
      name: account.name,
      plan: account.plan,
      standing: account.standing,
      stores: stores.map(({ id, name, marketplace }) => ({ id, name, marketplace })),
    };
  }

  onAccountChanged(listener: (sellerAccountId: string) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /**
   * The consent page: the merchant picks an account and a store and is sent back with a code.
   * Like a permissive store picker, any sandbox store can be picked, so that L5 (a store of
   * another account) can be reached by hand; completing the link refuses it.
   */
  async issueAuthorizationCode(request: { state: string; sellerAccountId: string; storeId: string }): Promise<IssuedAuthorizationCode> {
    return this.transactions.run(async (manager) => {
      await this.requireAccount(manager, request.sellerAccountId);
      const store = await manager.findOneBy(SandboxStore, { id: request.storeId });
      if (!store) {
        throw new UserError(ErrorCode.SANDBOX_STORE_NOT_FOUND, `No sandbox store has the ID ${request.storeId}.`, {
          remedy: 'Pick one of the stores listed by the sandboxSellerAccounts query.',
        });
      }
      const now = this.clock.now();
      const code = `sandbox-code-${randomBytes(18).toString('base64url')}`;
      const expiresAt = new Date(now.getTime() + this.codeTtlSeconds * 1000);
      await manager.insert(SandboxAuthorizationCode, {
        codeHash: hashToken(code),
        state: request.state,
        accountId: request.sellerAccountId,
        storeId: request.storeId,
        issuedAt: now,
        expiresAt,
        usedAt: null,
      });
      return { code, expiresAt, sellerAccountId: request.sellerAccountId, storeId: request.storeId };
    });
  }

  /** Seller Central's account settings: change the plan or the standing, then notify Buy with Prime. */
  async updateAccount(change: { sellerAccountId: string; plan?: SellingPlan; standing?: AccountStanding }): Promise<SandboxSellerAccount> {
    const account = await this.transactions.run(async (manager) => {
      const account = await this.requireAccount(manager, change.sellerAccountId);
      if (change.plan) account.plan = change.plan;
      if (change.standing) account.standing = change.standing;
      await manager.save(account);
      return account;
    });
    for (const listener of this.listeners) await listener(account.id);
    return account;
  }

  async listAccounts(): Promise<SandboxAccountWithDetails[]> {
    const manager = this.dataSource.manager;
    const accounts = await manager.find(SandboxSellerAccount, { order: { id: 'ASC' } });
    const ids = accounts.map((account) => account.id);
    const [stores, listings] = await Promise.all([
      manager.find(SandboxStore, { where: { accountId: In(ids) }, order: { id: 'ASC' } }),
      manager.find(SandboxListing, { where: { accountId: In(ids) }, order: { sellerSku: 'ASC' } }),
    ]);
    return accounts.map((account) => ({
      account,
      stores: stores.filter((store) => store.accountId === account.id),
      listings: listings.filter((listing) => listing.accountId === account.id),
    }));
  }

  private async requireAccount(manager: EntityManager, sellerAccountId: string): Promise<SandboxSellerAccount> {
    const account = await manager.findOneBy(SandboxSellerAccount, { id: sellerAccountId });
    if (!account) {
      throw new UserError(ErrorCode.SANDBOX_ACCOUNT_NOT_FOUND, `No sandbox Seller Central account has the ID ${sellerAccountId}.`, {
        remedy: 'Pick one of the accounts listed by the sandboxSellerAccounts query.',
      });
    }
    return account;
  }
}
