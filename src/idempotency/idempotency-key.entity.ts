import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TextColumn, TimestampColumn } from '../database/columns';

/**
 * A user's idempotency key and what a replay of the first successful answer needs, kept 24 hours.
 * Keys belong to the user who sent them (another user of the merchant never meets them); the expiry is
 * indexed, so the purge reads only what it deletes.
 */
@Entity('idempotency_key')
@Index(['expiresAt'])
export class IdempotencyKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  merchantId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  /** The mutation the key was used with. */
  @TextColumn(64)
  operation!: string;

  /** SHA-256 of the mutation's input (without the key): the same key with another input is refused. */
  @TextColumn(64)
  inputHash!: string;

  /** What a replay needs (at most MAX_STORED_ANSWER_BYTES), as JSON. */
  @Column({ type: 'text' })
  payloadJson!: string;

  @TimestampColumn()
  createdAt!: Date;

  @TimestampColumn()
  expiresAt!: Date;
}
