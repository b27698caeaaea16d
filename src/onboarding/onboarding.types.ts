import { DateTimeISO } from '../shared/graphql/date-time';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OnboardingStep } from './onboarding-step.entity';
import { OnboardingStepKind, StepState } from './onboarding-step-state';

registerEnumType(OnboardingStepKind, {
  name: 'OnboardingStepKind',
  description: 'What linking sets going (L6).',
  valuesConfig: {
    IDENTIFY_FULFILLMENT_INVENTORY: { description: 'Identify inventory in Amazon fulfillment centers.' },
    IMPORT_LISTINGS: { description: 'Import the Amazon product listings into the Buy with Prime catalog.' },
    REGISTER_AMAZON_PAY: { description: 'Register for Amazon Pay.' },
    ACTIVATE_PRIME_SHIPPING: { description: 'Activate Prime shipping for eligible products (needs Amazon Pay).' },
  },
});

registerEnumType(StepState, {
  name: 'OnboardingStepState',
  description: 'Where an onboarding step stands.',
  valuesConfig: {
    PENDING: { description: 'Not started yet.' },
    IN_PROGRESS: { description: 'Running.' },
    SUCCEEDED: { description: 'Done.' },
    FAILED: { description: 'Failed; see `failureReason`. It can be retried and never undoes the link.' },
  },
});

@ObjectType('OnboardingStepProgress', { description: 'Items done of the total, for a progress bar.' })
export class StepProgressView {
  @Field(() => Int, { description: 'Items done so far.' })
  done!: number;

  @Field(() => Int, { description: 'Items in all.' })
  total!: number;
}

@ObjectType('OnboardingStep', { description: 'One of the four things linking sets going (L6), with its own state.' })
export class OnboardingStepView {
  @Field(() => OnboardingStepKind, { description: 'Which step.' })
  kind!: OnboardingStepKind;

  @Field(() => StepState, { description: 'Where it stands.' })
  state!: StepState;

  @Field(() => Int, { description: 'How many times it has been started (retries included).' })
  attempts!: number;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the latest attempt started.' })
  startedAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the latest attempt succeeded or failed.' })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the latest attempt failed.' })
  failureReason!: string | null;

  @Field(() => StepProgressView, { nullable: true, description: 'How far a long step (the listings import) has got; null until it knows its total.' })
  progress!: StepProgressView | null;

  static from(step: OnboardingStep): OnboardingStepView {
    const { kind, state, attempts, startedAt, finishedAt, failureReason } = step;
    const progress = step.progressTotal === null ? null : { done: step.progressDone, total: step.progressTotal };
    return Object.assign(new OnboardingStepView(), { kind, state, attempts, startedAt, finishedAt, failureReason, progress });
  }
}
