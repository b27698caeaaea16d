import { Entity, Index } from 'typeorm';
import { IdColumn, ReferenceColumn, TextColumn, TimestampColumn } from '../database/columns';
import { Role } from './role';

/**
 * A person who signs in to a merchant's console, through the OpenID Connect provider: the verified
 * token's (`iss`, `sub`) names the user; the merchant and the role live here. A user invited by email
 * has no subject until the first sign-in whose verified `email` claim matches.
 */
@Entity('merchant_user')
@Index(['issuer', 'subject'], { unique: true })
export class MerchantUser {
  @IdColumn()
  id!: string;

  @Index()
  @ReferenceColumn()
  merchantId!: string;

  @TextColumn(320)
  email!: string;

  @TextColumn(200)
  displayName!: string;

  @TextColumn(32)
  role!: Role;

  /** The provider that signs this user's tokens (`iss`); null until an email invitation is accepted. */
  @TextColumn(512, { nullable: true })
  issuer!: string | null;

  /** The user's ID at that provider (`sub`); null until an email invitation is accepted. */
  @TextColumn(255, { nullable: true })
  subject!: string | null;

  @TimestampColumn()
  createdAt!: Date;
}
