import { newId } from '../shared/ids';
import { DataSource, EntityManager, In, IsNull, LessThan, Not } from 'typeorm';
import { OnboardingStep } from '../onboarding/onboarding-step.entity';
import { initialStep, onboardingStepOrder } from '../onboarding/onboarding-step';
import { ActorKind, LinkEvent, LinkEventKind } from './link-event.entity';
import { LinkState } from './link-state';
import { SellerCentralLink } from './seller-central-link.entity';

/** Who made a change: a merchant user, Buy with Prime itself, or Seller Central. */
export interface Actor {
  kind: ActorKind;
  userId: string | null;
}

export const systemActor: Actor = { kind: ActorKind.SYSTEM, userId: null };
export const sellerCentralActor: Actor = { kind: ActorKind.SELLER_CENTRAL, userId: null };

export interface TimelineEntry {
  kind: LinkEventKind;
  message: string;
  fromState: LinkState | null;
  toState: LinkState | null;
}

/** A timeline message's room in the database; longer messages (a long unlink reason) are cut. */
const MAX_MESSAGE = 1000;

/** Thrown when a conditional write finds the link changed under it; the transaction rolls back. */
export class ConcurrentLinkChange extends Error {
  constructor(readonly linkId: string) {
    super(`Link ${linkId} changed while it was being updated.`);
  }
}

/** Reads and writes of links, their steps and their timeline. Every read is scoped to a merchant. */
export class LinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  findForMerchant(linkId: string, merchantId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(SellerCentralLink, { id: linkId, merchantId });
  }

  findCurrent(merchantId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(SellerCentralLink, { currentForMerchantId: merchantId });
  }

  /**
   * The current link, locked until the transaction ends, so that decisions that depend on its state
   * (a toggle going on, an unlink request, an order) are taken one after another. SQLite runs one
   * transaction at a time already; PostgreSQL takes a row lock.
   */
  findCurrentForUpdate(merchantId: string, manager: EntityManager) {
    const lock = manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {};
    return manager.findOne(SellerCentralLink, { where: { currentForMerchantId: merchantId }, ...lock });
  }

  /** `first + 1` of the merchant's links, newest first, after the link `afterId` (keyset pagination). */
  pageForMerchant(merchantId: string, first: number, afterId: string | undefined) {
    return this.dataSource.manager.find(SellerCentralLink, {
      where: afterId ? { merchantId, id: LessThan(afterId) } : { merchantId },
      order: { id: 'DESC' },
      take: first + 1,
    });
  }

  /** Links to one Seller Central account that Buy with Prime still relies on, or may again (for L8). */
  findInUseForAccount(sellerAccountId: string) {
    return this.dataSource.manager.findBy(SellerCentralLink, {
      sellerAccountId,
      state: In([LinkState.LINKED, LinkState.NEEDS_ATTENTION, LinkState.UNLINK_REQUESTED]),
      currentForMerchantId: Not(IsNull()),
    });
  }

  async create(manager: EntityManager, link: SellerCentralLink, actor: Actor, entry: TimelineEntry): Promise<void> {
    await manager.insert(SellerCentralLink, link);
    await this.record(manager, link, actor, link.createdAt, entry);
  }

  /**
   * Writes `changes` only if the link is still at the version that was read, bumps the version and
   * adds the timeline entry. Callers have checked the move against the state machine.
   */
  async update(
    manager: EntityManager,
    link: SellerCentralLink,
    changes: Partial<SellerCentralLink>,
    now: Date,
    actor: Actor,
    entry: TimelineEntry,
  ): Promise<SellerCentralLink> {
    const next = { ...changes, updatedAt: now, version: link.version + 1 };
    const result = await manager.update(SellerCentralLink, { id: link.id, version: link.version }, next);
    if (result.affected !== 1) throw new ConcurrentLinkChange(link.id);
    const updated = Object.assign(new SellerCentralLink(), link, next);
    await this.record(manager, updated, actor, now, entry);
    return updated;
  }

  /** L6: the four onboarding steps a completed link sets going, all pending. */
  async createOnboardingSteps(manager: EntityManager, link: SellerCentralLink, now: Date): Promise<void> {
    await manager.insert(
      OnboardingStep,
      onboardingStepOrder.map((kind) => ({
        ...initialStep(kind),
        id: newId(),
        progressDone: 0,
        progressTotal: null,
        claimedUntil: null,
        linkId: link.id,
        merchantId: link.merchantId,
        updatedAt: now,
      })),
    );
  }

  /** U7: adds an entry to the link's timeline. */
  async record(manager: EntityManager, link: Pick<SellerCentralLink, 'id' | 'merchantId'>, actor: Actor, at: Date, entry: TimelineEntry) {
    await manager.insert(LinkEvent, {
      id: newId(),
      linkId: link.id,
      merchantId: link.merchantId,
      occurredAt: at,
      actorKind: actor.kind,
      actorUserId: actor.userId,
      ...entry,
      message: entry.message.length > MAX_MESSAGE ? `${entry.message.slice(0, MAX_MESSAGE - 1)}…` : entry.message,
    });
  }
}
