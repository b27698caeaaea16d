import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { requirePermission } from '../auth/permissions';
import { Permission } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { CatalogRepository } from '../catalog/catalog.repository';
import { TransactionRunner } from '../database/transaction-runner';
import { LinkEventKind } from '../linking/link-event.entity';
import { LinkState } from '../linking/link-state';
import { ConcurrentLinkChange, LinkRepository, systemActor, userActor } from '../linking/link.repository';
import { SellerCentralLink } from '../linking/seller-central-link.entity';
import { openOrders } from '../orders/order-tally';
import { OrderTallies } from '../orders/order-tally.repository';
import { ActivityLog, silentActivityLog } from '../shared/activity-log';
import { Clock } from '../shared/clock';
import { ErrorCode, failIf, UserError } from '../shared/errors';
import { newId } from '../shared/ids';
import { UnlinkRequest } from './unlink-request.entity';
import { UnlinkRequestState } from './unlink-request-state';
import { UnlinkRequestRepository } from './unlink-request.repository';
import { checkCanWithdraw, checkNothingOffersPrime, NAMED_PRODUCTS, UnlinkWait, unlinkWait, unlinkableLink } from './unlink.rules';

export interface UnlinkSettings {
  returnWindowDays: number;
  /** How long unlinking takes at merchant support once it has begun. */
  processingMs: number;
}

export interface UnlinkChange {
  request: UnlinkRequest;
  link: SellerCentralLink;
}

/**
 * Unlinking (U1–U7): a request to merchant support that waits until every order is outside its
 * return window, then unlinks after the processing time. `advance` is the scheduler's part: it is
 * idempotent and claims each move with a conditional write, so any number of servers can run it.
 * The link moves through `LinkRepository.transition`, in the same transaction as the request.
 */
export class UnlinkService {
  constructor(
    private readonly links: LinkRepository,
    private readonly catalog: CatalogRepository,
    private readonly tallies: OrderTallies,
    private readonly requests: UnlinkRequestRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly settings: UnlinkSettings,
    private readonly log: ActivityLog = silentActivityLog,
  ) {}

  /** U1, U2: asks to unlink, with a reason; refused while any product offers Prime. */
  async requestUnlink(viewer: Viewer, input: { reason: string }): Promise<UnlinkChange> {
    requirePermission(viewer, Permission.MANAGE_LINK, 'request an unlink');
    return this.transactions.run(async (manager) => {
      const at = this.clock.now();
      const link = unlinkableLink(await this.links.findCurrentForUpdate(viewer.merchantId, manager));
      if (link instanceof UserError) throw link;
      failIf(checkNothingOffersPrime(await this.catalog.offeringPrime(viewer.merchantId, NAMED_PRODUCTS, manager)));

      const request = Object.assign(new UnlinkRequest(), {
        id: newId(at.getTime()),
        merchantId: viewer.merchantId,
        linkId: link.id,
        state: UnlinkRequestState.WAITING,
        supportCaseId: `CASE-${randomBytes(5).toString('hex').toUpperCase()}`,
        reason: input.reason,
        requestedByUserId: viewer.userId,
        requestedAt: at,
        withdrawnByUserId: null,
        withdrawnAt: null,
        unlinkingStartedAt: null,
        completedAt: null,
      });
      await this.requests.insert(manager, request);
      const updated = await this.links.transition(manager, link, LinkState.UNLINK_REQUESTED, {
        actor: userActor(viewer.userId),
        at,
        kind: LinkEventKind.UNLINK_REQUESTED,
        message: `Asked merchant support to unlink (case ${request.supportCaseId}): "${input.reason}".`,
      });
      return { request, link: updated };
    });
  }

  /** U4: withdraws a request that still waits; the link is active again (or needs attention again, L8). */
  async withdraw(viewer: Viewer, input: { requestId: string }): Promise<UnlinkChange> {
    requirePermission(viewer, Permission.MANAGE_LINK, 'withdraw an unlink request');
    return this.transactions.run(async (manager) => {
      const at = this.clock.now();
      const request = await this.requests.findForMerchant(input.requestId, viewer.merchantId, manager);
      if (!request) throw new UserError(ErrorCode.NOT_FOUND, 'No unlink request with this ID exists for your merchant.', { field: ['input', 'unlinkRequestId'] });
      failIf(checkCanWithdraw(request.state)?.at(['input', 'unlinkRequestId']));
      const link = await this.linkOf(request, manager);
      const withdrawn = Object.assign(new UnlinkRequest(), request, { state: UnlinkRequestState.WITHDRAWN, withdrawnAt: at, withdrawnByUserId: viewer.userId });
      if (!(await this.requests.move(manager, request, withdrawn))) {
        throw new UserError(ErrorCode.UNLINK_NOT_WITHDRAWABLE, 'The unlink request changed while it was being withdrawn; look at it again.', {
          field: ['input', 'unlinkRequestId'],
        });
      }
      // L8: an account that stopped qualifying (before or during the wait) returns to needing attention.
      const backTo = link.attentionCode ? LinkState.NEEDS_ATTENTION : LinkState.LINKED;
      const updated = await this.links.transition(manager, link, backTo, {
        actor: userActor(viewer.userId),
        at,
        kind: LinkEventKind.UNLINK_WITHDRAWN,
        message:
          backTo === LinkState.LINKED
            ? `Withdrew the unlink request (case ${request.supportCaseId}); the link is active again.`
            : `Withdrew the unlink request (case ${request.supportCaseId}); the link still needs attention.`,
      });
      return { request: withdrawn, link: updated };
    });
  }

