import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { requirePermission } from '../auth/permissions';
import { Permission } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { CatalogProduct } from '../catalog/catalog-product.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { ActorKind, LinkEventKind } from '../linking/link-event.entity';
import { checkTransition, LinkState } from '../linking/link-state';
import { Actor, ConcurrentLinkChange, LinkRepository, systemActor } from '../linking/link.repository';
import { SellerCentralLink } from '../linking/seller-central-link.entity';
import { OrderRepository } from '../orders/order.repository';
import { Clock } from '../shared/clock';
import { ErrorCode, failIf, UserError } from '../shared/errors';
import { newId } from '../shared/ids';
import { UnlinkRequest, UnlinkRequestState } from './unlink-request.entity';
import { UnlinkRequestRepository } from './unlink-request.repository';
import { checkCanRequestUnlink, checkCanWithdraw, checkNothingOffersPrime, UnlinkWait, unlinkWait } from './unlink.rules';

export interface UnlinkSettings {
  returnWindowDays: number;
  /** How long unlinking takes at merchant support once it has begun. */
  processingMs: number;
}


/**
 * Unlinking (U1–U7): a request to merchant support that waits until every order is outside its
 * return window, then unlinks after the processing time. `advance` is the scheduler's part: it is
 * idempotent and claims each move with a conditional write, so any number of servers can run it.
 */
export class UnlinkService {
  constructor(
    private readonly links: LinkRepository,
    private readonly orders: OrderRepository,
    private readonly requests: UnlinkRequestRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly settings: UnlinkSettings,
  ) {}

