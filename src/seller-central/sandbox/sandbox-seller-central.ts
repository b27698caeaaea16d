import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { hashToken } from '../../auth/tokens';
import { TransactionRunner } from '../../database/transaction-runner';
import { Clock } from '../../shared/clock';
import { ErrorCode, UserError } from '../../shared/errors';
import { AccountStanding, SellerAccount, SellingPlan } from '../seller-account';
import {
  AmazonPayRegistration,
  AuthorizationCallback,
  CodeExchangeRefusal,
  CodeExchangeResult,
  FulfillmentInventory,
  ListingsPage,
  SellerCentralError,
  SellerCentralGateway,
} from '../seller-central.gateway';
import {
  AmazonPayOutcome,
  SandboxAmazonPayRegistration,
  SandboxAuthorizationCode,
  SandboxListing,
  SandboxSellerAccount,
  SandboxStore,
} from './sandbox.entities';

export interface SandboxAccountWithDetails {
  account: SandboxSellerAccount;
  stores: SandboxStore[];
  listings: SandboxListing[];
}

export interface SandboxAccountChange {
  sellerAccountId: string;
  plan?: SellingPlan | null;
  standing?: AccountStanding | null;
  amazonPayOutcome?: AmazonPayOutcome | null;
  amazonPayActivationMinutes?: number | null;
  listingsAvailable?: boolean | null;
}

export interface IssuedAuthorizationCode {
  code: string;
  expiresAt: Date;
  sellerAccountId: string;
  storeId: string;
}

