import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Permission } from '../auth/role';
import { requirePermission } from '../auth/permissions';
import { Viewer } from '../auth/viewer';
import { TransactionRunner } from '../database/transaction-runner';
import { Clock } from '../shared/clock';
import { ErrorCode, failIf, UserError } from '../shared/errors';
import { newId } from '../shared/ids';
import { SellerAccount } from '../seller-central/seller-account';
import { SellerCentralGateway } from '../seller-central/seller-central.gateway';
import { ActorKind, LinkEventKind } from './link-event.entity';
import { checkTransition, describeLinkState, LinkState } from './link-state';
import {
  accountGone,
  checkAccountQualifies,
  checkAwaitingAuthorization,
  checkConsent,
  checkNoBlockingLink,
  checkStoreInAccount,
  linkNotFound,
  refusalForCodeExchange,
} from './link.rules';
import { Actor, LinkRepository, sellerCentralActor } from './link.repository';
import { SellerCentralLink } from './seller-central-link.entity';

export interface StartLinkResult {
  link: SellerCentralLink;
  /** Sent to Seller Central's consent page; the authorization code comes back bound to it. */
  authorizationState: string;
}


function userActor(viewer: Viewer): Actor {
  return { kind: ActorKind.USER, userId: viewer.userId };
}

/**
 * Linking a merchant to Seller Central (L1–L8). Each public method is one use case: it checks the
 * rules in a fixed order, throws a `UserError` for the first that fails, and writes in one
 * transaction. Calls to Seller Central happen outside the transaction, as to any remote system.
 */
export class LinkingService {
  constructor(
    private readonly links: LinkRepository,
    private readonly transactions: TransactionRunner,
    private readonly sellerCentral: SellerCentralGateway,
    private readonly clock: Clock,
  ) {}

  /** L2, L7: records the merchant's agreement and opens an attempt that waits for Seller Central. */
  async startLink(viewer: Viewer, input: { agreedToDataUse: boolean }): Promise<StartLinkResult> {
    requireManage(viewer);
    failIf(checkConsent(input.agreedToDataUse)?.at(['input', 'agreedToDataUse']));
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const current = await this.links.findCurrent(viewer.merchantId, manager);
      failIf(checkNoBlockingLink(current?.state));
      if (current) {
        await this.links.update(
          manager,
          current,
          { state: LinkState.ABANDONED, currentForMerchantId: null, endedAt: now },
          now,
          userActor(viewer),
          {
            kind: LinkEventKind.ATTEMPT_ABANDONED,
            fromState: current.state,
            toState: LinkState.ABANDONED,
            message: 'A newer link attempt replaced this one before it was authorized.',
          },
        );
      }
      const link = Object.assign(new SellerCentralLink(), {
        id: newId(now.getTime()),
        merchantId: viewer.merchantId,
        currentForMerchantId: viewer.merchantId,
        state: LinkState.AWAITING_AUTHORIZATION,
        authorizationState: randomBytes(24).toString('base64url'),
        consentedByUserId: viewer.userId,
        consentedAt: now,
        sellerAccountId: null,
        sellerAccountName: null,
        storeId: null,
        storeName: null,
        marketplace: null,
        linkedAt: null,
        attentionCode: null,
        attentionMessage: null,
        attentionSince: null,
        endedAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      await this.links.create(manager, link, userActor(viewer), {
        kind: LinkEventKind.CONSENT_RECORDED,
        fromState: null,
        toState: LinkState.AWAITING_AUTHORIZATION,
        message: 'Agreed to let Buy with Prime use the information in the Seller Central account.',
      });
      return { link, authorizationState: link.authorizationState };
    });
  }

