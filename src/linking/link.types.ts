import { DateTimeISO } from '../shared/graphql/date-time';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from '../shared/errors';
import { toGlobalId } from '../shared/graphql/global-id';
import { Node } from '../shared/graphql/node.interface';
import { Connection } from '../shared/graphql/pagination';
import { ActorKind, LinkEvent, LinkEventKind } from './link-event.entity';
import { isActive, LinkAttention, LinkState } from './link-state';
import { remedyForAttention } from './link.rules';
import { SellerCentralLink } from './seller-central-link.entity';

registerEnumType(LinkState, {
  name: 'LinkState',
  description: 'Where a Seller Central link stands. Only LINKED lets the merchant offer Prime.',
  valuesConfig: {
    AWAITING_AUTHORIZATION: { description: 'Consent recorded; waiting for the merchant to authorize at Seller Central and complete the link.' },
    LINKED: { description: 'Linked and qualifying: Buy with Prime can be used.' },
    NEEDS_ATTENTION: { description: 'The account stopped qualifying (L8); see `attention`, fix it in Seller Central, then re-verify.' },
    UNLINK_REQUESTED: { description: 'An unlink was requested; it waits until every order is outside its return window.' },
    UNLINKING: { description: 'Unlinking has begun; Prime can no longer be offered.' },
    UNLINKED: { description: 'History: the link has ended.' },
    ABANDONED: { description: 'History: a start that a newer start replaced before it was completed.' },
  },
});

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'Who made a change on a timeline.',
  valuesConfig: {
    USER: { description: 'A merchant user (see `actor`).' },
    SYSTEM: { description: 'Buy with Prime itself.' },
    SELLER_CENTRAL: { description: 'A notification from Seller Central.' },
  },
});

registerEnumType(LinkEventKind, {
  name: 'LinkEventKind',
  description: 'What happened to a link.',
  valuesConfig: {
    CONSENT_RECORDED: { description: 'The merchant agreed to let Buy with Prime use its Seller Central information and started a link.' },
    ATTEMPT_ABANDONED: { description: 'A newer start replaced this one before it was authorized.' },
    LINKED: { description: 'The link was completed with a Seller Central account and store.' },
    NEEDS_ATTENTION: { description: 'The account stopped qualifying.' },
    REVERIFIED: { description: 'The merchant re-verified an account that qualifies again.' },
    ONBOARDING_STEP_SUCCEEDED: { description: 'An onboarding step finished (L6).' },
    ONBOARDING_STEP_FAILED: { description: 'An onboarding step failed; the link stays (L6).' },
    ONBOARDING_STEP_RETRIED: { description: 'A merchant user retried a failed onboarding step.' },
    CATALOG_SYNCED: { description: 'The catalog was re-synced from Seller Central.' },
    LISTINGS_VANISHED: { description: 'Listings vanished from Seller Central; their products stopped offering Prime.' },
    UNLINK_REQUESTED: { description: 'A merchant user asked merchant support to unlink (U2).' },
    UNLINK_WITHDRAWN: { description: 'The unlink request was withdrawn while it waited; the link is active again (U4).' },
    UNLINKING_STARTED: { description: 'Every order was outside its return window, so unlinking began (U3, U5).' },
    UNLINKED: { description: 'Unlinking completed; the link is history (U6).' },
  },
});

@ObjectType('SellerCentralAccount', { description: 'The Seller Central account a link uses, as it was when linked.' })
export class SellerCentralAccountView {
  @Field({ description: 'The Selling Partner ID.' })
  id!: string;

  @Field({ description: 'The account name.' })
  name!: string;
}

@ObjectType('SellerCentralStore', { description: 'The store chosen in Seller Central\'s store picker (L5).' })
export class SellerCentralStoreView {
  @Field({ description: 'The store\'s ID in Seller Central.' })
  id!: string;

  @Field({ description: 'The store name.' })
  name!: string;

  @Field({ description: 'The Amazon marketplace ID the store sells in.' })
  marketplace!: string;
}

@ObjectType('LinkConsent', { description: 'The merchant\'s agreement to let Buy with Prime use its Seller Central information (L2).' })
export class LinkConsentView {
  @Field(() => DateTimeISO, { description: 'When the merchant agreed.' })
  agreedAt!: Date;

  /** Resolved to `agreedBy` by a field resolver. */
  agreedByUserId!: string;
}

@ObjectType('RefusedLinkMove', { description: 'The states involved in a refused step on a link.' })
export class RefusedLinkMoveView {
  @Field(() => LinkState, { description: 'The state the link is in.' })
  from!: LinkState;

  @Field(() => LinkState, { nullable: true, description: 'The state the refused step would have moved it to; null when the step would have started another link.' })
  to!: LinkState | null;
}

