import { Entity, Index, PrimaryColumn } from 'typeorm';
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

export const sandboxEntities = [SandboxSellerAccount, SandboxStore, SandboxListing, SandboxAuthorizationCode];
