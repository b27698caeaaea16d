import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TextColumn, TimestampColumn } from '../../database/columns';

/**
 * A link's Login with Amazon refresh token, sealed with AES-256-GCM (see TokenVault). One row per
 * link, deleted when the link is unlinked. Only the SP-API gateway reads or writes it.
 */
@Entity('sp_api_credential')
export class SpApiCredential {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  linkId!: string;

  /** The Selling Partner ID the token acts for. */
  @Index()
  @TextColumn(64)
  sellingPartnerId!: string;

  /** Which key sealed the token (a fingerprint of it), so that keys can be rotated. */
  @TextColumn(32)
  keyId!: string;

  @Column({ type: 'text' })
  sealedRefreshToken!: string;

  @TimestampColumn()
  createdAt!: Date;

  @TimestampColumn()
  updatedAt!: Date;
}

/** L8: the latest ACCOUNT_STATUS_CHANGED Seller Central sent for an account (NORMAL, AT_RISK, DEACTIVATED). */
@Entity('sp_api_account_status')
export class SpApiAccountStatus {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sellingPartnerId!: string;

  @TextColumn(16)
  status!: string;

  /** The notification's `eventTime`: an older notification arriving late does not overwrite a newer one. */
  @TimestampColumn()
  eventTime!: Date;

  @TimestampColumn()
  receivedAt!: Date;
}

/**
 * L8: a Notifications API subscription and the selling partner it was created for. Seller-level
 * notifications such as ACCOUNT_STATUS_CHANGED do not name the seller in their payload; the envelope's
 * `notificationMetadata.subscriptionId` does, through this registry. Kept when a link is unlinked: the
 * subscription still exists at Amazon and serves a relink.
 */
@Entity('sp_api_notification_subscription')
@Index(['sellingPartnerId', 'notificationType'])
export class SpApiNotificationSubscription {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  subscriptionId!: string;

  @TextColumn(64)
  sellingPartnerId!: string;

  @TextColumn(64)
  notificationType!: string;

  @TextColumn(16)
  payloadVersion!: string;

  @TextColumn(128)
  destinationId!: string;

  @TimestampColumn()
  createdAt!: Date;
}

export const spApiEntities = [SpApiCredential, SpApiAccountStatus, SpApiNotificationSubscription];
