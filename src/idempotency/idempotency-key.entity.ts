import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TextColumn, TimestampColumn } from '../database/columns';

/** A client's idempotency key and the first successful answer it got, kept at least 24 hours. */
@Entity('idempotency_key')
export class IdempotencyKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  merchantId!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  /** The mutation the key was used with. */
  @TextColumn(64)
  operation!: string;

  /** SHA-256 of the mutation's input (without the key): the same key with another input is refused. */
  @TextColumn(64)
  inputHash!: string;

  @Column({ type: 'text' })
  payloadJson!: string;

  @TimestampColumn()
  createdAt!: Date;

  @TimestampColumn()
  expiresAt!: Date;
}
