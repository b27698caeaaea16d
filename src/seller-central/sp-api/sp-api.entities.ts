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

export const spApiEntities = [SpApiCredential, SpApiAccountStatus];
