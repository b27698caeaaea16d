import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Permission } from '../auth/role';
import { requirePermission } from '../auth/permissions';
import { Viewer } from '../auth/viewer';
import { TransactionRunner } from '../database/transaction-runner';
import { ActivityLog, silentActivityLog } from '../shared/activity-log';
import { Clock } from '../shared/clock';
import { ErrorCode, failIf, UserError } from '../shared/errors';
import { AuthorizationCallback, SellerCentralError, SellerCentralGateway } from '../seller-central/seller-central.gateway';
import { LinkEventKind } from './link-event.entity';
import { describeLinkState, LinkState, linkMoveDetail } from './link-state';
import {
  accountGone,
  checkAccountQualifies,
  checkAuthorizationState,
  checkAwaitingAuthorization,
  checkConsent,
  checkNoBlockingLink,
  checkStoreInAccount,
  chosenStore,
  linkNotFound,
  refusalForCodeExchange,
} from './link.rules';
import { Actor, LinkRepository, sellerCentralActor, userActor } from './link.repository';
import { SellerCentralLink } from './seller-central-link.entity';

export interface StartLinkResult {
  link: SellerCentralLink;
  /** Sent to Seller Central's consent page; the authorization code comes back bound to it. */
  authorizationState: string;
  /** Seller Central's consent page for this attempt; null with the sandbox (its consent page is a mutation). */
  authorizationUrl: string | null;
}

export interface LinkingOptions {
  /**
   * The website authorization workflow: a completion must bring back the attempt's OAuth `state`, and
   * an attempt expires after `attemptTtlMs` (null: never, as with the sandbox, whose codes expire instead).
   */
  requireState: boolean;
  attemptTtlMs: number | null;
}

/** What Seller Central's redirect brings back: GET /seller-central/callback's query, or a console relaying it. */
export interface SellerCentralCallback {
  state: string | undefined;
  sellingPartnerId: string | undefined;
  authorizationCode: string | undefined;
}

/**
 * Linking a merchant to Seller Central (L1–L8). Each public method is one use case: it checks the
 * rules in a fixed order, throws a `UserError` for the first that fails, and writes in one
 * transaction. Calls to Seller Central happen outside the transaction, as to any remote system.
 * Every change of a link's state goes through `LinkRepository.transition`.
 */
export class LinkingService {
  constructor(
    private readonly links: LinkRepository,
    private readonly transactions: TransactionRunner,
    private readonly sellerCentral: SellerCentralGateway,
    private readonly clock: Clock,
    private readonly options: LinkingOptions = { requireState: false, attemptTtlMs: null },
    private readonly log: ActivityLog = silentActivityLog,
  ) {}

  /** L2, L7: records the merchant's agreement and opens an attempt that waits for Seller Central. */
  async startLink(viewer: Viewer, input: { agreedToDataUse: boolean }): Promise<StartLinkResult> {
    requireManage(viewer);
    failIf(checkConsent(input.agreedToDataUse)?.at(['input', 'agreedToDataUse']));
    return this.transactions.run(async (manager) => {
      const at = this.clock.now();
      const actor = userActor(viewer.userId);
      const current = await this.links.findCurrent(viewer.merchantId, manager);
      failIf(checkNoBlockingLink(current?.state));
      if (current) {
        await this.links.transition(manager, current, LinkState.ABANDONED, {
          actor,
          at,
          kind: LinkEventKind.ATTEMPT_ABANDONED,
          message: 'A newer link attempt replaced this one before it was authorized.',
        });
      }
      const link = await this.links.start(
        manager,
        { merchantId: viewer.merchantId, consentedByUserId: viewer.userId, authorizationState: randomBytes(24).toString('base64url') },
        {
          actor,
          at,
          kind: LinkEventKind.CONSENT_RECORDED,
          message: 'Agreed to let Buy with Prime use the information in the Seller Central account.',
        },
      );
      return { link, authorizationState: link.authorizationState, authorizationUrl: this.sellerCentral.authorizationUrl(link.authorizationState) };
    });
  }

  /**
   * Completes an attempt with the code Seller Central handed back (a console that handles the redirect
   * itself). Checks, in order: the attempt still waits (L2, L7), its OAuth state when the protocol has
   * one (unknown or another attempt's, used, expired), the code (unknown, other attempt, used, expired,
   * refused by Login with Amazon), the plan (L3), the standing (L4), the store (L5).
   */
  async completeLink(
    viewer: Viewer,
    input: { linkId: string; authorizationCode: string; state?: string | null; sellingPartnerId?: string | null },
  ): Promise<SellerCentralLink> {
    requireManage(viewer);
    const attempt = await this.requireLink(viewer, input.linkId);
    failIf(checkAwaitingAuthorization(attempt.state)?.at(['input', 'linkId']));
    if (this.options.requireState || input.state) {
      failIf(checkAuthorizationState(attempt, input.state ?? undefined, this.clock.now(), this.options.attemptTtlMs)?.at(['input', 'state']));
    }
    const callback = { code: input.authorizationCode, state: attempt.authorizationState, sellingPartnerId: input.sellingPartnerId ?? undefined };
    return this.completeAttempt(attempt, callback, userActor(viewer.userId), ['input', 'authorizationCode']);
  }

