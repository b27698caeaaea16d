import { Entity, Index } from 'typeorm';
import { IdColumn, ReferenceColumn, TextColumn, TimestampColumn } from '../database/columns';
import { Role } from './role';

/**
 * A machine client's credential (a DEVELOPER's integration, say): created by an owner or admin with a
 * name, a role and an expiry, shown once, kept only as its SHA-256. It acts for the user who created
 * it, with its own role; removing that user revokes it.
 */
@Entity('api_token')
export class ApiToken {
  @IdColumn()
  id!: string;

  @Index()
  @ReferenceColumn()
  merchantId!: string;

  /** The user who created it, on whose behalf it acts (timelines name this user). */
  @ReferenceColumn()
  userId!: string;

  @TextColumn(100)
  name!: string;

  @TextColumn(32)
  role!: Role;

  @Index({ unique: true })
  @TextColumn(64)
  tokenHash!: string;

  /** The token's first characters (prefix and 4 more), so that a person can tell tokens apart in a list. */
  @TextColumn(16)
  displayPrefix!: string;

  @TimestampColumn()
  expiresAt!: Date;

  @TimestampColumn({ nullable: true })
  lastUsedAt!: Date | null;

  @TimestampColumn({ nullable: true })
  revokedAt!: Date | null;

  @TimestampColumn()
  createdAt!: Date;
}