  /** U1, U2: asks to unlink, with a reason; refused while any product offers Prime. */
  async requestUnlink(viewer: Viewer, input: { reason: string }): Promise<{ request: UnlinkRequest; link: SellerCentralLink }> {
    requirePermission(viewer, Permission.MANAGE_LINK, 'request an unlink');
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const link = await this.links.findCurrentForUpdate(viewer.merchantId, manager);
      failIf(checkCanRequestUnlink(link?.state ?? null));
      const offering = await manager.find(CatalogProduct, {
        select: { sku: true },
        where: { merchantId: viewer.merchantId, offerPrime: true },
        order: { sku: 'ASC' },
        take: 10,
      });
      const offeringCount = offering.length < 10 ? offering.length : await manager.countBy(CatalogProduct, { merchantId: viewer.merchantId, offerPrime: true });
      failIf(checkNothingOffersPrime({ count: offeringCount, skus: offering.map((product) => product.sku) }));

      const request = Object.assign(new UnlinkRequest(), {
        id: newId(now.getTime()),
        merchantId: viewer.merchantId,
        linkId: link!.id,
        state: UnlinkRequestState.WAITING,
        supportCaseId: `CASE-${randomBytes(5).toString('hex').toUpperCase()}`,
        reason: input.reason,
        requestedByUserId: viewer.userId,
        requestedAt: now,
        withdrawnByUserId: null,
        withdrawnAt: null,
        unlinkingStartedAt: null,
        completedAt: null,
      });
      await manager.insert(UnlinkRequest, request);
      const updated = await this.move(manager, link!, LinkState.UNLINK_REQUESTED, { kind: ActorKind.USER, userId: viewer.userId }, {}, LinkEventKind.UNLINK_REQUESTED,
        `Asked merchant support to unlink (case ${request.supportCaseId}): "${input.reason}".`);
      return { request, link: updated };
    });
  }

  /** U4: withdraws a request that still waits; the link is active again. */
  async withdraw(viewer: Viewer, input: { requestId: string }): Promise<{ request: UnlinkRequest; link: SellerCentralLink }> {
    requirePermission(viewer, Permission.MANAGE_LINK, 'withdraw an unlink request');
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const request = await manager.findOneBy(UnlinkRequest, { id: input.requestId, merchantId: viewer.merchantId });
      if (!request) throw new UserError(ErrorCode.NOT_FOUND, 'No unlink request with this ID exists for your merchant.', { field: ['input', 'unlinkRequestId'] });
      const link = await this.links.findForMerchant(request.linkId, viewer.merchantId, manager);
      failIf(request.state === UnlinkRequestState.WAITING ? checkCanWithdraw(link!.state) : checkCanWithdraw(LinkState.UNLINKED));
      const withdrawn = Object.assign(request, { state: UnlinkRequestState.WITHDRAWN, withdrawnAt: now, withdrawnByUserId: viewer.userId });
      await manager.update(UnlinkRequest, { id: request.id, state: UnlinkRequestState.WAITING }, withdrawn);
      // L8: an account that stopped qualifying (before or during the wait) returns to needing attention.
      const backTo = link!.attentionCode ? LinkState.NEEDS_ATTENTION : LinkState.LINKED;
      const updated = await this.move(manager, link!, backTo, { kind: ActorKind.USER, userId: viewer.userId }, {}, LinkEventKind.UNLINK_WITHDRAWN,
        backTo === LinkState.LINKED
          ? `Withdrew the unlink request (case ${request.supportCaseId}); the link is active again.`
          : `Withdrew the unlink request (case ${request.supportCaseId}); the link still needs attention.`);
      return { request: withdrawn, link: updated };
    });
  }

  /** U3: what the merchant's pending unlink waits for, now. */
  async waitFor(merchantId: string): Promise<UnlinkWait> {
    const now = this.clock.now();
    return unlinkWait(await this.orders.openSummary(merchantId, now), now, this.settings.returnWindowDays);
  }

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
    await this.claim(request, UnlinkRequestState.WAITING, async (manager, link, now) => {
      if ((await this.waitFor(request.merchantId)).orderCount > 0) return;
      await manager.update(UnlinkRequest, { id: request.id }, { state: UnlinkRequestState.UNLINKING, unlinkingStartedAt: now });
      await this.move(manager, link, LinkState.UNLINKING, systemActor, {}, LinkEventKind.UNLINKING_STARTED,
        'Every Buy with Prime order is outside its return window: unlinking has begun. Buy with Prime can no longer be offered on the site.');
    });
  }

  /** U6: after the processing time, the link is history. */
  private async completeIfProcessed(request: UnlinkRequest): Promise<void> {
    if (this.expectedCompletion(request)!.getTime() > this.clock.now().getTime()) return;
    await this.claim(request, UnlinkRequestState.UNLINKING, async (manager, link, now) => {
      await manager.update(UnlinkRequest, { id: request.id }, { state: UnlinkRequestState.COMPLETED, completedAt: now });
      await this.move(manager, link, LinkState.UNLINKED, systemActor, { currentForMerchantId: null, endedAt: now }, LinkEventKind.UNLINKED,
        'Unlinked. The merchant may link again, to the same or another account or store.');
    });
  }

  /** Moves a request on exactly once: the state it was read in must still hold when the move is written. */
  private async claim(
    request: UnlinkRequest,
    from: UnlinkRequestState,
    work: (manager: EntityManager, link: SellerCentralLink, now: Date) => Promise<void>,
  ): Promise<void> {
    try {
      await this.transactions.run(async (manager) => {
        const fresh = await manager.findOneBy(UnlinkRequest, { id: request.id, state: from });
        const link = fresh && (await this.links.findForMerchant(fresh.linkId, fresh.merchantId, manager));
        if (!fresh || !link) return;
        await work(manager, link, this.clock.now());
      });
    } catch (error) {
      if (!(error instanceof ConcurrentLinkChange)) throw error;
    }
  }

  private async move(
    manager: EntityManager,
    link: SellerCentralLink,
    to: LinkState,
    actor: Actor,
    changes: Partial<SellerCentralLink>,
    kind: LinkEventKind,
    message: string,
  ): Promise<SellerCentralLink> {
    failIf(checkTransition(link.state, to));
    return this.links.update(manager, link, { ...changes, state: to }, this.clock.now(), actor, { kind, fromState: link.state, toState: to, message });
  }
}