  /**
   * Seller Central's redirect (GET /seller-central/callback): the browser carries no sign-in, so the
   * OAuth `state` alone names the attempt (random, single-use, expiring with the attempt); the merchant
   * user who started it is the actor. Refusals change nothing.
   */
  async completeFromCallback(callback: SellerCentralCallback): Promise<SellerCentralLink> {
    const attempt = callback.state ? await this.links.findByAuthorizationState(callback.state) : null;
    failIf(checkAuthorizationState(attempt, callback.state, this.clock.now(), this.options.attemptTtlMs));
    if (!attempt) throw new Error('unreachable: the state check refuses a missing attempt');
    if (!callback.authorizationCode) throw refusalForCodeExchange('UNKNOWN');
    return this.completeAttempt(
      attempt,
      { code: callback.authorizationCode, state: attempt.authorizationState, sellingPartnerId: callback.sellingPartnerId },
      userActor(attempt.consentedByUserId),
      undefined,
    );
  }

  private async completeAttempt(attempt: SellerCentralLink, callback: AuthorizationCallback, actor: Actor, codeField: string[] | undefined): Promise<SellerCentralLink> {
    const exchange = await unavailableAsRefusal(() => this.sellerCentral.exchangeAuthorizationCode(callback));
    if (!exchange.ok) {
      const refusal = refusalForCodeExchange(exchange.refusal);
      throw codeField ? refusal.at(codeField) : refusal;
    }
    const { grant } = exchange;
    const account = await unavailableAsRefusal(() => this.sellerCentral.getAccount(grant.sellerAccountId, grant));
    if (!account) throw accountGone(grant.sellerAccountId);
    failIf(checkAccountQualifies(account));
    const store = chosenStore(account, grant.storeId);
    if (store instanceof UserError) throw store;

    const linked = await this.transactions.run(async (manager) => {
      const link = await this.links.findForMerchant(attempt.id, attempt.merchantId, manager);
      if (!link) throw linkNotFound();
      failIf(checkAwaitingAuthorization(link.state)?.at(['input', 'linkId']));
      const at = this.clock.now();
      const linked = await this.links.transition(manager, link, LinkState.LINKED, {
        actor,
        at,
        kind: LinkEventKind.LINKED,
        message: `Linked to the Seller Central account "${account.name}" (${account.id}), store "${store.name}".`,
        changes: {
          sellerAccountId: account.id,
          sellerAccountName: account.name,
          storeId: store.id,
          storeName: store.name,
          marketplace: store.marketplace,
          linkedAt: at,
        },
      });
      await this.sellerCentral.keepGrant(manager, linked.id, grant);
      return linked;
    });
    await this.subscribeToAccountChanges(account.id, linked.id);
    return linked;
  }

  /**
   * L8: once linked, Seller Central is asked to notify us of the account's changes. The link does not
   * depend on it: a failure is logged, and the periodic account check subscribes the seller later.
   */
  private async subscribeToAccountChanges(sellerAccountId: string, linkId: string): Promise<void> {
    try {
      await this.sellerCentral.ensureAccountNotifications(sellerAccountId);
    } catch (error) {
      this.log.warn(
        { sellerAccountId, linkId, reason: error instanceof Error ? error.message : String(error) },
        'Linked, but Seller Central\'s account notifications could not be subscribed to; the periodic account check tries again',
      );
    }
  }

  /**
   * L8: checks the account again. A link that needs attention comes back once the account
   * qualifies; a linked account that stopped qualifying is marked as needing attention.
   */
  async reverifyLink(viewer: Viewer, input: { linkId: string }): Promise<SellerCentralLink> {
    requireManage(viewer);
    const link = await this.requireLink(viewer, input.linkId);
    if (link.state !== LinkState.LINKED && link.state !== LinkState.NEEDS_ATTENTION) {
      throw new UserError(
        ErrorCode.INVALID_LINK_TRANSITION,
        `Only a linked account can be re-verified; this link is ${describeLinkState(link.state)}.`,
        { field: ['input', 'linkId'], details: linkMoveDetail({ from: link.state, to: LinkState.LINKED }) },
      );
    }
    const problem = await unavailableAsRefusal(() => this.qualificationProblem(link));
    if (problem && link.state === LinkState.NEEDS_ATTENTION) throw problem;
    return this.transactions.run(async (manager) => {
      const fresh = await this.requireLink(viewer, link.id, manager);
      if (problem) return this.markNeedsAttention(manager, fresh, problem, userActor(viewer.userId));
      if (fresh.state === LinkState.LINKED) return fresh;
      return this.links.transition(manager, fresh, LinkState.LINKED, {
        actor: userActor(viewer.userId),
        at: this.clock.now(),
        kind: LinkEventKind.REVERIFIED,
        message: 'Re-verified: the Seller Central account qualifies again.',
      });
    });
  }