  /** U3: what the merchant's pending unlink waits for, now. */
  async waitFor(merchantId: string): Promise<UnlinkWait> {
    const now = this.clock.now();
    return unlinkWait(openOrders(await this.tallies.read(merchantId, now)), now, this.settings.returnWindowDays);
  }

  /** When unlinking completes, once it has begun. */
  expectedCompletion(request: UnlinkRequest): Date | null {
    return request.unlinkingStartedAt ? new Date(request.unlinkingStartedAt.getTime() + this.settings.processingMs) : null;
  }

  /**
   * The scheduler's run: requests with nothing left to wait for begin unlinking (U3, U5); unlinking
   * that has run its processing time completes, and the link becomes history (U6).
   */
  async advance(): Promise<void> {
    const failures: unknown[] = [];
    const each = async (requests: UnlinkRequest[], work: (request: UnlinkRequest) => Promise<void>) => {
      for (const request of requests) await work(request).catch((error) => failures.push(error));
    };
    await each(await this.requests.inState(UnlinkRequestState.WAITING), (request) => this.beginIfNothingWaits(request));
    await each(await this.requests.inState(UnlinkRequestState.UNLINKING), (request) => this.completeIfProcessed(request));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, `${failures.length} unlink requests could not be advanced on this run`);
  }

  /** U3, U5: with no open order left, unlinking begins. */
  private async beginIfNothingWaits(request: UnlinkRequest): Promise<void> {
    if ((await this.waitFor(request.merchantId)).orderCount > 0) return;
    const began = await this.claim(request, async (manager, fresh, link, at) => {
      if ((await this.waitFor(request.merchantId)).orderCount > 0) return false;
      if (!(await this.requests.move(manager, fresh, { state: UnlinkRequestState.UNLINKING, unlinkingStartedAt: at }))) return false;
      await this.links.transition(manager, link, LinkState.UNLINKING, {
        actor: systemActor,
        at,
        kind: LinkEventKind.UNLINKING_STARTED,
        message: 'Every Buy with Prime order is outside its return window: unlinking has begun. Buy with Prime can no longer be offered on the site.',
      });
      return true;
    });
    if (began) this.log.info(this.about(request), 'Unlinking began: no Buy with Prime order is open any more');
  }

  /** U6: after the processing time, the link is history. */
  private async completeIfProcessed(request: UnlinkRequest): Promise<void> {
    const completion = this.expectedCompletion(request);
    if (!completion || completion.getTime() > this.clock.now().getTime()) return;
    const completed = await this.claim(request, async (manager, fresh, link, at) => {
      if (!(await this.requests.move(manager, fresh, { state: UnlinkRequestState.COMPLETED, completedAt: at }))) return false;
      await this.links.transition(manager, link, LinkState.UNLINKED, {
        actor: systemActor,
        at,
        kind: LinkEventKind.UNLINKED,
        message: 'Unlinked. The merchant may link again, to the same or another account or store.',
      });
      return true;
    });
    if (completed) this.log.info(this.about(request), 'Unlinking completed: the link is history');
  }

  private about(request: UnlinkRequest) {
    return { merchantId: request.merchantId, linkId: request.linkId, unlinkRequestId: request.id };
  }

  /**
   * Moves a request on exactly once: the state it was read in must still hold when the move is
   * written. True when this run made the move (and it committed).
   */
  private async claim(
    request: UnlinkRequest,
    work: (manager: EntityManager, fresh: UnlinkRequest, link: SellerCentralLink, at: Date) => Promise<boolean>,
  ): Promise<boolean> {
    try {
      return await this.transactions.run(async (manager) => {
        const fresh = await this.requests.findStillIn(request, request.state, manager);
        if (!fresh) return false;
        return work(manager, fresh, await this.linkOf(fresh, manager), this.clock.now());
      });
    } catch (error) {
      if (!(error instanceof ConcurrentLinkChange)) throw error;
      return false;
    }
  }

  /** The link a request belongs to; every request has one, so a missing link is a broken invariant, not a user's mistake. */
  private async linkOf(request: UnlinkRequest, manager: EntityManager): Promise<SellerCentralLink> {
    const link = await this.links.findForMerchant(request.linkId, request.merchantId, manager);
    if (!link) throw new Error(`Unlink request ${request.id} names link ${request.linkId}, which does not exist.`);
    return link;
  }
}
