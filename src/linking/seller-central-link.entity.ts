import { Entity, Index } from 'typeorm';
import { IdColumn, IntColumn, ReferenceColumn, TextColumn, TimestampColumn } from '../database/columns';
import { ErrorCode } from '../shared/errors';
import { LinkState } from './link-state';

/** One link between a merchant and a Seller Central account and store, from its start to its end. */
@Entity('seller_central_link')
@Index(['merchantId', 'createdAt'])
export class SellerCentralLink {
  @IdColumn()
  id!: string;

  @ReferenceColumn()
  merchantId!: string;

  /**
   * Holds `merchantId` while the link is the merchant's current one, null once it is history. The
   * unique index makes L7 (one link at a time) a database guarantee, not only a check.
   */
  @Index({ unique: true })
  @ReferenceColumn({ nullable: true })
  currentForMerchantId!: string | null;

  @TextColumn(32)
  state!: LinkState;

  /** The OAuth `state` sent to Seller Central; the authorization code comes back bound to it. */
  @Index({ unique: true })
  @TextColumn(64)
  authorizationState!: string;

  @ReferenceColumn()
  consentedByUserId!: string;

  @TimestampColumn()
  consentedAt!: Date;

  @TextColumn(64, { nullable: true })
  sellerAccountId!: string | null;

  @TextColumn(200, { nullable: true })
  sellerAccountName!: string | null;

  @TextColumn(64, { nullable: true })
  storeId!: string | null;

  @TextColumn(200, { nullable: true })
  storeName!: string | null;

  @TextColumn(64, { nullable: true })
  marketplace!: string | null;

  @TimestampColumn({ nullable: true })
  linkedAt!: Date | null;

  /** L8: why the link needs attention (an error code) and since when; null while it does not. */
  @TextColumn(64, { nullable: true })
  attentionCode!: ErrorCode | null;

  @TextColumn(500, { nullable: true })
  attentionMessage!: string | null;

  @TimestampColumn({ nullable: true })
  attentionSince!: Date | null;

  @TimestampColumn({ nullable: true })
  endedAt!: Date | null;

  @TimestampColumn()
  createdAt!: Date;

  @TimestampColumn()
  updatedAt!: Date;

  /** Bumped by every change; writers update `WHERE version = ?` so that a lost race is detected. */
  @IntColumn()
  version!: number;
}
