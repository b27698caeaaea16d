import { LinkState, linkMoveDetail } from '../../src/linking/link-state';
import { checkAuthorizationState, refusalForCodeExchange, remedies } from '../../src/linking/link.rules';
import { onboardingStepOrder, stepLabels } from '../../src/onboarding/onboarding-step-state';
import { ErrorCode } from '../../src/shared/errors';

/** L2 over SP-API: the OAuth state names one waiting attempt, for a while; Amazon's refusal of a code has its own words. */
const consentedAt = new Date('2026-03-02T09:00:00Z');
const waiting = { state: LinkState.AWAITING_AUTHORIZATION, authorizationState: 'state-abc', consentedAt };
const minutes = (n: number) => new Date(consentedAt.getTime() + n * 60_000);
const ttl = 10 * 60_000;

describe('the OAuth state of a link attempt (L2)', () => {
  it('L2: the attempt\'s own state, while it waits and within its lifetime, passes', () => {
    expect(checkAuthorizationState(waiting, 'state-abc', minutes(10), ttl)).toBeUndefined();
    expect(checkAuthorizationState(waiting, 'state-abc', minutes(600), null)).toBeUndefined();
  });

  it.each([
    ['no attempt has it', null, 'state-abc'],
    ['none was sent', waiting, undefined],
    ['another attempt\'s', waiting, 'state-abd'],
    ['a prefix of it', waiting, 'state-ab'],
  ])('L2: a state that is not the attempt\'s (%s) is AUTHORIZATION_STATE_INVALID, with the remedy to start again', (_case, attempt, state) => {
    const refusal = checkAuthorizationState(attempt, state, minutes(1), ttl);
    expect(refusal).toMatchObject({ code: ErrorCode.AUTHORIZATION_STATE_INVALID, message: 'Seller Central sent back a state that does not belong to this link attempt.' });
    expect(refusal?.remedy).toBe(remedies.startAgain);
  });

  it('L2, L7: the state of an attempt that was replaced, or already completed, is used, each in its own words', () => {
    const replaced = checkAuthorizationState({ ...waiting, state: LinkState.ABANDONED }, 'state-abc', minutes(1), ttl);
    expect(replaced).toMatchObject({ code: ErrorCode.AUTHORIZATION_STATE_USED, message: 'This link attempt was replaced by a newer one; its authorization can no longer be used.' });
    expect(replaced?.remedy).toBe(remedies.startAgain);
    expect(linkMoveDetail.readFrom(replaced!)).toEqual({ from: LinkState.ABANDONED, to: LinkState.LINKED });
    const completed = checkAuthorizationState({ ...waiting, state: LinkState.LINKED }, 'state-abc', minutes(1), ttl);
    expect(completed).toMatchObject({ code: ErrorCode.AUTHORIZATION_STATE_USED, message: 'This link attempt is already complete; its authorization was used.' });
    expect(linkMoveDetail.readFrom(completed!)).toEqual({ from: LinkState.LINKED, to: LinkState.LINKED });
  });

  it('L2: past its lifetime (and only past it) the attempt has expired, and the message says the lifetime', () => {
    expect(checkAuthorizationState(waiting, 'state-abc', new Date(minutes(10).getTime() + 1), ttl)).toMatchObject({
      code: ErrorCode.AUTHORIZATION_STATE_EXPIRED,
      message: 'The link attempt expired: it must be authorized in Seller Central within 10 minutes of starting.',
      options: { remedy: remedies.startAgain },
    });
    expect(checkAuthorizationState(waiting, 'state-abc', minutes(10), ttl)).toBeUndefined();
  });

  it('L2: Login with Amazon\'s refusal of a code (invalid_grant) has its own code, words and remedy', () => {
    expect(refusalForCodeExchange('REJECTED')).toMatchObject({
      code: ErrorCode.AUTHORIZATION_CODE_REJECTED,
      message: 'Login with Amazon refused the Seller Central authorization code (it was already used, has expired, or was issued for another app).',
      options: { remedy: remedies.authorizeAgain },
    });
  });
});

describe('the onboarding steps\' names (L6)', () => {
  it('L6: each step has the label the timeline and the log use', () => {
    expect(onboardingStepOrder.map((kind) => stepLabels[kind])).toEqual([
      'Identify inventory in Amazon fulfillment centers',
      'Import the Amazon listings',
      'Register for Amazon Pay',
      'Activate Prime shipping',
    ]);
  });
});
