import { Entity, Index } from 'typeorm';
import { IdColumn, ReferenceColumn, TextColumn, TimestampColumn } from '../database/columns';
import { Role } from './role';

/** A person who signs in to a merchant's console. Only the SHA-256 of the API token is kept. */
@Entity('merchant_user')
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

  @Index({ unique: true })
  @TextColumn(64)
  tokenHash!: string;

  @TimestampColumn()
  createdAt!: Date;
}