  /**
   * Completes an attempt with the code Seller Central handed back. Checks, in order: the attempt
   * still waits (L2, L7), the code (unknown, other attempt, used, expired), the plan (L3), the
   * standing (L4), the store (L5).
   */
  async completeLink(viewer: Viewer, input: { linkId: string; authorizationCode: string }): Promise<SellerCentralLink> {
    requireManage(viewer);
    const attempt = await this.requireLink(viewer, input.linkId);
    failIf(checkAwaitingAuthorization(attempt.state)?.at(['input', 'linkId']));

    const exchange = await this.sellerCentral.exchangeAuthorizationCode(input.authorizationCode, attempt.authorizationState);
    if (!exchange.ok) throw refusalForCodeExchange(exchange.refusal).at(['input', 'authorizationCode']);
    const account = await this.sellerCentral.getAccount(exchange.grant.sellerAccountId);
    if (!account) throw accountGone(exchange.grant.sellerAccountId);
    failIf(checkAccountQualifies(account));
    failIf(checkStoreInAccount(account, exchange.grant.storeId));
    const store = account.stores.find((candidate) => candidate.id === exchange.grant.storeId)!;

    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const link = await this.links.findForMerchant(attempt.id, viewer.merchantId, manager);
      failIf(checkAwaitingAuthorization(link!.state)?.at(['input', 'linkId']));
      const linked = await this.links.update(
        manager,
        link!,
        {
          state: LinkState.LINKED,
          sellerAccountId: account.id,
          sellerAccountName: account.name,
          storeId: store.id,
          storeName: store.name,
          marketplace: store.marketplace,
          linkedAt: now,
        },
        now,
        userActor(viewer),
        {
          kind: LinkEventKind.LINKED,
          fromState: link!.state,
          toState: LinkState.LINKED,
          message: `Linked to the Seller Central account "${account.name}" (${account.id}), store "${store.name}".`,
        },
      );
      await this.links.createOnboardingSteps(manager, linked, now);
      return linked;
    });
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
        { field: ['input', 'linkId'], details: { from: link.state, to: LinkState.LINKED } },
      );
    }
    const problem = await this.qualificationProblem(link);
    if (problem && link.state === LinkState.NEEDS_ATTENTION) throw problem;
    return this.transactions.run(async (manager) => {
      const fresh = await this.links.findForMerchant(link.id, viewer.merchantId, manager);
      if (problem) return this.markNeedsAttention(manager, fresh!, problem, userActor(viewer));
      if (fresh!.state === LinkState.LINKED) return fresh!;
      failIf(checkTransition(fresh!.state, LinkState.LINKED));
      const now = this.clock.now();
      return this.links.update(
        manager,
        fresh!,
        { state: LinkState.LINKED, attentionCode: null, attentionMessage: null, attentionSince: null },
        now,
        userActor(viewer),
        {
          kind: LinkEventKind.REVERIFIED,
          fromState: fresh!.state,
          toState: LinkState.LINKED,
          message: 'Re-verified: the Seller Central account qualifies again.',
        },
      );
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
        if (fresh?.state === LinkState.UNLINK_REQUESTED && !fresh.attentionCode) await this.noteAttention(manager, fresh, problem);
      });
    }
  }

  /**
   * L8 while an unlink waits: the state stays UNLINK_REQUESTED, but the problem is kept, so that a
   * withdrawn request returns the link to NEEDS_ATTENTION rather than to LINKED.
   */
  private async noteAttention(manager: EntityManager, link: SellerCentralLink, problem: UserError): Promise<void> {
    const now = this.clock.now();
    await this.links.update(
      manager,
      link,
      { attentionCode: problem.code, attentionMessage: problem.message, attentionSince: now },
      now,
      sellerCentralActor,
      { kind: LinkEventKind.NEEDS_ATTENTION, fromState: null, toState: null, message: `${problem.message} (noted while the unlink request waits)` },
    );
  }

  private async qualificationProblem(link: SellerCentralLink): Promise<UserError | undefined> {
    const account: SellerAccount | null = await this.sellerCentral.getAccount(link.sellerAccountId!);
    if (!account) return accountGone(link.sellerAccountId!);
    return checkAccountQualifies(account) ?? checkStoreInAccount(account, link.storeId!);
  }

  private async markNeedsAttention(
    manager: EntityManager,
    link: SellerCentralLink,
    problem: UserError,
    actor: Actor,
  ): Promise<SellerCentralLink> {
    failIf(checkTransition(link.state, LinkState.NEEDS_ATTENTION));
    const now = this.clock.now();
    return this.links.update(
      manager,
      link,
      { state: LinkState.NEEDS_ATTENTION, attentionCode: problem.code, attentionMessage: problem.message, attentionSince: now },
      now,
      actor,
      { kind: LinkEventKind.NEEDS_ATTENTION, fromState: link.state, toState: LinkState.NEEDS_ATTENTION, message: problem.message },
    );
  }

  private async requireLink(viewer: Viewer, linkId: string): Promise<SellerCentralLink> {
    const link = await this.links.findForMerchant(linkId, viewer.merchantId);
    if (!link) throw linkNotFound();
    return link;
  }
}

function requireManage(viewer: Viewer): void {
  requirePermission(viewer, Permission.MANAGE_LINK, 'link or unlink Seller Central accounts');
}
