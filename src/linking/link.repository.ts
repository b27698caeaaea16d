import { DataSource, EntityManager, In, IsNull, LessThan, Not } from 'typeorm';
import { failIf } from '../shared/errors';
import { newId } from '../shared/ids';
import { recordChange } from '../database/transaction-runner';
import { ActorKind, LinkEvent, LinkEventKind } from './link-event.entity';
import { checkTransition, derivedColumns, LinkState } from './link-state';
import { SellerCentralLink } from './seller-central-link.entity';

/** Who made a change: a merchant user, Buy with Prime itself, or Seller Central. */
export interface Actor {
  kind: ActorKind;
  userId: string | null;
}

export const systemActor: Actor = { kind: ActorKind.SYSTEM, userId: null };
export const sellerCentralActor: Actor = { kind: ActorKind.SELLER_CENTRAL, userId: null };

export function userActor(userId: string): Actor {
  return { kind: ActorKind.USER, userId };
}

/** U7: what a timeline entry says, who made the change, and when. */
export interface TimelineNote {
  actor: Actor;
  kind: LinkEventKind;
  message: string;
  at: Date;
}

/** What the account and attention columns become with a move (the state and the merchant's slot are derived). */
export type LinkDetailChanges = Partial<
  Pick<
    SellerCentralLink,
    'sellerAccountId' | 'sellerAccountName' | 'storeId' | 'storeName' | 'marketplace' | 'linkedAt' | 'attentionCode' | 'attentionMessage' | 'attentionSince'
  >
>;

/** A move of a link to another state: the timeline entry, and what else changes with it. */
export interface LinkMove extends TimelineNote {
  changes?: LinkDetailChanges;
}

/** A move that has been written, for those who act on it in the same transaction (onboarding starts on LINKED). */
export interface LinkMoved {
  link: SellerCentralLink;
  from: LinkState;
  to: LinkState;
  at: Date;
}

export type LinkMoveListener = (manager: EntityManager, moved: LinkMoved) => Promise<void>;

/** A new link attempt (L2): the merchant, who consented, and the OAuth `state` sent to Seller Central. */
export interface NewLinkAttempt {
  merchantId: string;
  consentedByUserId: string;
  authorizationState: string;
}

/** A timeline message's room in the database; longer messages (a long unlink reason) are cut. */
const MAX_MESSAGE = 1000;

/** Thrown when a conditional write finds the link changed under it; the transaction rolls back. */
export class ConcurrentLinkChange extends Error {
  constructor(readonly linkId: string) {
    super(`Link ${linkId} changed while it was being updated.`);
  }
}

/**
 * Reads and writes of links and their timeline. Every read is scoped to a merchant (but the
 * notification's lookup by Seller Central account). `transition` is the one gate through which a
 * link changes state.
 */
export class LinkRepository {
  private readonly moveListeners: LinkMoveListener[] = [];

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

  /** The link attempt that sent this OAuth state to Seller Central (any merchant's: the callback has no sign-in). */
  findByAuthorizationState(authorizationState: string) {
    return this.dataSource.manager.findOneBy(SellerCentralLink, { authorizationState });
  }

