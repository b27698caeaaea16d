import {
  failStep,
  initialStep,
  OnboardingStepKind,
  retryStep,
  onboardingStepOrder,
  startStep,
  StepProgress,
  StepState,
  succeedStep,
} from '../../src/onboarding/onboarding-step-state';
import { ErrorCode, UserError } from '../../src/shared/errors';

const t0 = new Date('2026-03-02T09:00:00Z');
const t1 = new Date('2026-03-02T09:05:00Z');

function ok(result: StepProgress | UserError): StepProgress {
  if (result instanceof UserError) throw result;
  return result;
}

describe('onboarding steps', () => {
  it('L6: the four steps of the help page, in the order they run, all pending at first', () => {
    expect(onboardingStepOrder).toEqual([
      OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY,
      OnboardingStepKind.IMPORT_LISTINGS,
      OnboardingStepKind.REGISTER_AMAZON_PAY,
      OnboardingStepKind.ACTIVATE_PRIME_SHIPPING,
    ]);
    expect(onboardingStepOrder.map(initialStep).map((step) => step.state)).toEqual(Array(4).fill(StepState.PENDING));
  });

  it('L6: a step runs, then succeeds, with its timestamps', () => {
    const running = ok(startStep(initialStep(OnboardingStepKind.IMPORT_LISTINGS), [], t0));
    expect(running).toMatchObject({ state: StepState.IN_PROGRESS, attempts: 1, startedAt: t0, finishedAt: null });
    expect(ok(succeedStep(running, t1))).toMatchObject({ state: StepState.SUCCEEDED, finishedAt: t1 });
  });

  it('L6: a failed step keeps its reason and can be retried: queued again, then started over', () => {
    const failed = ok(failStep(ok(startStep(initialStep(OnboardingStepKind.REGISTER_AMAZON_PAY), [], t0)), 'Amazon Pay is unavailable', t1));
    expect(failed).toMatchObject({ state: StepState.FAILED, failureReason: 'Amazon Pay is unavailable', finishedAt: t1 });
    expect(startStep(failed, [], t1)).toMatchObject({ code: ErrorCode.INVALID_STEP_TRANSITION });
    const queued = ok(retryStep(failed));
    expect(queued).toMatchObject({ state: StepState.PENDING, failureReason: 'Amazon Pay is unavailable' });
    expect(ok(startStep(queued, [], t1))).toMatchObject({ state: StepState.IN_PROGRESS, attempts: 2, failureReason: null });
  });

  it('L6: only a failed step can be retried', () => {
    const pending = initialStep(OnboardingStepKind.IMPORT_LISTINGS);
    expect(retryStep(pending)).toMatchObject({ code: ErrorCode.INVALID_STEP_TRANSITION });
    expect(retryStep(ok(startStep(pending, [], t0)))).toMatchObject({ code: ErrorCode.INVALID_STEP_TRANSITION });
  });

  it('L6: Prime shipping activation waits for Amazon Pay to be registered', () => {
    const shipping = initialStep(OnboardingStepKind.ACTIVATE_PRIME_SHIPPING);
    const payPending = initialStep(OnboardingStepKind.REGISTER_AMAZON_PAY);
    expect(startStep(shipping, [payPending], t0)).toMatchObject({ code: ErrorCode.INVALID_STEP_TRANSITION });
    const payDone = ok(succeedStep(ok(startStep(payPending, [], t0)), t1));
    expect(ok(startStep(shipping, [payDone], t1)).state).toBe(StepState.IN_PROGRESS);
  });

  it('L6: a step that is not running cannot succeed or fail, and a succeeded step does not restart', () => {
    const pending = initialStep(OnboardingStepKind.IMPORT_LISTINGS);
    expect(succeedStep(pending, t0)).toBeInstanceOf(UserError);
    expect(failStep(pending, 'x', t0)).toBeInstanceOf(UserError);
    const done = ok(succeedStep(ok(startStep(pending, [], t0)), t1));
    expect(startStep(done, [], t1)).toMatchObject({ code: ErrorCode.INVALID_STEP_TRANSITION });
  });
});