  /**
   * L8, on Seller Central's word that an account changed: every link that relies on it is checked,
   * and those whose account stopped qualifying need attention. Coming back takes the merchant's
   * own re-verification, never this notification alone.
   */
  async accountChanged(sellerAccountId: string): Promise<void> {
    for (const link of await this.links.findInUseForAccount(sellerAccountId)) {
      const problem = await this.qualificationProblem(link);
      if (!problem || link.state === LinkState.NEEDS_ATTENTION) continue;
      await this.transactions.run(async (manager) => {
        const fresh = await this.links.findForMerchant(link.id, link.merchantId, manager);
        if (fresh?.state === LinkState.LINKED) await this.markNeedsAttention(manager, fresh, problem, sellerCentralActor);
        if (fresh?.state === LinkState.UNLINK_REQUESTED && !fresh.attentionCode) {
          // The state stays while the unlink waits; the problem is kept so that a withdrawal returns to NEEDS_ATTENTION.
          const at = this.clock.now();
          await this.links.noteAttention(
            manager,
            fresh,
            { attentionCode: problem.code, attentionMessage: problem.message, attentionSince: at },
            { actor: sellerCentralActor, at, kind: LinkEventKind.NEEDS_ATTENTION, message: `${problem.message} (noted while the unlink request waits)` },
          );
        }
      });
    }
  }

  /**
   * L8, periodically: every account that links rely on is read again, so that an account that stopped
   * qualifying is caught even when Seller Central's notification was lost, and each is subscribed to
   * Seller Central's notifications if it is not yet (the subscription at link time failed). One account's
   * failure, or one check's, does not hold up the others; they are reported together.
   */
  async recheckAccounts(): Promise<void> {
    const failures: unknown[] = [];
    for (const sellerAccountId of await this.links.sellerAccountsInUse()) {
      for (const check of [() => this.accountChanged(sellerAccountId), () => this.sellerCentral.ensureAccountNotifications(sellerAccountId)]) {
        try {
          await check();
        } catch (error) {
          failures.push(error);
        }
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} Seller Central account(s) could not be checked`);
  }

  private async qualificationProblem(link: SellerCentralLink): Promise<UserError | undefined> {
    const { sellerAccountId, storeId } = link;
    if (!sellerAccountId || !storeId) throw new Error(`Link ${link.id} is ${link.state} but has no Seller Central account and store.`);
    const account = await this.sellerCentral.getAccount(sellerAccountId);
    if (!account) return accountGone(sellerAccountId);
    return checkAccountQualifies(account) ?? checkStoreInAccount(account, storeId);
  }

  private markNeedsAttention(manager: EntityManager, link: SellerCentralLink, problem: UserError, actor: Actor): Promise<SellerCentralLink> {
    const at = this.clock.now();
    return this.links.transition(manager, link, LinkState.NEEDS_ATTENTION, {
      actor,
      at,
      kind: LinkEventKind.NEEDS_ATTENTION,
      message: problem.message,
      changes: { attentionCode: problem.code, attentionMessage: problem.message, attentionSince: at },
    });
  }

  private async requireLink(viewer: Viewer, linkId: string, manager?: EntityManager): Promise<SellerCentralLink> {
    const link = await this.links.findForMerchant(linkId, viewer.merchantId, manager);
    if (!link) throw linkNotFound();
    return link;
  }
}

/** Seller Central being down (or refusing us) while a merchant waits is SELLER_CENTRAL_UNAVAILABLE; nothing is written. */
async function unavailableAsRefusal<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof SellerCentralError)) throw error;
    throw new UserError(ErrorCode.SELLER_CENTRAL_UNAVAILABLE, error.message, {
      remedy: 'Nothing was changed. Try again in a few minutes; if Seller Central keeps refusing, authorize Buy with Prime in Seller Central again.',
    });
  }
}

function requireManage(viewer: Viewer): void {
  requirePermission(viewer, Permission.MANAGE_LINK, 'link or unlink Seller Central accounts');
}
