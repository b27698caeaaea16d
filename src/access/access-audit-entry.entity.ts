import { Entity, Index } from 'typeorm';
import { IdColumn, ReferenceColumn, TextColumn, TimestampColumn } from '../database/columns';

export enum AccessAuditAction {
  USER_INVITED = 'USER_INVITED',
  USER_ROLE_CHANGED = 'USER_ROLE_CHANGED',
  USER_REMOVED = 'USER_REMOVED',
  API_TOKEN_CREATED = 'API_TOKEN_CREATED',
  API_TOKEN_REVOKED = 'API_TOKEN_REVOKED',
  WEBHOOK_SECRET_ROTATED = 'WEBHOOK_SECRET_ROTATED',
}

/** Who changed whose access, when, and what: one entry per change, written in the change's transaction. */
@Entity('access_audit_entry')
@Index(['merchantId', 'id'])
export class AccessAuditEntry {
  @IdColumn()
  id!: string;

  @ReferenceColumn()
  merchantId!: string;

  @TimestampColumn()
  at!: Date;

  /** The user who made the change (through the API, or an API token acting for it); null for the CLI. */
  @ReferenceColumn({ nullable: true })
  actorUserId!: string | null;

  /** USER, API_TOKEN or CLI. */
  @TextColumn(16)
  actorKind!: string;

  @TextColumn(32)
  action!: AccessAuditAction;

  /** The user, token or secret changed. */
  @ReferenceColumn()
  targetId!: string;

  /** What changed, for a person: "role DEVELOPER → ADMIN", "token \"CI deploy\" (DEVELOPER, until 2027-01-01)". */
  @TextColumn(500)
  details!: string;
}
