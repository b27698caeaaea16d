import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IntColumn, TextColumn, TimestampColumn } from '../../database/columns';
import { AccountStanding, SellingPlan } from '../seller-account';

/**
 * The sandbox's own copy of Seller Central: accounts, stores, listings and issued authorization
 * codes. Only the sandbox gateway reads or writes these tables.
 */
@Entity('sandbox_seller_account')
export class SandboxSellerAccount {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @TextColumn(200)
  name!: string;

  @TextColumn(32)
  plan!: SellingPlan;

  @TextColumn(32)
  standing!: AccountStanding;

  /** How Amazon Pay registration ends for this account, and how long it takes. */
  @TextColumn(16, { default: 'ACTIVATES' })
  amazonPayOutcome!: AmazonPayOutcome;

  @IntColumn({ default: 2 })
  amazonPayActivationMinutes!: number;

  /** False makes the Listings service fail, to show a failed import and its retry. */
  @Column({ type: 'boolean', default: true })
  listingsAvailable!: boolean;
}

export type AmazonPayOutcome = 'ACTIVATES' | 'FAILS';

/** When the account asked for Amazon Pay; its status follows from the account's outcome and the clock. */
@Entity('sandbox_amazon_pay_registration')
export class SandboxAmazonPayRegistration {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  accountId!: string;

  @TimestampColumn()
  requestedAt!: Date;
}

@Entity('sandbox_store')
export class SandboxStore {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Index()
  @TextColumn(64)
  accountId!: string;

  @TextColumn(200)
  name!: string;

  @TextColumn(64)
  marketplace!: string;
}

/** A Seller Central listing; `fulfillableQuantity` is the inventory in Amazon fulfillment centers. */
@Entity('sandbox_listing')
export class SandboxListing {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  accountId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  sellerSku!: string;

  @TextColumn(20)
  asin!: string;

  @TextColumn(500)
  title!: string;

  @IntColumn()
  priceCents!: number;

  @TextColumn(3)
  currency!: string;

  @IntColumn()
  fulfillableQuantity!: number;

  /** False for items the Prime returns policy does not take back. */
  @Column({ type: 'boolean', default: true })
  returnable!: boolean;
}

/** An issued website-authorization code. Only its hash is kept, as for any credential. */
@Entity('sandbox_authorization_code')
export class SandboxAuthorizationCode {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  codeHash!: string;

  @TextColumn(64)
  state!: string;

  @TextColumn(64)
  accountId!: string;

  @TextColumn(64)
  storeId!: string;

  @TimestampColumn()
  issuedAt!: Date;

  @TimestampColumn()
  expiresAt!: Date;

  @TimestampColumn({ nullable: true })
  usedAt!: Date | null;
}

export const sandboxEntities = [SandboxSellerAccount, SandboxStore, SandboxListing, SandboxAuthorizationCode, SandboxAmazonPayRegistration];
