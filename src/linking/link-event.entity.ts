import { Entity, Index } from 'typeorm';
import { IdColumn, ReferenceColumn, TextColumn, TimestampColumn } from '../database/columns';
import { LinkState } from './link-state';

export enum ActorKind {
  /** A merchant user, named by `actorUserId`. */
  USER = 'USER',
  /** Buy with Prime itself (a scheduled check, an onboarding step). */
  SYSTEM = 'SYSTEM',
  /** A notification from Seller Central. */
  SELLER_CENTRAL = 'SELLER_CENTRAL',
}

export enum LinkEventKind {
  CONSENT_RECORDED = 'CONSENT_RECORDED',
  ATTEMPT_ABANDONED = 'ATTEMPT_ABANDONED',
  LINKED = 'LINKED',
  NEEDS_ATTENTION = 'NEEDS_ATTENTION',
  REVERIFIED = 'REVERIFIED',
  ONBOARDING_STEP_SUCCEEDED = 'ONBOARDING_STEP_SUCCEEDED',
  ONBOARDING_STEP_FAILED = 'ONBOARDING_STEP_FAILED',
  ONBOARDING_STEP_RETRIED = 'ONBOARDING_STEP_RETRIED',
  CATALOG_SYNCED = 'CATALOG_SYNCED',
  LISTINGS_VANISHED = 'LISTINGS_VANISHED',
  UNLINK_REQUESTED = 'UNLINK_REQUESTED',
  UNLINK_WITHDRAWN = 'UNLINK_WITHDRAWN',
  UNLINKING_STARTED = 'UNLINKING_STARTED',
  UNLINKED = 'UNLINKED',
}

/** U7: one entry of a link's timeline. Entries are only ever added, never changed. */
@Entity('link_event')
@Index(['linkId', 'id'])
export class LinkEvent {
  @IdColumn()
  id!: string;

  @ReferenceColumn()
  linkId!: string;

  @ReferenceColumn()
  merchantId!: string;

  @TimestampColumn()
  occurredAt!: Date;

  @TextColumn(32)
  actorKind!: ActorKind;

  @ReferenceColumn({ nullable: true })
  actorUserId!: string | null;

  @TextColumn(64)
  kind!: LinkEventKind;

  @TextColumn(32, { nullable: true })
  fromState!: LinkState | null;

  @TextColumn(32, { nullable: true })
  toState!: LinkState | null;

  @TextColumn(1000)
  message!: string;
}
