import { Entity, Index } from 'typeorm';
import { IdColumn, ReferenceColumn, TextColumn, TimestampColumn } from '../database/columns';
import { UnlinkRequestState } from './unlink-request-state';

/** U2: a request to merchant support to unlink Seller Central: who asked, when and why. */
@Entity('unlink_request')
@Index(['merchantId', 'id'])
export class UnlinkRequest {
  @IdColumn()
  id!: string;

  @ReferenceColumn()
  merchantId!: string;

  @Index()
  @ReferenceColumn()
  linkId!: string;

  @TextColumn(32)
  state!: UnlinkRequestState;

  /** The merchant-support case the console's Get Support tab shows. */
  @TextColumn(32)
  supportCaseId!: string;

  @TextColumn(1000)
  reason!: string;

  @ReferenceColumn()
  requestedByUserId!: string;

  @TimestampColumn()
  requestedAt!: Date;

  @ReferenceColumn({ nullable: true })
  withdrawnByUserId!: string | null;

  @TimestampColumn({ nullable: true })
  withdrawnAt!: Date | null;

  @TimestampColumn({ nullable: true })
  unlinkingStartedAt!: Date | null;

  @TimestampColumn({ nullable: true })
  completedAt!: Date | null;
}
