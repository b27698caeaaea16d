import { Entity, Index } from 'typeorm';
import { IdColumn, IntColumn, ReferenceColumn, TextColumn, TimestampColumn } from '../database/columns';
import { OnboardingStepKind, StepState } from './onboarding-step-state';

/** L6: one of the four steps a link sets going, with its own state. */
@Entity('onboarding_step')
@Index(['linkId', 'kind'], { unique: true })
export class OnboardingStep {
  @IdColumn()
  id!: string;

  @ReferenceColumn()
  linkId!: string;

  @ReferenceColumn()
  merchantId!: string;

  @TextColumn(64)
  kind!: OnboardingStepKind;

  @TextColumn(32)
  state!: StepState;

  @IntColumn()
  attempts!: number;

  @TimestampColumn({ nullable: true })
  startedAt!: Date | null;

  @TimestampColumn({ nullable: true })
  finishedAt!: Date | null;

  @TextColumn(500, { nullable: true })
  failureReason!: string | null;

  /** How far a long step (the listings import) has got: items done of the total, once the total is known. */
  @IntColumn({ default: 0 })
  progressDone!: number;

  @IntColumn({ nullable: true })
  progressTotal!: number | null;

  /** A worker that runs the step holds it until then; after that another worker may take it over. */
  @TimestampColumn({ nullable: true })
  claimedUntil!: Date | null;

  @TimestampColumn()
  updatedAt!: Date;
}
