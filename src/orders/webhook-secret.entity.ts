import { Entity, Index } from 'typeorm';
import { IdColumn, ReferenceColumn, TextColumn, TimestampColumn } from '../database/columns';

/**
 * O4: a merchant's order events are signed with one of its own secrets. A rotation keeps the previous
 * secret verifying until `retiresAt`, so that the sender can switch without events being refused. The
 * secret itself is kept (an HMAC needs it); it is shown to a person once, when it is made.
 */
@Entity('webhook_secret')
export class WebhookSecret {
  @IdColumn()
  id!: string;

  @Index()
  @ReferenceColumn()
  merchantId!: string;

  @TextColumn(64)
  secret!: string;

  @TimestampColumn()
  createdAt!: Date;

  /** Null for the current secret; the end of its overlap for the previous one. */
  @TimestampColumn({ nullable: true })
  retiresAt!: Date | null;
}