/** Amazon Pay's answer for an account: pending for its activation time after the request, then active or failed. */
export function amazonPayStatus(
  account: Pick<SandboxSellerAccount, 'amazonPayOutcome' | 'amazonPayActivationMinutes'>,
  registration: Pick<SandboxAmazonPayRegistration, 'requestedAt'> | null,
  now: Date,
): AmazonPayRegistration {
  if (!registration) return { status: 'NOT_REGISTERED' };
  const decidedAt = registration.requestedAt.getTime() + account.amazonPayActivationMinutes * 60_000;
  if (now.getTime() < decidedAt) return { status: 'PENDING' };
  if (account.amazonPayOutcome === 'FAILS') {
    return { status: 'FAILED', reason: 'Amazon Pay could not verify the business details of the Seller Central account.' };
  }
  return { status: 'ACTIVE' };
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

  authorizationUrl(): string | null {
    return null;
  }

  async exchangeAuthorizationCode({ code, state }: AuthorizationCallback): Promise<CodeExchangeResult> {
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

  /** The sandbox keeps no credential: its accounts are its own. */
  async keepGrant(): Promise<void> {}

  async forgetGrant(): Promise<void> {}

  async listListings(sellerAccountId: string, pageToken: string | null, pageSize: number): Promise<ListingsPage> {
    const manager = this.dataSource.manager;
    const account = await manager.findOneBy(SandboxSellerAccount, { id: sellerAccountId });
    if (!account) throw new SellerCentralError(`Seller Central has no account ${sellerAccountId}.`);
    if (!account.listingsAvailable) throw new SellerCentralError('The Seller Central Listings service did not answer; try again later.', 'UNAVAILABLE');
    const after = pageToken ? Buffer.from(pageToken, 'base64url').toString('utf8') : null;
    const [rows, totalCount] = await Promise.all([
      manager.find(SandboxListing, {
        where: after ? { accountId: sellerAccountId, sellerSku: MoreThan(after) } : { accountId: sellerAccountId },
        order: { sellerSku: 'ASC' },
        take: pageSize + 1,
      }),
      manager.countBy(SandboxListing, { accountId: sellerAccountId }),
    ]);
    const listings = rows.slice(0, pageSize).map(({ sellerSku, asin, title, priceCents, currency, returnable }) => ({ sellerSku, asin, title, priceCents, currency, returnable }));
    const last = listings[listings.length - 1];
    return { listings, totalCount, nextPageToken: rows.length > pageSize ? Buffer.from(last.sellerSku, 'utf8').toString('base64url') : null };
  }

  async getFulfillmentInventory(sellerAccountId: string): Promise<FulfillmentInventory[]> {
    const rows = await this.dataSource.manager.find(SandboxListing, {
      select: { sellerSku: true, fulfillableQuantity: true },
      where: { accountId: sellerAccountId },
    });
    return rows.map(({ sellerSku, fulfillableQuantity }) => ({ sellerSku, fulfillableQuantity }));
  }

  async registerAmazonPay(sellerAccountId: string): Promise<AmazonPayRegistration> {
    return this.transactions.run(async (manager) => {
      const account = await this.amazonPayProfile(manager, sellerAccountId);
      const now = this.clock.now();
      const existing = await manager.findOneBy(SandboxAmazonPayRegistration, { accountId: sellerAccountId });
      const current = amazonPayStatus(account, existing, now);
      if (current.status === 'PENDING' || current.status === 'ACTIVE') return current;
      await manager.save(SandboxAmazonPayRegistration, { accountId: sellerAccountId, requestedAt: now });
      return amazonPayStatus(account, { requestedAt: now }, now);
    });
  }

  async getAmazonPayRegistration(sellerAccountId: string): Promise<AmazonPayRegistration> {
    const manager = this.dataSource.manager;
    const account = await this.amazonPayProfile(manager, sellerAccountId);
    const registration = await manager.findOneBy(SandboxAmazonPayRegistration, { accountId: sellerAccountId });
    return amazonPayStatus(account, registration, this.clock.now());
  }

  async activatePrimeShipping(sellerAccountId: string, storeId: string): Promise<void> {
    const registration = await this.getAmazonPayRegistration(sellerAccountId);
    if (registration.status !== 'ACTIVE') {
      throw new SellerCentralError('Prime shipping needs an active Amazon Pay registration first.');
    }
    if (!(await this.dataSource.manager.existsBy(SandboxSellerAccount, { id: sellerAccountId }))) return; // an SP-API account (see amazonPayProfile)
    const store = await this.dataSource.manager.findOneBy(SandboxStore, { id: storeId, accountId: sellerAccountId });
    if (!store) throw new SellerCentralError(`The store ${storeId} is not one of the account's stores.`);
  }

  /**
   * How Amazon Pay goes for an account: the sandbox account's settings, or, for an account the sandbox
   * does not hold (a real Selling Partner ID, when the sandbox stands in for Amazon Pay and Prime
   * shipping beside the SP-API gateway in development), activation after the default two minutes.
   */
  private async amazonPayProfile(manager: EntityManager, sellerAccountId: string): Promise<Pick<SandboxSellerAccount, 'amazonPayOutcome' | 'amazonPayActivationMinutes'>> {
    const account = await manager.findOneBy(SandboxSellerAccount, { id: sellerAccountId });
    return account ?? { amazonPayOutcome: 'ACTIVATES', amazonPayActivationMinutes: 2 };
  }

  /** The sandbox notifies every listener of every change at once; there is nothing to subscribe to. */
  async ensureAccountNotifications(): Promise<void> {}

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
  async updateAccount(change: SandboxAccountChange): Promise<SandboxSellerAccount> {
    const account = await this.transactions.run(async (manager) => {
      const account = await this.requireAccount(manager, change.sellerAccountId);
      const { sellerAccountId: _id, ...fields } = change;
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined && value !== null) Object.assign(account, { [key]: value });
      }
      await manager.save(account);
      return account;
    });
    for (const listener of this.listeners) await listener(account.id);
    return account;
  }

  /**
   * Seller Central's store settings: a store leaves the account (closed, or moved to another account),
   * then Buy with Prime is notified. A link to that store stops qualifying (L5, L8).
   */
  async removeStore(sellerAccountId: string, storeId: string): Promise<boolean> {
    const removed = await this.transactions.run(async (manager) => {
      await this.requireAccount(manager, sellerAccountId);
      return ((await manager.delete(SandboxStore, { accountId: sellerAccountId, id: storeId })).affected ?? 0) > 0;
    });
    if (removed) for (const listener of this.listeners) await listener(sellerAccountId);
    return removed;
  }

  /** Seller Central's inventory page: add or change a listing (price, title, units in fulfillment centers). */
  async upsertListing(listing: Omit<SandboxListing, 'currency' | 'returnable'> & { returnable?: boolean }): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.requireAccount(manager, listing.accountId);
      await manager.save(SandboxListing, { returnable: true, ...listing, currency: 'USD' });
    });
  }

  /** Closes a listing in Seller Central; a re-sync then finds it gone. */
  async removeListing(sellerAccountId: string, sellerSku: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      await this.requireAccount(manager, sellerAccountId);
      return ((await manager.delete(SandboxListing, { accountId: sellerAccountId, sellerSku })).affected ?? 0) > 0;
    });
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