  /** L8: the Seller Central accounts that current links rely on, each once (the periodic check reads them again). */
  async sellerAccountsInUse(): Promise<string[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(SellerCentralLink, 'link')
      .select('link.sellerAccountId', 'sellerAccountId')
      .distinct(true)
      .where('link.state IN (:...states)', { states: [LinkState.LINKED, LinkState.NEEDS_ATTENTION, LinkState.UNLINK_REQUESTED] })
      .andWhere('link.currentForMerchantId IS NOT NULL')
      .orderBy('link.sellerAccountId')
      .getRawMany<{ sellerAccountId: string }>();
    return rows.map((row) => row.sellerAccountId);
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

  /** Of these links, those in `state`, oldest first (the onboarding worker's: steps run only while LINKED). */
  findInState(linkIds: readonly string[], state: LinkState) {
    if (linkIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(SellerCentralLink, { where: { id: In([...linkIds]), state }, order: { id: 'ASC' } });
  }

  /** The timelines of these links (U7), oldest entry first. */
  /**
   * U7: a page of each link's timeline, oldest first: up to `take` entries after `afterId`, in one
   * statement. Each link is its own keyset read on (link_id, id), so a page costs `take` rows however long
   * the timeline has grown.
   */
  async timelinePages(linkIds: readonly string[], merchantId: string, take: number, afterId: string | undefined): Promise<LinkEvent[]> {
    if (linkIds.length === 0) return [];
    const parameters: Record<string, unknown> = { merchantId, take, afterId: afterId ?? '' };
    const pages = linkIds.map((linkId, index) => {
      parameters[`link${index}`] = linkId;
      return `SELECT "id" FROM (SELECT "id" FROM "link_event" WHERE "link_id" = :link${index} AND "merchant_id" = :merchantId AND "id" > :afterId ORDER BY "id" LIMIT :take) AS "page${index}"`;
    });
    return this.dataSource.manager
      .createQueryBuilder(LinkEvent, 'event')
      .where(`event.id IN (${pages.join(' UNION ALL ')})`, parameters)
      .orderBy('event.id', 'ASC')
      .getMany();
  }

  /** Hears every move, inside the transaction that writes it. */
  onMove(listener: LinkMoveListener): void {
    this.moveListeners.push(listener);
  }

  /** L2, L7: opens a link attempt that waits for Seller Central's authorization, holding the merchant's one slot. */
  async start(manager: EntityManager, attempt: NewLinkAttempt, note: TimelineNote): Promise<SellerCentralLink> {
    const link = Object.assign(new SellerCentralLink(), {
      id: newId(note.at.getTime()),
      ...attempt,
      ...derivedColumns(attempt.merchantId, LinkState.AWAITING_AUTHORIZATION, note.at),
      consentedAt: note.at,
      sellerAccountId: null,
      sellerAccountName: null,
      storeId: null,
      storeName: null,
      marketplace: null,
      linkedAt: null,
      attentionCode: null,
      attentionMessage: null,
      attentionSince: null,
      createdAt: note.at,
      updatedAt: note.at,
      version: 1,
    });
    await manager.insert(SellerCentralLink, link);
    await this.appendEvent(manager, link, note, null, link.state);
    return link;
  }

  /**
   * The one gate for a link's state. Checks the move against the transition table, derives the
   * merchant's slot (L7) and the end of a link from the target state, writes only if the link is still
   * at the version that was read (else `ConcurrentLinkChange`), adds the timeline entry (U7), and tells
   * the listeners, all in the caller's transaction.
   */
  async transition(manager: EntityManager, link: SellerCentralLink, to: LinkState, move: LinkMove): Promise<SellerCentralLink> {
    failIf(checkTransition(link.state, to));
    const updated = await this.write(manager, link, { ...move.changes, ...derivedColumns(link.merchantId, to, move.at) }, move.at);
    await this.appendEvent(manager, updated, move, link.state, to);
    for (const listener of this.moveListeners) await listener(manager, { link: updated, from: link.state, to, at: move.at });
    return updated;
  }

  /**
   * L8 while an unlink waits: records a problem with the account on the link and its timeline without
   * moving it, so that a withdrawn request returns the link to NEEDS_ATTENTION.
   */
  async noteAttention(
    manager: EntityManager,
    link: SellerCentralLink,
    attention: Required<Pick<LinkDetailChanges, 'attentionCode' | 'attentionMessage' | 'attentionSince'>>,
    note: TimelineNote,
  ): Promise<SellerCentralLink> {
    const updated = await this.write(manager, link, attention, note.at);
    await this.appendEvent(manager, updated, note, null, null);
    return updated;
  }

  /** U7: adds an entry that is not a move (an onboarding step, a catalog sync) to the link's timeline. */
  record(manager: EntityManager, link: Pick<SellerCentralLink, 'id' | 'merchantId'>, note: TimelineNote): Promise<void> {
    return this.appendEvent(manager, link, note, null, null);
  }

  private async write(manager: EntityManager, link: SellerCentralLink, changes: Partial<SellerCentralLink>, at: Date): Promise<SellerCentralLink> {
    const next = { ...changes, updatedAt: at, version: link.version + 1 };
    const result = await manager.update(SellerCentralLink, { id: link.id, version: link.version }, next);
    if (result.affected !== 1) throw new ConcurrentLinkChange(link.id);
    return Object.assign(new SellerCentralLink(), link, next);
  }

  private async appendEvent(
    manager: EntityManager,
    link: Pick<SellerCentralLink, 'id' | 'merchantId'>,
    { actor, kind, message, at }: TimelineNote,
    fromState: LinkState | null,
    toState: LinkState | null,
  ): Promise<void> {
    recordChange(manager, { type: 'LINK', merchantId: link.merchantId, linkId: link.id });
    await manager.insert(LinkEvent, {
      id: newId(),
      linkId: link.id,
      merchantId: link.merchantId,
      occurredAt: at,
      actorKind: actor.kind,
      actorUserId: actor.userId,
      kind,
      fromState,
      toState,
      message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message,
    });
  }
}
