import { ErrorCode, UserError } from '../shared/errors';

/** L6: what linking sets going. Each step has its own state and can fail without undoing the link. */
export enum OnboardingStepKind {
  IDENTIFY_FULFILLMENT_INVENTORY = 'IDENTIFY_FULFILLMENT_INVENTORY',
  IMPORT_LISTINGS = 'IMPORT_LISTINGS',
  REGISTER_AMAZON_PAY = 'REGISTER_AMAZON_PAY',
  ACTIVATE_PRIME_SHIPPING = 'ACTIVATE_PRIME_SHIPPING',
}

/** What the timeline calls each step. */
export const stepLabels: Readonly<Record<OnboardingStepKind, string>> = {
  [OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY]: 'Identify inventory in Amazon fulfillment centers',
  [OnboardingStepKind.IMPORT_LISTINGS]: 'Import the Amazon listings',
  [OnboardingStepKind.REGISTER_AMAZON_PAY]: 'Register for Amazon Pay',
  [OnboardingStepKind.ACTIVATE_PRIME_SHIPPING]: 'Activate Prime shipping',
};

/** The order in which the console lists the steps, which is also the order they run in. */
export const onboardingStepOrder: readonly OnboardingStepKind[] = [
  OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY,
  OnboardingStepKind.IMPORT_LISTINGS,
  OnboardingStepKind.REGISTER_AMAZON_PAY,
  OnboardingStepKind.ACTIVATE_PRIME_SHIPPING,
];

export enum StepState {
  PENDING = 'PENDING',
  IN_PROGRESS = 'IN_PROGRESS',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/** A failed step is retried by queueing it again; a succeeded step stays done. */
export const stepTransitions: Readonly<Record<StepState, readonly StepState[]>> = {
  [StepState.PENDING]: [StepState.IN_PROGRESS],
  [StepState.IN_PROGRESS]: [StepState.SUCCEEDED, StepState.FAILED],
  [StepState.FAILED]: [StepState.PENDING],
  [StepState.SUCCEEDED]: [],
};

/** Steps that may only start once another has succeeded (Prime shipping needs Amazon Pay active). */
export const stepPrerequisites: Readonly<Record<OnboardingStepKind, readonly OnboardingStepKind[]>> = {
  [OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY]: [],
  [OnboardingStepKind.IMPORT_LISTINGS]: [],
  [OnboardingStepKind.REGISTER_AMAZON_PAY]: [],
  [OnboardingStepKind.ACTIVATE_PRIME_SHIPPING]: [OnboardingStepKind.REGISTER_AMAZON_PAY],
};

/** The part of a step the rules look at and change. */
export interface StepProgress {
  kind: OnboardingStepKind;
  state: StepState;
  attempts: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  failureReason: string | null;
}

export function initialStep(kind: OnboardingStepKind): StepProgress {
  return { kind, state: StepState.PENDING, attempts: 0, startedAt: null, finishedAt: null, failureReason: null };
}

function refuse(step: StepProgress, to: StepState, why: string): UserError {
  return new UserError(ErrorCode.INVALID_STEP_TRANSITION, why, { details: { step: step.kind, from: step.state, to } });
}

/** Starts a pending step, once its prerequisites have succeeded. */
export function startStep(step: StepProgress, siblings: readonly StepProgress[], now: Date): StepProgress | UserError {
  if (!stepTransitions[step.state].includes(StepState.IN_PROGRESS)) {
    return refuse(step, StepState.IN_PROGRESS, `The step ${step.kind} is ${step.state} and cannot be started.`);
  }
  const waitingFor = stepPrerequisites[step.kind].filter(
    (kind) => siblings.find((sibling) => sibling.kind === kind)?.state !== StepState.SUCCEEDED,
  );
  if (waitingFor.length > 0) {
    return refuse(step, StepState.IN_PROGRESS, `The step ${step.kind} needs ${waitingFor.join(', ')} to succeed first.`);
  }
  return { ...step, state: StepState.IN_PROGRESS, attempts: step.attempts + 1, startedAt: now, finishedAt: null, failureReason: null };
}

/** Queues a failed step again; the next run starts it over. The failure stays readable until then. */
export function retryStep(step: StepProgress): StepProgress | UserError {
  if (step.state !== StepState.FAILED) {
    return refuse(step, StepState.PENDING, `Only a failed step can be retried; ${step.kind} is ${step.state}.`);
  }
  return { ...step, state: StepState.PENDING };
}

export function succeedStep(step: StepProgress, now: Date): StepProgress | UserError {
  if (step.state !== StepState.IN_PROGRESS) {
    return refuse(step, StepState.SUCCEEDED, `The step ${step.kind} is ${step.state}, not in progress.`);
  }
  return { ...step, state: StepState.SUCCEEDED, finishedAt: now, failureReason: null };
}

export function failStep(step: StepProgress, reason: string, now: Date): StepProgress | UserError {
  if (step.state !== StepState.IN_PROGRESS) {
    return refuse(step, StepState.FAILED, `The step ${step.kind} is ${step.state}, not in progress.`);
  }
  return { ...step, state: StepState.FAILED, finishedAt: now, failureReason: reason };
}