@ObjectType('LinkAttention', { description: 'Why a link needs attention (L8) and what to do about it.' })
export class LinkAttentionView {
  @Field(() => ErrorCode, { description: 'The rule the account no longer meets.' })
  code!: ErrorCode;

  @Field({ description: 'What is wrong, in words a merchant can read.' })
  message!: string;

  @Field({ description: 'What the merchant can do: fix the account in Seller Central, then re-verify.' })
  remedy!: string;

  @Field(() => DateTimeISO, { description: 'Since when the link has needed attention.' })
  since!: Date;

  static from(attention: LinkAttention): LinkAttentionView {
    return Object.assign(new LinkAttentionView(), { ...attention, remedy: remedyForAttention(attention.code) });
  }
}

@ObjectType('LinkEvent', { description: 'One entry of a link\'s timeline (U7): who, when, from which state to which.' })
export class LinkEventView {
  @Field(() => DateTimeISO, { description: 'When it happened.' })
  occurredAt!: Date;

  @Field(() => ActorKind, { description: 'Who made the change.' })
  actorKind!: ActorKind;

  @Field(() => LinkEventKind, { description: 'What happened.' })
  kind!: LinkEventKind;

  @Field(() => LinkState, { nullable: true, description: 'The state before, when the state changed.' })
  fromState!: LinkState | null;

  @Field(() => LinkState, { nullable: true, description: 'The state after, when the state changed.' })
  toState!: LinkState | null;

  @Field({ description: 'What happened, in words.' })
  message!: string;

  /** Keyset position and the user behind `actor`, for field resolvers; not exposed. */
  eventId!: string;
  actorUserId!: string | null;

  static from(event: LinkEvent): LinkEventView {
    const { occurredAt, actorKind, kind, fromState, toState, message, actorUserId } = event;
    return Object.assign(new LinkEventView(), { occurredAt, actorKind, kind, fromState, toState, message, actorUserId, eventId: event.id });
  }
}

@ObjectType('LinkEventConnection', { description: 'A page of a link\'s timeline, oldest first.' })
export class LinkEventConnection extends Connection(LinkEventView, 'LinkEvent') {}

@ObjectType('SellerCentralLink', { implements: Node, description: 'A link between the merchant and a Seller Central account and store.' })
export class SellerCentralLinkView extends Node {
  @Field(() => LinkState, { description: 'Where the link stands.' })
  state!: LinkState;

  @Field({ description: 'Whether Buy with Prime can be used through this link now (L1, L8): true only while LINKED.' })
  active!: boolean;

  @Field(() => LinkConsentView, { description: 'Who agreed to the link, and when (L2).' })
  consent!: LinkConsentView;

  @Field(() => SellerCentralAccountView, { nullable: true, description: 'The linked account; null until the link is completed.' })
  sellerAccount!: SellerCentralAccountView | null;

  @Field(() => SellerCentralStoreView, { nullable: true, description: 'The linked store; null until the link is completed.' })
  store!: SellerCentralStoreView | null;

  @Field(() => LinkAttentionView, {
    nullable: true,
    description: 'Why the link needs attention (L8); null unless NEEDS_ATTENTION, or UNLINK_REQUESTED with an account that stopped qualifying.',
  })
  attention!: LinkAttentionView | null;

  @Field(() => DateTimeISO, { description: 'When the link was started.' })
  createdAt!: Date;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the link was completed.' })
  linkedAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the link became history (unlinked or abandoned).' })
  endedAt!: Date | null;

  /** The database ID, for field resolvers; not exposed. */
  linkId!: string;

  static from(link: SellerCentralLink): SellerCentralLinkView {
    return Object.assign(new SellerCentralLinkView(), {
      id: toGlobalId('SellerCentralLink', link.id),
      linkId: link.id,
      state: link.state,
      active: isActive(link.state),
      consent: Object.assign(new LinkConsentView(), { agreedAt: link.consentedAt, agreedByUserId: link.consentedByUserId }),
      sellerAccount: link.sellerAccountId && link.sellerAccountName ? { id: link.sellerAccountId, name: link.sellerAccountName } : null,
      store: link.storeId && link.storeName && link.marketplace ? { id: link.storeId, name: link.storeName, marketplace: link.marketplace } : null,
      attention:
        (link.state === LinkState.NEEDS_ATTENTION || link.state === LinkState.UNLINK_REQUESTED) && link.attentionCode && link.attentionMessage && link.attentionSince
          ? LinkAttentionView.from({ code: link.attentionCode, message: link.attentionMessage, since: link.attentionSince })
          : null,
      createdAt: link.createdAt,
      linkedAt: link.linkedAt,
      endedAt: link.endedAt,
    });
  }
}

@ObjectType('SellerCentralLinkConnection', { description: 'A page of the merchant\'s links, newest first.' })
export class SellerCentralLinkConnection extends Connection(SellerCentralLinkView, 'SellerCentralLink') {}

